package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.catalog.SnapshotChange;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered feeds by request, least recently used first out, bounded by count and bytes. A new
 * snapshot drops only the entries that one of its changed articles matches: a change in topic
 * X leaves topic Y's bytes and ETag alone. Thread-safe.
 */
final class RenderCache {
  /** Beyond this many changed articles in one snapshot, clearing is cheaper than checking. */
  private static final int CLEAR_ABOVE = 2_000;

  private record Entry(RenderedFeed feed, FeedQuery query) {}

  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private long hits;
  private long misses;
  private long evictions;

  RenderCache(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  synchronized RenderedFeed get(String key) {
    Entry e = entries.get(key);
    if (e == null) {
      misses++;
      return null;
    }
    hits++;
    return e.feed();
  }

  /** The entry, or null, without counting a hit or a miss (a second look after a miss). */
  synchronized RenderedFeed peek(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.feed();
  }

  /** Stores a render unless {@code stillCurrent} says its snapshot was replaced meanwhile. */
  synchronized void put(String key, FeedQuery query, RenderedFeed feed,
      java.util.function.BooleanSupplier stillCurrent) {
    if (!stillCurrent.getAsBoolean() || feed.weight() > maxBytes || maxEntries == 0) {
      return;
    }
    Entry old = entries.put(key, new Entry(feed, query));
    if (old != null) {
      bytes -= old.feed().weight();
    }
    bytes += feed.weight();
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
      bytes -= it.next().getValue().feed().weight();
      it.remove();
      evictions++;
    }
  }

  /**
   * Drops the entries that the change touches and marks the others as the rendering of the new
   * snapshot too (their bytes are what it would render), so that a feed's snapshot version is
   * the current one whenever the cache is up to date, whatever its render history.
   */
  synchronized void invalidate(SnapshotChange change) {
    if (change.added().size() + change.removed().size() > CLEAR_ABOVE) {
      entries.clear();
      bytes = 0;
      return;
    }
    String next = change.next().versionHex();
    // An empty Atom feed is updated at the catalog's newest date (FeedMeta.updatedOrCatalog).
    boolean newestMoved = !java.util.Objects.equals(FeedService.newest(change.previous()),
        FeedService.newest(change.next()));
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Entry> me = it.next();
      Entry e = me.getValue();
      if (touches(e.query(), change) || (newestMoved && e.feed().lastModified() == null)) {
        bytes -= e.feed().weight();
        it.remove();
      } else {
        me.setValue(new Entry(e.feed().at(next), e.query()));
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

  /** Counts for /metrics and /status. */
  record Stats(long hits, long misses, long evictions, int entries, long bytes) {}

  synchronized Stats stats() {
    return new Stats(hits, misses, evictions, entries.size(), bytes);
  }
}
