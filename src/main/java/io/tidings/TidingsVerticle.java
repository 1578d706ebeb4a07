package io.tidings;

import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.config.Config;
import io.tidings.feed.FeedService;
import io.tidings.ingest.Ingest;
import io.tidings.metrics.ServerMetrics;
import io.tidings.push.EventLog;
import io.tidings.push.StreamCounters;
import io.tidings.push.WebSubPublisher;
import io.tidings.web.Routes;
import io.tidings.web.feeds.Subscribers;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.server.ConnectionGuard;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the parts: catalog, ingest, metrics, routes, HTTP server. Listens first (so that
 * /health says 503 while the first scan runs), then completes its start when the scan is done.
 * Stops gracefully: /health turns 503, the server takes no new connection and gives requests in
 * flight up to {@code http.shutdownGrace}, then the watcher and the render threads stop.
 */
public final class TidingsVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TidingsVerticle.class);

  private final Config config;
  private final ServerMetrics metrics;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
  private Ingest ingest;
  private ExecutorService renderPool;
  private FeedService feeds;
  private RepresentationCache cache;
  private WebSubPublisher webSub;

  /** {@code metrics} must be the one whose {@link ServerMetrics#newVertx()} runs this verticle. */
  public TidingsVerticle(Config config, ServerMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    Catalog catalog = new Catalog(config.content().includeUnpublished(),
        config.content().hideFuture(), Clock.systemUTC());
    ingest = new Ingest(config.content(), new ArticleParser(config.content().maxFileSize()),
        catalog);
    renderPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
      Thread t = new Thread(r, "tidings-render");
      t.setDaemon(true);
      return t;
    });
    feeds = new FeedService(config.feeds(), config.websub().hub());
    cache = new RepresentationCache(config.feeds().cacheEntries(), config.feeds().cacheBytes(),
        renderPool);
    catalog.onChange(cache::onChange);
    // Push hears of a snapshot after the render cache has forgotten what it changed, so a
    // client that refetches a feed on an event gets the new feed.
    Push push = new Push(new EventLog(config.push().replay()),
        new StreamCounters(config.push().maxClients()));
    catalog.onChange(push.log()::publish);
    metrics.bindPush(push.counters());
    if (config.websub().enabled()) {
      webSub = new WebSubPublisher(config.websub(), config.http().baseUrl(), feeds.limits(),
          context, () -> ingest.status().ready());
      catalog.onChange(webSub::onChange);
      metrics.bindWebSub(webSub);
      LOG.info("WebSub: telling {} of every feed change", config.websub().hub());
    }
    ingest.onSnapshotBuilt(metrics::snapshotBuilt);
    metrics.bindCatalog(catalog::current);
    metrics.bindIngest(ingest::status);
    metrics.bindRenderCache(cache::stats);
    Subscribers subscribers = new Subscribers();
    metrics.bindSubscribers(subscribers);
    cache.onFeedRendered(metrics::feedRendered);
    Routes.Sources sources = new Routes.Sources(catalog::current, ingest::status, feeds, cache,
        stopping::get, metrics.scrapeHandler(), subscribers);
    int loops = config.http().effectiveEventLoops();
    ConnectionGuard connections = new ConnectionGuard(config.http().limits());
    metrics.bindConnections(connections);
    return vertx.deployVerticle(() -> {
      HttpVerticle v = new HttpVerticle(config, sources, push, stopping, connections);
      servers.add(v);
      return v;
    }, new DeploymentOptions().setInstances(loops))
        .compose(id -> {
          LOG.info("listening on http://{}:{}/ ({} event loop{})", config.http().host(), port(),
              loops, loops == 1 ? "" : "s");
          return Future.fromCompletionStage(ingest.start(), context);
        });
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return servers.get(0).port();
  }

  public Ingest ingest() {
    return ingest;
  }

  public FeedService feeds() {
    return feeds;
  }

  /** Feeds, pages, API answers and OPML lists as sent, with the render cache's counters. */
  public RepresentationCache cache() {
    return cache;
  }

  /**
   * The HTTP verticles were deployed from this one, so Vert.x undeploys (drains) them first;
   * then the watcher and the render threads stop.
   */
  @Override
  public Future<?> stop() {
    stopping.set(true);
    if (ingest != null) {
      ingest.close();
    }
    if (renderPool != null) {
      renderPool.shutdownNow();
    }
    return webSub == null ? Future.succeededFuture() : webSub.close();
  }
}
