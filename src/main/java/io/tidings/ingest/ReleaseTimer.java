package io.tidings.ingest;

import io.tidings.catalog.Catalog;
import io.tidings.catalog.ScheduledRelease;
import io.tidings.catalog.Snapshot;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wake-up, on the ingest thread, that releases the next scheduled article when it is
 * due (content.hideFuture), as {@link ScheduledRelease} says. Ingest thread only.
 */
final class ReleaseTimer {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  private final Catalog catalog;
  private final ScheduledRelease policy;
  private final ScheduledExecutorService thread;
  private final Runnable onRelease;
  private ScheduledFuture<?> wakeUp;

  /** @param onRelease told on the ingest thread when a release changed the catalog */
  ReleaseTimer(Catalog catalog, ScheduledExecutorService thread, Runnable onRelease) {
    this.catalog = catalog;
    this.policy = new ScheduledRelease(catalog);
    this.thread = thread;
    this.onRelease = onRelease;
  }

  /** Moves the wake-up to the soonest due time, after a batch that may have changed it. */
  void rearm() {
    if (policy.stillRight(wakeUp != null && !wakeUp.isDone())) {
      return;
    }
    if (wakeUp != null) {
      wakeUp.cancel(false);
      wakeUp = null;
    }
    Duration sleep = policy.arm();
    if (sleep == null) {
      return;
    }
    try {
      wakeUp = thread.schedule(this::wake, sleep.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      wakeUp = null; // closing
    }
  }

  private void wake() {
    wakeUp = null;
    int released = policy.release();
    if (released != 0) {
      Snapshot after = catalog.current();
      onRelease.run();
      LOG.info("{} reached {} publication time: {} articles now, version {}",
          Ingest.plural(released, "scheduled article"), released == 1 ? "its" : "their",
          after.size(), after.versionHex());
    }
    rearm();
  }
}
