package io.tidings.web.api;

import io.tidings.web.http.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tidings.article.Printable;
import io.tidings.catalog.Snapshot;
import io.tidings.ingest.IngestStatus;
import io.tidings.web.feeds.Subscribers;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Supplier;

/** {@code /status}: counts, the watch mode, the last change and every file error, as JSON. */
public final class StatusHandler implements Handler<RoutingContext> {
  private final Supplier<Snapshot> snapshot;
  private final Supplier<IngestStatus> ingest;
  private final boolean includeUnpublished;
  private final String contentDir;
  private final Subscribers subscribers;

  public StatusHandler(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
      boolean includeUnpublished, String contentDir) {
    this(snapshot, ingest, includeUnpublished, contentDir, new Subscribers());
  }

  public StatusHandler(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
      boolean includeUnpublished, String contentDir, Subscribers subscribers) {
    this.subscribers = subscribers;
    this.snapshot = snapshot;
    this.ingest = ingest;
    this.includeUnpublished = includeUnpublished;
    this.contentDir = contentDir;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(Json.pretty(toJson(snapshot.get(), ingest.get()))));
  }

  Status toJson(Snapshot s, IngestStatus i) {
    List<Error> errors = s.problems().stream().map(p -> new Error(p.error().file(),
        p.error().line(), p.error().column(), p.error().reason(), p.stale(),
        p.error().toString())).toList();
    // Escaped as errors are (ParseError): a client that prints them prints one line each.
    List<DuplicateId> duplicates = s.duplicates().stream().map(d -> new DuplicateId(
        Printable.escape(d.id()), Printable.escape(d.winner()),
        d.others().stream().map(Printable::escape).toList())).toList();
    String note = s.hiddenDrafts() == 0 ? null : s.hiddenDrafts() + " articles are marked"
        + " published: false and are not served; set content.includeUnpublished: true"
        + " (TIDINGS_CONTENT_INCLUDE_UNPUBLISHED=true) to serve them";
    // Escaped when made (FileWarning); marked as warnings: the article is served all the same.
    List<Warning> warnings = s.warnings().stream().map(w -> new Warning(w.file(), w.line(),
        w.reason(), "warning", w.toString())).toList();
    long filesWithWarnings = s.warnings().stream().map(w -> w.file()).distinct().count();
    return new Status(i.ready(), s.versionHex(), s.size(),
        new Drafts(s.hiddenDrafts(), includeUnpublished, note),
        new Scheduled(s.scheduled().count(), text(s.scheduled().next())),
        s.topics().size(), s.providers().size(), s.categories().size(), s.problems().size(),
        s.staleFiles(), s.duplicates().size(), filesWithWarnings,
        new Search(s.search().terms(), s.search().postings(), s.search().estimatedBytes()),
        new Content(contentDir, i.directoryMissing(), i.filesSeen(), i.watchMode(),
            i.watchNote(), i.fileEvents(), i.rescans(), text(i.lastChange())),
        errors, warnings, duplicates, subscribers());
  }

  private FeedSubscribers subscribers() {
    List<Subscribers.FeedCounts> feeds = subscribers.byFeed();
    return new FeedSubscribers(feeds.stream().mapToLong(Subscribers.FeedCounts::total).sum(),
        feeds);
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  /** The answer of {@code /status}; the schema is in README. */
  record Status(boolean ready, String version, int articles, Drafts drafts, Scheduled scheduled,
      int topics, int providers, int categories, int filesWithErrors, long staleFiles,
      int duplicates, long filesWithWarnings, Search search, Content content,
      List<Error> errors, List<Warning> warnings, List<DuplicateId> duplicateIds,
      FeedSubscribers subscribers) {}

  /** What aggregators report (their latest count per feed), and the sum over every feed. */
  record FeedSubscribers(long total, List<Subscribers.FeedCounts> feeds) {}

  /** The note only when drafts are hidden. */
  record Drafts(int hidden, boolean shown, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

  record Scheduled(int count, String next) {}

  /** The word index of {@code q}: distinct terms, (term, article) entries, estimated heap. */
  record Search(int terms, long postings, long bytes) {}

  record Content(String directory, boolean missing, long files, String watch, String watchNote,
      long fileEvents, long rescans, String lastChange) {}

  record Error(String file, int line, int column, String reason, boolean stale, String message) {}

  /** An author's slip in a file that is served all the same; {@code level} is "warning". */
  record Warning(String file, int line, String reason, String level, String message) {}

  record DuplicateId(String id, String served, List<String> ignored) {}
}
