package io.tidings.load;

import io.tidings.load.FeedItems.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feed bodies parsed once each, by the ETag of their bytes (a SHA-256 prefix, which the client
 * checks against the bytes it got), on a few threads, behind the readers' backs.
 *
 * <p>Why: 200 readers that all parse with ROME on this 2-core machine starve the server, the
 * writer and the readers' own event loops of CPU; the test then measures the scheduler, and
 * requests time out on the client side. Equal bytes parse to equal items, so each distinct body
 * is parsed once (readers that get it while it waits share the one parse); parses run on
 * {@code threads} threads, and a reader goes on polling while its body waits, as a reader on
 * another machine would. At most {@code maxPendingBytes} of bodies wait: past that a reader
 * waits too, which bounds the memory (the parses left at the end are finished before the
 * checks that need them).
 */
final class ParsedBodies {
  private static final int KEEP = 256;
  private final ExecutorService pool;
  private final Semaphore pending;
  private final Map<String, CompletableFuture<List<Item>>> byEtag =
      new LinkedHashMap<>(KEEP, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<List<Item>>> e) {
          return size() > KEEP;
        }
      };
  final LongAdder parsed = new LongAdder();
  final LongAdder reused = new LongAdder();
  final LongAdder parseNanos = new LongAdder();

  /** How a checker gets the items of a body whose identity ETag is {@code etag}. */
  interface Parser {
    List<Item> items(String format, String etag, byte[] body) throws Exception;
  }

  ParsedBodies(int threads, long maxPendingBytes) {
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "churn-parser-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.pending = new Semaphore((int) (maxPendingBytes >> 10));
  }

  /** The items of {@code body} once parsed; waits only while too many bodies wait already. */
  CompletableFuture<List<Item>> later(String format, String etag, byte[] body)
      throws InterruptedException {
    CompletableFuture<List<Item>> mine;
    synchronized (this) {
      CompletableFuture<List<Item>> known = byEtag.get(etag);
      if (known != null) {
        reused.increment();
        return known;
      }
      mine = new CompletableFuture<>();
      byEtag.put(etag, mine);
    }
    int kib = (body.length >> 10) + 1;
    pending.acquire(kib);
    try {
      pool.execute(() -> {
        try {
          mine.complete(parse(format, body));
        } catch (Throwable t) {
          mine.completeExceptionally(t);
        } finally {
          pending.release(kib);
        }
      });
    } catch (RuntimeException e) {
      pending.release(kib);
      mine.completeExceptionally(e);
    }
    return mine;
  }

  /** The items now, parsed on the calling thread unless a finished parse has them already. */
  List<Item> now(String format, String etag, byte[] body) throws Exception {
    CompletableFuture<List<Item>> known;
    synchronized (this) {
      known = byEtag.get(etag);
    }
    if (known != null && known.isDone() && !known.isCompletedExceptionally()) {
      reused.increment();
      return known.join();
    }
    return parse(format, body);
  }

  private List<Item> parse(String format, byte[] body) throws Exception {
    long t0 = System.nanoTime();
    List<Item> items = FeedItems.parse(format, body);
    parseNanos.add(System.nanoTime() - t0);
    parsed.increment();
    return items;
  }

  /** Finishes the parses that wait; false when they take longer than the timeout. */
  boolean drain(long timeoutSeconds) throws InterruptedException {
    pool.shutdown();
    return pool.awaitTermination(timeoutSeconds, TimeUnit.SECONDS);
  }
}
