package io.tidings.web.api;

import io.tidings.article.Printable;
import io.tidings.catalog.Duplicate;
import io.tidings.catalog.FileProblem;
import io.tidings.catalog.Snapshot;
import io.tidings.ingest.IngestStatus;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** {@code /status}: counts, the watch mode, the last change and every file error, as JSON. */
public final class StatusHandler implements Handler<RoutingContext> {
  private final Supplier<Snapshot> snapshot;
  private final Supplier<IngestStatus> ingest;
  private final boolean includeUnpublished;
  private final String contentDir;

  public StatusHandler(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
      boolean includeUnpublished, String contentDir) {
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
        .end(toJson(snapshot.get(), ingest.get()).encodePrettily());
  }

  JsonObject toJson(Snapshot s, IngestStatus i) {
    JsonArray errors = new JsonArray();
    for (FileProblem p : s.problems()) {
      errors.add(new JsonObject()
          .put("file", p.error().file())
          .put("line", p.error().line())
          .put("column", p.error().column())
          .put("reason", p.error().reason())
          .put("stale", p.stale())
          .put("message", p.error().toString()));
    }
    JsonArray duplicates = new JsonArray();
    for (Duplicate d : s.duplicates()) {
      // Escaped as errors are (ParseError): a client that prints them prints one line each.
      duplicates.add(new JsonObject().put("id", Printable.escape(d.id()))
          .put("served", Printable.escape(d.winner()))
          .put("ignored", new JsonArray(d.others().stream().map(Printable::escape).toList())));
    }
    JsonObject drafts = new JsonObject()
        .put("hidden", s.hiddenDrafts())
        .put("shown", includeUnpublished);
    if (s.hiddenDrafts() > 0) {
      drafts.put("note", s.hiddenDrafts() + " articles are marked published: false and are not"
          + " served; set content.includeUnpublished: true (TIDINGS_CONTENT_INCLUDE_UNPUBLISHED=true)"
          + " to serve them");
    }
    return new JsonObject()
        .put("ready", i.ready())
        .put("version", s.versionHex())
        .put("articles", s.size())
        .put("drafts", drafts)
        .put("scheduled", new JsonObject()
            .put("count", s.scheduled().count())
            .put("next", s.scheduled().next() == null ? null : s.scheduled().next().toString()))
        .put("topics", s.topics().size())
        .put("providers", s.providers().size())
        .put("categories", s.categories().size())
        .put("filesWithErrors", s.problems().size())
        .put("staleFiles", s.staleFiles())
        .put("duplicates", s.duplicates().size())
        .put("content", new JsonObject()
            .put("directory", contentDir)
            .put("missing", i.directoryMissing())
            .put("files", i.filesSeen())
            .put("watch", i.watchMode())
            .put("watchNote", i.watchNote())
            .put("fileEvents", i.fileEvents())
            .put("rescans", i.rescans())
            .put("lastChange", i.lastChange() == null ? null : i.lastChange().toString()))
        .put("errors", errors)
        .put("duplicateIds", duplicates);
  }
}
