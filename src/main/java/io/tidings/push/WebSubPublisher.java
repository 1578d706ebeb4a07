package io.tidings.push;

import io.tidings.article.Article;
import io.tidings.article.Topic;
import io.tidings.catalog.SnapshotChange;
import io.tidings.config.Config;
import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.Scope;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub publisher (W3C WebSub, section 7: "the publisher notifies the hub"). After each
 * snapshot it tells the hub, with {@code hub.mode=publish} and {@code hub.url}, the canonical
 * URL of every feed the change touched: the all-articles feeds and each touched topic's and
 * provider's feeds, in every format. One request per URL; a URL that is already waiting to be
 * sent is not queued twice; at most four are in flight at once; failures and time-outs are
 * retried after {@code websub.retryDelay}, doubling, up to {@code websub.maxAttempts} tries. Everything runs on one event loop and
 * nothing waits for it: a hub that is down costs log lines and metrics only.
 */
public final class WebSubPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(WebSubPublisher.class);
  /** Notifications sent at once; the rest wait their turn. */
  static final int MAX_IN_FLIGHT = 4;

  private final Config.WebSub config;
  private final String baseUrl;
  private final FeedQuery.Limits limits;
  private final Context context;
  private final BooleanSupplier live;
  private final HttpClient client;
  private final RequestOptions target;
  /** Feed URL to its notification's state; touched on {@link #context} only. */
  private final Map<String, Pending> pending = new HashMap<>();
  /** URLs waiting for one of the {@link #MAX_IN_FLIGHT} slots, first come first served. */
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private int inFlightCount;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong abandoned = new AtomicLong();
  private volatile int waiting;
  private boolean closed;

  private static final class Pending {
    int attempts;
    boolean inFlight;
    /** The feed changed again while a notification was in flight: send once more after. */
    boolean again;
    long timer = -1;
  }

  /** @param live true once the start-up scan is done (its snapshot is not announced) */
  public WebSubPublisher(Config.WebSub config, String baseUrl, FeedQuery.Limits limits,
      Context context, BooleanSupplier live) {
    this.config = config;
    this.live = live;
    this.baseUrl = baseUrl;
    this.limits = limits;
    this.context = context;
    this.client = context.owner().createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis()))
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT));
    this.target = new RequestOptions().setAbsoluteURI(config.hub()).setMethod(HttpMethod.POST)
        .setTimeout(config.timeout().toMillis())
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .putHeader("User-Agent", "Tidings (WebSub publisher)");
  }

  /**
   * The catalog's listener (the ingest thread): works out the URLs, then hands them over.
   * The start-up scan's snapshot is news to nobody (a restart or a new replica would ping
   * every feed), so nothing is sent until {@code live} says the first scan is done.
   */
  public void onChange(SnapshotChange change) {
    if (!live.getAsBoolean()) {
      return;
    }
    Set<String> urls = feedUrls(change);
    if (!urls.isEmpty()) {
      context.runOnContext(v -> urls.forEach(this::notifyHub));
    }
  }

  /**
   * The canonical URLs of the feeds that {@code change} alters, in a fixed order: the feeds
   * of every article, then of each topic and provider of an article that came, changed or
   * went. A change that no feed shows (quality alone) touches none.
   */
  Set<String> feedUrls(SnapshotChange change) {
    Set<String> topics = new LinkedHashSet<>();
    Set<String> providers = new LinkedHashSet<>();
    Map<String, Article> before = new LinkedHashMap<>();
    for (Article a : change.removed()) {
      before.put(a.id(), a);
    }
    for (Article a : change.added()) {
      Article old = before.remove(a.id());
      if (old == null) {
        touch(a, topics, providers);
      } else if (ArticleEvent.showsDifferently(old, a)) {
        touch(a, topics, providers);
        touch(old, topics, providers);
      }
    }
    for (Article gone : before.values()) {
      touch(gone, topics, providers);
    }
    Set<String> urls = new LinkedHashSet<>();
    if (providers.isEmpty()) {
      return urls; // every article has a provider: no article touched
    }
    add(urls, Scope.ALL, "");
    topics.forEach(t -> add(urls, Scope.TOPIC, t));
    providers.forEach(p -> add(urls, Scope.PROVIDER, p));
    return urls;
  }

  private static void touch(Article a, Set<String> topics, Set<String> providers) {
    for (Topic t : a.topics()) {
      topics.add(t.key());
    }
    providers.add(a.provider().key());
  }

  private void add(Set<String> urls, Scope scope, String key) {
    FeedQuery query = FeedQuery.of(scope, key, limits);
    for (FeedFormat f : List.of(FeedFormat.RSS, FeedFormat.ATOM, FeedFormat.JSON)) {
      urls.add(new FeedRequest(f, scope, key, query, baseUrl).selfUrl(limits));
    }
  }

  private void notifyHub(String url) {
    if (closed) {
      return;
    }
    Pending p = pending.get(url);
    if (p == null) {
      p = new Pending();
      pending.put(url, p);
      waiting = pending.size();
      enqueue(url);
    } else if (p.inFlight) {
      p.again = true;
    }
    // else it waits for a slot or a retry, and will tell the hub of this change too
  }

  private void enqueue(String url) {
    queue.addLast(url);
    pump();
  }

  /** Starts what waits, a few at a time, so that time-outs measure the hub and not a queue. */
  private void pump() {
    while (!closed && inFlightCount < MAX_IN_FLIGHT && !queue.isEmpty()) {
      String url = queue.pollFirst();
      send(url, pending.get(url));
    }
  }

  private void send(String url, Pending p) {
    p.inFlight = true;
    p.attempts++;
    inFlightCount++;
    Buffer body = Buffer.buffer("hub.mode=publish&hub.url="
        + URLEncoder.encode(url, StandardCharsets.UTF_8));
    client.request(new RequestOptions(target))
        .compose(req -> req.send(body))
        .compose(res -> res.body().compose(ignored -> res.statusCode() / 100 == 2
            ? Future.succeededFuture()
            : Future.failedFuture("the hub answered " + res.statusCode())))
        .onComplete(ar -> {
          p.inFlight = false;
          inFlightCount--;
          if (ar.succeeded()) {
            sent.incrementAndGet();
            finished(url, p);
          } else {
            failed(url, p, ar.cause());
          }
          pump();
        });
  }

  private void failed(String url, Pending p, Throwable cause) {
    failed.incrementAndGet();
    if (closed) {
      return;
    }
    if (p.attempts >= config.maxAttempts()) {
      abandoned.incrementAndGet();
      LOG.warn("WebSub: gave up telling {} of {} after {} attempts: {}", config.hub(), url,
          p.attempts, cause.getMessage());
      finished(url, p);
      return;
    }
    long delay = config.retryDelay().toMillis() << Math.min(p.attempts - 1, 20);
    LOG.warn("WebSub: telling {} of {} failed ({}); retry {} in {} ms", config.hub(), url,
        cause.getMessage(), p.attempts, delay);
    retried.incrementAndGet();
    p.timer = context.owner().setTimer(Math.max(1, delay), id -> {
      p.timer = -1;
      p.again = false; // the retry tells of every change so far
      enqueue(url);
    });
  }

  private void finished(String url, Pending p) {
    if (p.again && !closed) {
      p.again = false;
      p.attempts = 0;
      enqueue(url);
      return;
    }
    pending.remove(url);
    waiting = pending.size();
  }

  /** Notifications sent that the hub accepted (2xx). */
  public long sent() {
    return sent.get();
  }

  /** Attempts that failed (an error status, a refused connection, a time-out). */
  public long failed() {
    return failed.get();
  }

  public long retried() {
    return retried.get();
  }

  /** URLs given up after {@code websub.maxAttempts}. */
  public long abandoned() {
    return abandoned.get();
  }

  /** Feed URLs waiting to be told (in flight or waiting for a retry). */
  public int waiting() {
    return waiting;
  }

  public Future<Void> close() {
    return Future.<Void>future(promise -> context.runOnContext(v -> {
      closed = true;
      for (Pending p : pending.values()) {
        if (p.timer != -1) {
          context.owner().cancelTimer(p.timer);
        }
      }
      pending.clear();
      queue.clear();
      waiting = 0;
      promise.complete();
    })).compose(v -> client.close());
  }
}
