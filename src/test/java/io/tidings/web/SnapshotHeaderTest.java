package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code X-Tidings-Snapshot}: every feed response names the snapshot whose rendering it is,
 * the version that the API shows, also for a feed that the render cache kept across a change
 * that did not touch it, and the same on every server over the same files.
 */
class SnapshotHeaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String version(TestServer server) throws Exception {
    return JSON.readTree(server.get("/api/topics").body()).get("version").asText();
  }

  @Test
  void feedsNameTheCurrentSnapshotAlsoWhenServedFromTheCache() throws Exception {
    FeedHttp.copySample(dir);
    String v2;
    try (TestServer server = TestServer.start(dir)) {
      String v1 = version(server);
      HttpResponse<byte[]> ai = server.get("/topics/ai/feed.rss");
      assertThat(ai.headers().firstValue("X-Tidings-Snapshot")).hasValue(v1);
      assertThat(server.get("/feed.json").headers().firstValue("X-Tidings-Snapshot"))
          .hasValue(v1);
      String etag = ai.headers().firstValue("ETag").orElseThrow();

      Articles.write(dir, "elsewhere.txt", Articles.text("elsewhere", "Far away", "Gardening"));
      await("a new snapshot").atMost(Duration.ofSeconds(10)).until(() -> {
        try {
          return !version(server).equals(v1);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      v2 = version(server);

      // The AI feed did not change: the same bytes (the cache kept them), now vouched for by v2.
      HttpResponse<byte[]> again = server.get("/topics/ai/feed.rss");
      assertThat(again.headers().firstValue("ETag")).hasValue(etag);
      assertThat(again.headers().firstValue("X-Tidings-Snapshot")).hasValue(v2);
      HttpResponse<byte[]> notModified = server.get("/topics/ai/feed.rss",
          Map.of("If-None-Match", etag));
      assertThat(notModified.statusCode()).isEqualTo(304);
      assertThat(notModified.headers().firstValue("X-Tidings-Snapshot")).hasValue(v2);
      assertThat(server.get("/topics/gardening/feed.atom").headers()
          .firstValue("X-Tidings-Snapshot")).hasValue(v2);
    }
    // Another server over the same files (a replica, a restart) names the same version.
    try (TestServer replica = TestServer.start(dir)) {
      assertThat(replica.get("/topics/ai/feed.rss").headers().firstValue("X-Tidings-Snapshot"))
          .hasValue(v2);
    }
  }
}
