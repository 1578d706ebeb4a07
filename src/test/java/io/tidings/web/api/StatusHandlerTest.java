package io.tidings.web.api;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.ArticleParser;
import io.tidings.article.ParseError;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.ingest.IngestStatus;
import io.tidings.testing.Articles;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /status} alone on a router, over a small snapshot built with the real catalog: counts,
 * drafts and their note, the scheduled articles, the watch state, every file error and every
 * duplicate identity, as JSON that is never cached.
 */
@ExtendWith(VertxExtension.class)
class StatusHandlerTest {
  private static final ArticleParser PARSER = new ArticleParser(1 << 20);
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant LAST_CHANGE = Instant.parse("2023-12-31T23:59:00Z");

  private static FileChange file(String name, Articles.Builder article) {
    return new FileChange(name, PARSER.parse(name, article.bytes()));
  }

  /** Two served articles (one claimed twice), a draft, one held back, a file that never parsed. */
  private static Snapshot snapshot() {
    return new Catalog(false, true, Clock.fixed(NOW, ZoneOffset.UTC)).apply(List.of(
        file("a.txt", article("a").topics("AI", "Space").provider("Reuters", "reuters.com")
            .category("News")),
        file("b1.txt", article("b").topics("AI").provider("AP", "apnews.com")),
        file("b2.txt", article("b").topics("AI").provider("AP", "apnews.com")),
        file("draft.txt", article("draft").draft()),
        file("later.txt", article("later").at("2030-01-01T00:00:00Z")),
        new FileChange("broken.txt", PARSER.parse("broken.txt",
            "---\ntitle: \"half\"\n".getBytes(StandardCharsets.UTF_8)))));
  }

  @Test
  void reportsTheSnapshotAndTheIngestAsJson(Vertx vertx, VertxTestContext test) {
    Snapshot s = snapshot();
    IngestStatus ingest = new IngestStatus("poll", "native watching failed: no inotify", true,
        false, LAST_CHANGE, 6, 2, 7, 1);
    get(vertx, new StatusHandler(() -> s, () -> ingest, false, "/srv/articles"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
          assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
          JsonObject json = r.bodyAsJsonObject();
          assertThat(json.getBoolean("ready")).isTrue();
          assertThat(json.getString("version")).isEqualTo(s.versionHex()).hasSize(16);
          assertThat(json.getInteger("articles")).isEqualTo(2);
          assertThat(json.getJsonObject("drafts")).isEqualTo(new JsonObject()
              .put("hidden", 1).put("shown", false)
              .put("note", "1 articles are marked published: false and are not served; set"
                  + " content.includeUnpublished: true (TIDINGS_CONTENT_INCLUDE_UNPUBLISHED=true)"
                  + " to serve them"));
          assertThat(json.getJsonObject("scheduled")).isEqualTo(new JsonObject()
              .put("count", 1).put("next", "2030-01-01T00:00:00Z"));
          assertThat(json.getInteger("topics")).isEqualTo(2);
          assertThat(json.getInteger("providers")).isEqualTo(2);
          assertThat(json.getInteger("categories")).isEqualTo(1);
          assertThat(json.getInteger("filesWithErrors")).isEqualTo(1);
          assertThat(json.getInteger("staleFiles")).isZero();
          assertThat(json.getInteger("duplicates")).isEqualTo(1);
          assertThat(json.getJsonObject("search")).isEqualTo(new JsonObject()
              .put("terms", s.search().terms()).put("postings", s.search().postings())
              .put("bytes", s.search().estimatedBytes()));
          assertThat(s.search().terms()).isPositive();
          assertThat(json.getJsonObject("content")).isEqualTo(new JsonObject()
              .put("directory", "/srv/articles").put("missing", false).put("files", 6)
              .put("watch", "poll").put("watchNote", "native watching failed: no inotify")
              .put("fileEvents", 7).put("rescans", 2)
              .put("lastChange", "2023-12-31T23:59:00Z"));
          ParseError error = s.problems().get(0).error();
          assertThat(error.reason()).contains("no closing '---'");
          assertThat(json.getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
              .put("file", "broken.txt").put("line", error.line()).put("column", error.column())
              .put("reason", error.reason()).put("stale", false)
              .put("message", "broken.txt:" + error.line()
                  + (error.column() > 0 ? ":" + error.column() : "") + ": " + error.reason())));
          assertThat(json.getJsonArray("duplicateIds")).isEqualTo(new JsonArray().add(
              new JsonObject().put("id", Articles.url("b")).put("served", "b1.txt")
                  .put("ignored", new JsonArray().add("b2.txt"))));
          test.completeNow();
        })));
  }

  @Test
  void whileStartingWithDraftsShownThereIsNoNoteAndNoLastChange(Vertx vertx,
      VertxTestContext test) {
    Snapshot s = new Catalog(true).apply(List.of(file("draft.txt", article("draft").draft())));
    IngestStatus starting = new IngestStatus("native", null, false, true, null, 0, 0, 0, 0);
    get(vertx, new StatusHandler(() -> s, () -> starting, true, "content"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          JsonObject json = r.bodyAsJsonObject();
          assertThat(json.getBoolean("ready")).isFalse();
          assertThat(json.getInteger("articles")).isEqualTo(1);
          assertThat(json.getJsonObject("drafts"))
              .isEqualTo(new JsonObject().put("hidden", 0).put("shown", true));
          assertThat(json.getJsonObject("scheduled"))
              .isEqualTo(new JsonObject().put("count", 0).putNull("next"));
          JsonObject content = json.getJsonObject("content");
          assertThat(content.getBoolean("missing")).isTrue();
          assertThat(content.containsKey("lastChange")).isTrue();
          assertThat(content.getString("lastChange")).isNull();
          assertThat(content.getString("watchNote")).isNull();
          assertThat(json.getJsonArray("errors")).isEmpty();
          assertThat(json.getJsonArray("duplicateIds")).isEmpty();
          test.completeNow();
        })));
  }

  private static Future<HttpResponse<Buffer>> get(Vertx vertx, StatusHandler handler) {
    Router router = Router.router(vertx);
    router.get("/status").handler(handler);
    return vertx.createHttpServer().requestHandler(router).listen(0)
        .compose(server -> WebClient.create(vertx)
            .get(server.actualPort(), "localhost", "/status").send());
  }
}
