package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.catalog.Facet;
import io.tidings.catalog.Snapshot;
import io.tidings.catalog.SnapshotChange;
import io.tidings.config.Config;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Feeds on request: from the cache when it has them, else rendered once on the render
 * executor (never on the caller's thread), however many callers ask at the same moment.
 */
public final class FeedService {
  private final Config.Feeds config;
  private final FeedQuery.Limits limits;
  private final Supplier<Snapshot> snapshots;
  private final Executor renderPool;
  private final RenderCache cache;
  private final Map<String, CompletableFuture<RenderedFeed>> inFlight = new ConcurrentHashMap<>();
  private final XmlBytes xml = new XmlBytes();
  private final JsonFeedRenderer json = new JsonFeedRenderer();
  private final java.util.concurrent.atomic.AtomicLong renders = new java.util.concurrent.atomic.AtomicLong();
  private final RssRenderer rss = new RssRenderer(xml);

  /** The WebSub hub the feeds name, or null. */
  private final String hub;

  public FeedService(Config.Feeds config, Supplier<Snapshot> snapshots, Executor renderPool) {
    this(config, "", snapshots, renderPool);
  }

  /** @param hub the WebSub hub that feeds advertise ({@code websub.hub}); "" for none */
  public FeedService(Config.Feeds config, String hub, Supplier<Snapshot> snapshots,
      Executor renderPool) {
    this.config = config;
    this.hub = hub.isEmpty() ? null : hub;
    this.limits = new FeedQuery.Limits(config.defaultLimit(), config.maxLimit());
    this.snapshots = snapshots;
    this.renderPool = renderPool;
    this.cache = new RenderCache(config.cacheEntries(), config.cacheBytes());
  }

  public FeedQuery.Limits limits() {
    return limits;
  }

  /** Call with every new snapshot (the catalog's announcement). */
  public void onChange(SnapshotChange change) {
    cache.invalidate(change);
  }

  public CompletableFuture<RenderedFeed> get(FeedRequest request) {
    String key = request.cacheKey();
    RenderedFeed hit = cache.get(key);
    if (hit != null) {
      return CompletableFuture.completedFuture(hit);
    }
    CompletableFuture<RenderedFeed> mine = new CompletableFuture<>();
    CompletableFuture<RenderedFeed> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return running;
    }
    // A render of this key may have finished between the miss above and putIfAbsent: its
    // result is in the cache (it is put there before it leaves inFlight). Do not render twice.
    RenderedFeed late = cache.peek(key);
    if (late != null) {
      inFlight.remove(key, mine);
      mine.complete(late);
      return mine;
    }
    try {
      renderPool.execute(() -> {
        try {
          Snapshot snapshot = snapshots.get();
          RenderedFeed feed = render(request, snapshot);
          cache.put(key, request.query(), feed, () -> snapshots.get() == snapshot);
          mine.complete(feed);
        } catch (RuntimeException | Error e) {
          mine.completeExceptionally(e);
        } finally {
          inFlight.remove(key, mine);
        }
      });
    } catch (RuntimeException e) {
      inFlight.remove(key, mine);
      mine.completeExceptionally(e);
    }
    return mine;
  }

  /** Renders without the cache, on the calling thread. */
  public RenderedFeed render(FeedRequest request, Snapshot snapshot) {
    renders.incrementAndGet();
    List<Article> items = Selection.run(snapshot, request.query());
    FeedMeta meta = new FeedMeta(title(request, snapshot), config.description(),
        request.selfUrl(limits), request.baseUrl() + request.pagePath(), config.language(),
        (int) config.ttl().toMinutes(), items.isEmpty() ? null : items.get(0).publishedAt(),
        newest(snapshot),
        config.stylesheet() && request.format() != FeedFormat.JSON ? request.stylesheetHref()
            : null, hub);
    FeedRenderer renderer = switch (request.format()) {
      case RSS -> rss;
      case ATOM -> new AtomRenderer(xml, request.baseUrl() + "/topics/");
      case JSON -> json;
    };
    return RenderedFeed.of(request.format(), renderer.render(meta, items), meta.updated(),
        snapshot.versionHex());
  }

  /** The newest visible article's date in the snapshot, or null when it holds none. */
  static Instant newest(Snapshot snapshot) {
    return snapshot.size() == 0 ? null : snapshot.articles().get(0).publishedAt();
  }

  /** "Tidings", "Tidings: AI", "Tidings: AI, Space · Reuters · “chip”": the filter in words. */
  String title(FeedRequest request, Snapshot snapshot) {
    FeedQuery q = request.query();
    List<String> parts = new ArrayList<>();
    addNames(parts, q.topics(), snapshot.topics());
    addNames(parts, q.providers(), snapshot.providers());
    addNames(parts, q.categories(), snapshot.categories());
    if (!q.words().isEmpty()) {
      parts.add("“" + String.join(" ", q.words()) + "”");
    }
    return parts.isEmpty() ? config.title() : config.title() + ": " + String.join(" · ", parts);
  }

  private static void addNames(List<String> parts, Set<String> keys, Map<String, Facet> index) {
    if (keys.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (String k : keys) {
      Facet f = index.get(k);
      if (!k.isEmpty()) {
        names.add(f == null ? k : f.name());
      }
    }
    if (!names.isEmpty()) {
      parts.add(String.join(", ", names));
    }
  }

  public RenderCacheStats stats() {
    RenderCache.Stats s = cache.stats();
    return new RenderCacheStats(s.hits(), s.misses(), s.evictions(), s.entries(), s.bytes(),
        renders.get());
  }

  /** Cache counters for /status and metrics; {@code renders} counts every feed rendered. */
  public record RenderCacheStats(long hits, long misses, long evictions, int entries,
      long bytes, long renders) {}
}
