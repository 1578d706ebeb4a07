package io.tidings.web;

import io.tidings.catalog.Snapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Pages, API answers and OPML lists of the current snapshot: each is made once on a worker
 * thread (never on the event loop) and kept until the snapshot changes. Bounded by entries
 * and bytes, least recently used first out.
 */
final class ViewCache {
  private final Vertx vertx;
  private final Supplier<Snapshot> current;
  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<String, Rendered> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private long version = Long.MIN_VALUE;

  ViewCache(Vertx vertx, Supplier<Snapshot> current, int maxEntries, long maxBytes) {
    this.vertx = vertx;
    this.current = current;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The view {@code key} of {@code snapshot}: from the cache, else made by {@code make}. */
  Future<Rendered> get(Snapshot snapshot, String key, Callable<Rendered> make) {
    Rendered hit = lookup(snapshot.version(), key);
    if (hit != null) {
      return Future.succeededFuture(hit);
    }
    return vertx.executeBlocking(make, false).map(r -> {
      // A view of a snapshot that has been replaced meanwhile is served once, not kept.
      if (current.get().version() == snapshot.version()) {
        store(snapshot.version(), key, r);
      }
      return r;
    });
  }

  private synchronized Rendered lookup(long v, String key) {
    return v == version ? entries.get(key) : null;
  }

  private synchronized void store(long v, String key, Rendered r) {
    if (v != version) {
      entries.clear();
      bytes = 0;
      version = v;
    }
    Rendered old = entries.put(key, r);
    bytes += r.weight() - (old == null ? 0 : old.weight());
    var it = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
      Map.Entry<String, Rendered> eldest = it.next();
      bytes -= eldest.getValue().weight();
      it.remove();
    }
  }
}
