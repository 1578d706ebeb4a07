package io.tidings.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Collects changed paths from any thread and hands them over in batches. The first event after
 * a quiet spell (no batch for the debounce time) is handed over at once: a file moved into
 * place shows without a wait ({@link Settling} tells whether what was read may be applied).
 * The events that follow within the debounce time are held until events have been quiet for
 * the debounce time, so that a burst makes a handful of snapshots, not one per file. A burst
 * that never goes quiet is still handed over every {@code max(5 x debounce, 500 ms)}.
 */
final class Debouncer {
  private final long debounceNanos;
  private final long maxDelayNanos;
  private final ScheduledExecutorService thread;
  private final Consumer<List<Path>> batch;
  private final Set<Path> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** A batch to go at once is on its way to the ingest thread. */
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicLong lastEventNanos = new AtomicLong();
  private final AtomicLong firstPendingNanos = new AtomicLong();
  /** When the last batch was handed over; ingest thread writes. */
  private volatile long lastFlushNanos;

  /** @param batch runs on {@code thread} with the paths of one batch */
  Debouncer(Duration debounce, ScheduledExecutorService thread, Consumer<List<Path>> batch) {
    this.debounceNanos = debounce.toNanos();
    this.maxDelayNanos = Math.max(debounceNanos * 5, Duration.ofMillis(500).toNanos());
    this.thread = thread;
    this.batch = batch;
    this.lastFlushNanos = System.nanoTime() - debounceNanos;
  }

  /**
   * Queues a path and (re)arms the timer. Any thread.
   *
   * @param arrival the path is there now (made or moved in, not deleted): after a quiet spell
   *     it goes at once. A deletion waits for the debounce: a folder deleted file by file, or
   *     the whole content directory, is then seen as a whole.
   */
  void add(Path path, boolean arrival) {
    pending.add(path);
    long now = System.nanoTime();
    lastEventNanos.set(now);
    firstPendingNanos.compareAndSet(0, now);
    if (arrival && now - lastFlushNanos >= debounceNanos && leading.compareAndSet(false, true)) {
      lastFlushNanos = now; // what follows within the debounce waits for the trailing batch
      thread.execute(() -> {
        leading.set(false);
        flush();
      });
      return;
    }
    if (scheduled.compareAndSet(false, true)) {
      thread.schedule(this::maybeFlush, debounceNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void maybeFlush() {
    long now = System.nanoTime();
    long quiet = now - lastEventNanos.get();
    long waited = now - firstPendingNanos.get();
    if (quiet < debounceNanos && waited < maxDelayNanos) {
      thread.schedule(this::maybeFlush, Math.min(debounceNanos - quiet, maxDelayNanos - waited),
          TimeUnit.NANOSECONDS);
      return;
    }
    scheduled.set(false);
    flush();
  }

  private void flush() {
    lastFlushNanos = System.nanoTime();
    firstPendingNanos.set(0);
    List<Path> paths = new ArrayList<>(pending);
    pending.removeAll(paths);
    if (!paths.isEmpty()) {
      batch.accept(paths);
    }
  }
}
