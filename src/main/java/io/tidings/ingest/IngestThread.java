package io.tidings.ingest;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one thread, {@code tidings-ingest}, that writes the catalog and runs ingest's timers. It
 * keeps what the stall check of /health needs: how long its current task has gone without
 * progress (a file read, a folder listed), so a long scan that moves is busy, not stalled.
 */
final class IngestThread extends ScheduledThreadPoolExecutor {
  /** When the current task began (System.nanoTime), 0 while the thread is idle. */
  private volatile long busySince;
  /** The last sign of progress within a task. */
  private volatile long progressAt;

  IngestThread() {
    super(1, r -> {
      Thread t = new Thread(r, "tidings-ingest");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  protected void beforeExecute(Thread t, Runnable r) {
    busySince = System.nanoTime();
  }

  @Override
  protected void afterExecute(Runnable r, Throwable t) {
    busySince = 0;
  }

  /** The current task moved on (any thread working for it). */
  void progress() {
    progressAt = System.nanoTime();
  }

  /** How long the current task has gone without progress; zero when idle. */
  Duration stuckFor() {
    long since = busySince;
    long moved = progressAt;
    if (since == 0) {
      return Duration.ZERO;
    }
    long from = moved - since > 0 ? moved : since;
    return Duration.ofNanos(System.nanoTime() - from);
  }
}
