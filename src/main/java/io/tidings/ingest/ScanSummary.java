package io.tidings.ingest;

import io.tidings.catalog.Snapshot;

/** The log line of the start-up scan: what was found, and what of it is not served and why. */
final class ScanSummary {
  private ScanSummary() {}

  static String line(int files, long nanos, Snapshot s) {
    StringBuilder line = new StringBuilder("scanned ").append(Ingest.plural(files, "file"))
        .append(" in ").append(String.format("%.2fs", nanos / 1e9)).append(": ")
        .append(s.size()).append(" articles, ").append(s.topics().size()).append(" topics, ")
        .append(s.providers().size()).append(" providers");
    if (s.hiddenDrafts() != 0) {
      line.append("; ").append(s.hiddenDrafts()).append(" drafts (published: false) hidden,"
          + " set content.includeUnpublished: true to show them");
    }
    if (!s.problems().isEmpty()) {
      line.append("; ").append(Ingest.plural(s.problems().size(), "file"))
          .append(" with errors (see /status)");
    }
    if (!s.duplicates().isEmpty()) {
      line.append("; ").append(s.duplicates().size()).append(" duplicate identities");
    }
    if (s.scheduled().count() != 0) {
      line.append("; ").append(Ingest.plural(s.scheduled().count(), "article"))
          .append(" dated in the future held back until their time (content.hideFuture),"
              + " the next at ").append(s.scheduled().next());
    }
    return line.toString();
  }
}
