package io.tidings.ingest;

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
 */
public record IngestStatus(String watchMode, String watchNote, boolean ready,
    boolean directoryMissing, Instant lastChange, long filesSeen, long rescans,
    long fileEvents, long parseErrors) {}
