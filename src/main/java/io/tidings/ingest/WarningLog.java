package io.tidings.ingest;

import io.tidings.article.FileWarning;
import io.tidings.catalog.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs authors' slips ({@link FileWarning}) once each: when a snapshot holds a warning that the
 * one before did not, not on every read or rescan. A batch that brings very many (a first scan
 * of files that all carry a new field) logs the first {@link #MAX_LINES} and how many more
 * {@code /status} lists. Ingest thread only.
 */
final class WarningLog {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
  static final int MAX_LINES = 50;

  /** Logs the warnings of {@code after} that {@code before} did not have. */
  void log(Snapshot before, Snapshot after) {
    List<FileWarning> now = after.warnings();
    if (now == before.warnings() || now.isEmpty()) {
      return;
    }
    Set<FileWarning> known = new HashSet<>(before.warnings());
    int logged = 0;
    int more = 0;
    for (FileWarning w : now) {
      if (known.contains(w)) {
        continue;
      }
      if (logged < MAX_LINES) {
        LOG.warn("{}", w); // escaped when made; names fields, never a secured value
        logged++;
      } else {
        more++;
      }
    }
    if (more > 0) {
      LOG.warn("{} more warnings: /status lists every one", more);
    }
  }
}
