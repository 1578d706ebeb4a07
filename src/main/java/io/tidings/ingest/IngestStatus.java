package io.tidings.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * What ingest is doing, for /status and /health.
 *
 * @param watchMode the mode in effect: {@code native} or {@code poll}
 * @param watchNote why the mode differs from the one configured, or null
 * @param ready whether the first full scan is done
 * @param directoryMissing whether the content directory is gone right now
 * @param lastChange when the catalog last changed (wall clock), null before the first scan
 * @param rescans full rescans for a reason (safety net, overflow, request), not poll walks
 * @param fileEvents file events received from the watcher
 * @param parseErrors file reads that ended in a parse error, counting every read
 * @param busyFor how long the ingest thread's current task has gone without progress (a file
 *     read, a folder listed); zero when idle
 * @param stallTimeout busy this long, the ingest counts as stalled (content.stallTimeout)
 */
public record IngestStatus(String watchMode, String watchNote, boolean ready,
    boolean directoryMissing, Instant lastChange, long filesSeen, long rescans,
    long fileEvents, long parseErrors, Duration busyFor, Duration stallTimeout) {

  /** A status of an ingest that is never busy (for tests of the HTTP side). */
  public IngestStatus(String watchMode, String watchNote, boolean ready,
      boolean directoryMissing, Instant lastChange, long filesSeen, long rescans,
      long fileEvents, long parseErrors) {
    this(watchMode, watchNote, ready, directoryMissing, lastChange, filesSeen, rescans,
        fileEvents, parseErrors, Duration.ZERO, Duration.ofSeconds(60));
  }

  /** Whether the ingest thread's task has gone without progress for longer than it ever should. */
  public boolean stalled() {
    return busyFor.compareTo(stallTimeout) > 0;
  }
}
