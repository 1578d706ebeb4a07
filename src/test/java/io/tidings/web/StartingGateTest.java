package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.feed.FeedService;
import io.tidings.ingest.IngestStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica whose first scan is not done has an empty catalog: it must not serve feeds, pages,
 * OPML or the API made from it (an empty feed with an ETag of its own, which no other replica
 * gives and a proxy would cache), but a 503 that a balancer retries elsewhere. Found by
 * failover.sh: nginx revalidated a cached feed with a replica that was listening but still
 * scanning, and got a new body.
 */
@ExtendWith(VertxExtension.class)
class StartingGateTest {
  private static final List<String> CONTENT = List.of("/feed.atom", "/topics/ai/feed.rss",
      "/providers/reuters.com/feed.json", "/", "/topics/ai", "/opml", "/api/topics",
      "/api/articles");
  private static final List<String> ALWAYS = List.of("/health", "/status", "/assets/feed.xsl");

  @Test
  void contentAnswers503UntilTheFirstScanIsDone(Vertx vertx, VertxTestContext test,
      @TempDir Path dir) {
    AtomicBoolean ready = new AtomicBoolean(false);
    Config config = Config.defaults(dir);
    FeedService feeds = new FeedService(config.feeds());
    var router = Routes.create(vertx, config, new Routes.Sources(() -> Snapshot.EMPTY,
        () -> new IngestStatus("native", null, ready.get(), false, null, 0, 0, 0, 0), feeds));
    WebClient client = WebClient.create(vertx);
    vertx.createHttpServer().requestHandler(router).listen(0)
        .compose((HttpServer server) -> all(client, server.actualPort(), CONTENT)
            .compose(starting -> all(client, server.actualPort(), ALWAYS).compose(shell -> {
              test.verify(() -> {
                for (int i = 0; i < starting.size(); i++) {
                  HttpResponse<Buffer> r = starting.get(i);
                  assertThat(r.statusCode()).isEqualTo(503);
                  if (CONTENT.get(i).startsWith("/api/")) {
                    // The API's errors are JSON, readable from any origin like its answers.
                    assertThat(r.getHeader("Content-Type"))
                        .isEqualTo("application/json; charset=utf-8");
                    assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
                    assertThat(r.bodyAsJsonObject().getJsonObject("error").getInteger("status"))
                        .isEqualTo(503);
                  }
                  assertThat(r.getHeader("Retry-After")).isEqualTo("1");
                  assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
                  assertThat(r.getHeader("ETag")).isNull();
                  assertThat(r.bodyAsString()).contains("first scan");
                }
                // /health says 503 itself; the status and the stylesheet answer while starting.
                assertThat(shell.get(0).statusCode()).isEqualTo(503);
                assertThat(shell.get(1).statusCode()).isEqualTo(200);
                assertThat(shell.get(2).statusCode()).isEqualTo(200);
              });
              ready.set(true);
              return all(client, server.actualPort(), CONTENT);
            })))
        .onComplete(test.succeeding(after -> test.verify(() -> {
          for (HttpResponse<Buffer> r : after) {
            assertThat(r.statusCode()).isEqualTo(200);
          }
          test.completeNow();
        })));
  }

  private static Future<List<HttpResponse<Buffer>>> all(WebClient client, int port,
      List<String> paths) {
    List<Future<HttpResponse<Buffer>>> each = new ArrayList<>();
    for (String p : paths) {
      each.add(client.get(port, "127.0.0.1", p).send());
    }
    return Future.all(each).map(f -> f.list());
  }
}
