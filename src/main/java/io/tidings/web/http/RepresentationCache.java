package io.tidings.web.http;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.tidings.article.Article;
import io.tidings.catalog.EstablishedNames;
import io.tidings.catalog.SnapshotChange;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedService;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Every representation that the server makes, by key, in one Caffeine cache: feeds (keyed by
 * their request's cache key, a String) and views, i.e. pages, API answers and OPML lists
 * (keyed by snapshot version and name). Each key is made once on the render executor, never on
 * the event loop, however many requests ask for it at the same moment; a failed make is not
 * kept. Bounded by weight: the bytes of both bodies, and at least {@code maxBytes /
 * maxEntries} an entry, so that the entry bound holds too.
 *
 * <p>A new snapshot ({@link #onChange}) drops the cached feeds that a changed article matches
 * and re-labels the others as the rendering of the new snapshot (their bytes are what it would
 * render), and drops every view of an older snapshot.
 */
public final class RepresentationCache {
  /** Beyond this many changed articles in one snapshot, clearing is cheaper than checking. */
  private static final int CLEAR_ABOVE = 2_000;
  /** The room that views have beside the feeds' {@code feeds.cacheBytes}. */
  private static final long VIEW_BYTES = 32L << 20;

  /** A page, API answer or OPML list of one snapshot. */
  private record ViewKey(long version, String name) {}

  /** The delta of feed {@code feed} from the state tagged {@code from} to the one tagged {@code to}. */
  private record DeltaKey(String feed, String from, String to) {}

  private final AsyncCache<Object, Representation> cache;
  private final Executor renderPool;
  private final boolean cachesFeeds;
  private final FeedStates states = new FeedStates();
  private final LongAdder hits = new LongAdder();
  private final LongAdder fastHits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder renders = new LongAdder();
  private volatile LongConsumer renderTimes = nanos -> {};

  /**
   * @param maxEntries feeds kept at most ({@code feeds.cacheEntries}); 0 keeps none
   * @param maxBytes bytes of feeds kept at most ({@code feeds.cacheBytes})
   */
  public RepresentationCache(int maxEntries, long maxBytes, Executor renderPool) {
    this.renderPool = renderPool;
    this.cachesFeeds = maxEntries > 0 && maxBytes > 0;
    long least = cachesFeeds ? Math.max(1, maxBytes / maxEntries) : 1;
    this.cache = Caffeine.newBuilder()
        .maximumWeight((cachesFeeds ? maxBytes : 0) + VIEW_BYTES)
        .<Object, Representation>weigher((k, r) -> (int) Math.min(Integer.MAX_VALUE,
            Math.max(least, r.weight())))
        .evictionListener((k, r, cause) -> {
          if (k instanceof String && cause == RemovalCause.SIZE) {
            evictions.increment();
          }
        })
        .executor(Runnable::run) // upkeep is a few pointer moves: do it where it arises
        .buildAsync();
  }

  /**
   * The feed {@code key} if it is cached and made, counted as a hit; else null. A hit costs no
   * allocation, so a cached feed is answered at once on the event loop.
   */
  public CompletableFuture<Representation> cachedFeed(String key) {
    if (!cachesFeeds) {
      return null;
    }
    CompletableFuture<Representation> hit = cache.getIfPresent(key);
    if (hit != null && hit.isDone() && !hit.isCompletedExceptionally()) {
      hits.increment();
      return hit;
    }
    return null;
  }

  /** Counts a hit of {@link #cachedFeed} that FeedFastPath answered without the router. */
  void countFastHit() {
    fastHits.increment();
  }

  /**
   * The feed {@code key} after {@link #cachedFeed} found none, counted as a miss: the render
   * under way for it, else a new one by {@code render} on the render executor.
   */
  public CompletableFuture<Representation> feed(String key, Supplier<Representation> render) {
    misses.increment();
    if (!cachesFeeds) {
      return CompletableFuture.supplyAsync(() -> count(render), renderPool);
    }
    return cache.get(key, (k, e) -> CompletableFuture.supplyAsync(() -> count(render),
        renderPool));
  }

  /**
   * The view {@code name} of snapshot {@code version} ({@code make} gives its bytes, of type
   * {@code contentType}): cached, or made once on the render executor; completes on
   * {@code context}.
   */
  public Future<Representation> view(Context context, long version, String name,
      String contentType, Callable<byte[]> make) {
    CompletableFuture<Representation> made = cache.get(new ViewKey(version, name),
        (k, e) -> CompletableFuture.supplyAsync(() -> {
          try {
            return Representation.of(contentType, make.call());
          } catch (Exception ex) {
            throw new CompletionException(ex);
          }
        }, renderPool));
    return Future.fromCompletionStage(made, context);
  }

  /**
   * The delta (RFC 3229, {@code A-IM: feed}) of feed {@code feedKey} from the state tagged
   * {@code from} to the one tagged {@code to}: cached, or made once by {@code make} on the
   * render executor; completes on {@code context}. Dropped with every new snapshot.
   */
  public Future<Representation> delta(Context context, String feedKey, String from, String to,
      Supplier<Representation> make) {
    CompletableFuture<Representation> made = cache.get(new DeltaKey(feedKey, from, to),
        (k, e) -> CompletableFuture.supplyAsync(make, renderPool));
    return Future.fromCompletionStage(made, context);
  }

  /** The recent states of the feeds that delta clients read. */
  public FeedStates states() {
    return states;
  }

  /** {@code times} hears how long each feed render took, in nanoseconds (on the render pool). */
  public void onFeedRendered(LongConsumer times) {
    renderTimes = times;
  }

  private Representation count(Supplier<Representation> render) {
    renders.increment();
    long start = System.nanoTime();
    try {
      return render.get();
    } finally {
      renderTimes.accept(System.nanoTime() - start);
    }
  }

  /** Call with every new snapshot (the catalog's announcement). */
  public void onChange(SnapshotChange change) {
    ConcurrentMap<Object, CompletableFuture<Representation>> map = cache.asMap();
    // A renamed topic or category (another spelling became the established one) shows in
    // feeds whose articles did not change: rare enough to start again.
    if (change.added().size() + change.removed().size() > CLEAR_ABOVE
        || EstablishedNames.renamed(change)) {
      map.clear();
      return;
    }
    String next = change.next().versionHex();
    // An empty Atom feed is updated at the catalog's newest date (FeedMeta.updatedOrCatalog).
    boolean newestMoved = !Objects.equals(FeedService.newest(change.previous()),
        FeedService.newest(change.next()));
    for (Map.Entry<Object, CompletableFuture<Representation>> e : map.entrySet()) {
      Object key = e.getKey();
      CompletableFuture<Representation> f = e.getValue();
      if (key instanceof DeltaKey) {
        map.remove(key, f);
      } else if (key instanceof ViewKey v) {
        if (v.version() != change.next().version()) {
          map.remove(key, f);
        }
      } else if (!f.isDone() || f.isCompletedExceptionally()) {
        map.remove(key, f); // a render of an older snapshot: served to its waiters, not kept
      } else {
        Representation r = f.join();
        if (touches(r.query(), change) || (newestMoved && r.lastModified() == null)) {
          map.remove(key, f);
        } else {
          map.replace(key, f, CompletableFuture.completedFuture(r.at(next)));
        }
      }
    }
  }

  private static boolean touches(FeedQuery q, SnapshotChange change) {
    for (Article a : change.removed()) {
      if (q.matches(a)) {
        return true;
      }
    }
    for (Article a : change.added()) {
      if (q.matches(a)) {
        return true;
      }
    }
    return false;
  }

  /** Counts for /metrics: feed lookups, feed evictions, feeds rendered, feeds held. */
  public CacheStats stats() {
    int entries = 0;
    long bytes = 0;
    for (Map.Entry<Object, CompletableFuture<Representation>> e : cache.asMap().entrySet()) {
      CompletableFuture<Representation> f = e.getValue();
      if (e.getKey() instanceof String && f.isDone() && !f.isCompletedExceptionally()) {
        entries++;
        bytes += f.join().weight();
      }
    }
    return new CacheStats(hits.sum(), misses.sum(), evictions.sum(), entries, bytes,
        renders.sum(), fastHits.sum());
  }

  /**
   * The render cache's counters; {@code renders} counts every feed rendered, {@code fastHits}
   * the hits answered without the router (a share of {@code hits}).
   */
  public record CacheStats(long hits, long misses, long evictions, int entries, long bytes,
      long renders, long fastHits) {}
}
