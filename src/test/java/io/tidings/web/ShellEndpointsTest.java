package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.feed.FeedService;
import io.tidings.ingest.IngestStatus;
import io.tidings.web.http.RepresentationCache;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health} and {@code /status}: readiness, counts, errors, and no secret in them. */
@ExtendWith(VertxExtension.class)
class ShellEndpointsTest {
  private static final String SECRET = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1uZXZlci1sZWFr";

  @Test
  void healthIs503UntilTheFirstScanIsDoneThen200(Vertx vertx, VertxTestContext test,
      @TempDir Path dir) {
    AtomicBoolean ready = new AtomicBoolean(false);
    Config config = Config.defaults(dir);
    FeedService feeds = new FeedService(config.feeds());
    var router = Routes.create(vertx, config, new Routes.Sources(() -> Snapshot.EMPTY,
        () -> new IngestStatus("native", null, ready.get(), false, null, 0, 0, 0, 0), feeds));
    WebClient client = WebClient.create(vertx);
    vertx.createHttpServer().requestHandler(router).listen(0)
        .compose((HttpServer server) -> client.get(server.actualPort(), "127.0.0.1", "/health")
            .send()
            .compose(before -> {
              test.verify(() -> {
                assertThat(before.statusCode()).isEqualTo(503);
                assertThat(before.bodyAsString()).contains("first scan");
              });
              ready.set(true);
              return client.get(server.actualPort(), "127.0.0.1", "/health").send();
            }))
        .onComplete(test.succeeding(after -> test.verify(() -> {
          assertThat(after.statusCode()).isEqualTo(200);
          test.completeNow();
        })));
  }

  @Test
  void healthIs503OnceStoppingBegins(Vertx vertx, VertxTestContext test, @TempDir Path dir) {
    AtomicBoolean stopping = new AtomicBoolean(false);
    Config config = Config.defaults(dir);
    FeedService feeds = new FeedService(config.feeds());
    var router = Routes.create(vertx, config, new Routes.Sources(() -> Snapshot.EMPTY,
        () -> new IngestStatus("native", null, true, false, null, 0, 0, 0, 0), feeds,
        new RepresentationCache(10, 1L << 20, ForkJoinPool.commonPool()), stopping::get, null));
    WebClient client = WebClient.create(vertx);
    vertx.createHttpServer().requestHandler(router).listen(0)
        .compose((HttpServer server) -> client.get(server.actualPort(), "127.0.0.1", "/health")
            .send()
            .compose(before -> {
              test.verify(() -> assertThat(before.statusCode()).isEqualTo(200));
              stopping.set(true);
              return client.get(server.actualPort(), "127.0.0.1", "/health").send();
            }))
        .onComplete(test.succeeding(after -> test.verify(() -> {
          assertThat(after.statusCode()).isEqualTo(503);
          assertThat(after.bodyAsString()).contains("stopping");
          test.completeNow();
        })));
  }

  @Test
  void statusCountsEverythingAndListsEachErrorWithFileLineAndReason(@TempDir Path dir)
      throws Exception {
    write(dir, "a.txt", article("https://example.com/a", "A", "2023-10-01T10:00:00Z", true));
    write(dir, "sub/b.txt", article("https://example.com/b", "B", "2023-10-02T10:00:00Z", true));
    write(dir, "draft.txt", article("https://example.com/d", "D", "2023-10-03T10:00:00Z", false));
    write(dir, "dup.txt", article("https://example.com/a", "A again", "2023-09-01T10:00:00Z",
        true));
    write(dir, "broken.txt", "---\ntitle: Broken\npublishedDateTime: yesterday\n"
        + "originalUrl: https://example.com/x\nsecured: \"" + SECRET + "\"\n---\n");
    write(dir, "bad-yaml.txt", "---\ntitle: [unclosed\nsecured: \"" + SECRET + "\"\n---\n");
    try (TestServer server = TestServer.start(dir)) {
      HttpResponse<byte[]> res = server.get("/status");
      String body = new String(res.body(), StandardCharsets.UTF_8);
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.headers().firstValue("Content-Type")).hasValue(
          "application/json; charset=utf-8");
      assertThat(body).doesNotContain(SECRET);
      JsonObject status = new JsonObject(body);
      assertThat(status.getBoolean("ready")).isTrue();
      assertThat(status.getInteger("articles")).isEqualTo(2);
      assertThat(status.getJsonObject("drafts").getInteger("hidden")).isEqualTo(1);
      assertThat(status.getJsonObject("drafts").getString("note"))
          .contains("content.includeUnpublished");
      assertThat(status.getInteger("filesWithErrors")).isEqualTo(2);
      assertThat(status.getInteger("duplicates")).isEqualTo(1);
      assertThat(status.getJsonObject("content").getString("watch")).isIn("native", "poll");
      assertThat(status.getJsonObject("content").getString("lastChange")).isNotNull();
      assertThat(status.getJsonArray("duplicateIds").getJsonObject(0).getString("served"))
          .isEqualTo("a.txt");
      JsonObject dateError = find(status, "broken.txt");
      assertThat(dateError.getInteger("line")).isEqualTo(3);
      assertThat(dateError.getString("reason")).contains("publishedDateTime", "\"yesterday\"");
      JsonObject yamlError = find(status, "bad-yaml.txt");
      assertThat(yamlError.getInteger("line")).isGreaterThan(1);
      assertThat(yamlError.getString("reason")).startsWith("invalid YAML");
    }
  }

  @Test
  void draftsAreServedWhenTheOperatorOptsIn(@TempDir Path dir) throws Exception {
    write(dir, "draft.txt", article("https://example.com/d", "Draft", "2023-10-03T10:00:00Z",
        false));
    try (TestServer server = TestServer.start(dir, Map.of("content.includeUnpublished", "true"))) {
      JsonObject status = new JsonObject(server.text("/status"));
      assertThat(status.getInteger("articles")).isEqualTo(1);
      assertThat(status.getJsonObject("drafts").getInteger("hidden")).isZero();
      assertThat(server.text("/feed.rss")).contains("<title>Draft</title>");
    }
  }

  private static JsonObject find(JsonObject status, String file) {
    for (Object o : status.getJsonArray("errors")) {
      JsonObject e = (JsonObject) o;
      if (e.getString("file").equals(file)) {
        return e;
      }
    }
    throw new AssertionError("no error for " + file + " in " + status.encodePrettily());
  }

  static String article(String url, String title, String date, boolean published) {
    return "---\ntitle: \"" + title + "\"\npublishedDateTime: " + date + "\noriginalUrl: \"" + url
        + "\"\npublished: " + published + "\ntopics:\n  - AI\nsecured: \"" + SECRET + "\"\n---\n";
  }

  static void write(Path dir, String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
