package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.EcsJsonEncoder;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The access log: off by default; on, one line per request without query or headers, and in
 * JSON the request as Elastic Common Schema fields.
 */
class AccessLogTest {
  private final Logger access = (Logger) LoggerFactory.getLogger("io.tidings.access");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void listen() {
    events.start();
    access.addAppender(events);
  }

  @AfterEach
  void stopListening() {
    access.detachAppender(events);
  }

  @Test
  void offByDefault(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir)) {
      assertThat(server.get("/feed.rss").statusCode()).isEqualTo(200);
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
    assertThat(events.list).isEmpty();
  }

  @Test
  void oneLinePerRequestWithMethodPathStatusBytesAndDuration(@TempDir Path dir)
      throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    int bytes;
    try (TestServer server = TestServer.start(dir, Map.of("http.accessLog", "true"))) {
      bytes = server.get("/topics/ai/feed.rss?limit=5&q=secretword",
          Map.of("Authorization", "Bearer token-that-must-not-leak")).body().length;
      server.get("/nope");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(events.list).hasSize(2));
    }
    List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines.get(0)).matches("GET /topics/ai/feed\\.rss 200 \\d+ \\d+ms");
    assertThat(lines.get(0)).contains(" 200 " + bytes + " ");
    assertThat(lines.get(1)).matches("GET /nope 404 \\d+ \\d+ms");
    assertThat(String.join("\n", lines)).doesNotContain("secretword", "token-that", "Bearer");
  }

  @Test
  void aCachedFeedAnsweredWithoutTheRouterIsLoggedTheSame(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir, Map.of("http.accessLog", "true"))) {
      server.get("/topics/ai/feed.rss"); // the router's way
      server.get("/topics/ai/feed.rss"); // the fast path's (FeedFastPathTest)
      server.get("/topics/ai/feed.rss", Map.of("Accept-Encoding", "gzip"));
      assertThat(server.metric("tidings_render_cache_fast_hits_total")).isEqualTo(2);
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(events.list).hasSizeGreaterThanOrEqualTo(4));
    }
    List<ILoggingEvent> feeds = events.list.stream()
        .filter(e -> e.getFormattedMessage().startsWith("GET /topics/")).toList();
    assertThat(feeds).hasSize(3);
    String routed = feeds.get(0).getFormattedMessage();
    String fast = feeds.get(1).getFormattedMessage();
    assertThat(fast).matches("GET /topics/ai/feed\\.rss 200 \\d+ \\d+ms");
    assertThat(fast.replaceAll(" \\d+ms$", "")).isEqualTo(routed.replaceAll(" \\d+ms$", ""));
    assertThat(feeds.get(2).getFormattedMessage()).doesNotStartWith(routed.replaceAll(
        " \\d+ms$", "")); // the gzip body: fewer bytes
    for (ILoggingEvent e : feeds) {
      assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
        assertThat(kv.key).isEqualTo("http.route");
        assertThat(kv.value).isEqualTo("/topics/{topic}/feed.{format}");
      });
    }
  }

  @Test
  void jsonHasTheRequestAsEcsFields(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    int bytes;
    try (TestServer server = TestServer.start(dir, Map.of("http.accessLog", "true"))) {
      bytes = server.get("/topics/ai/feed.rss?limit=5&q=secretword").body().length;
      server.get("/topics/ai");
      server.get("/nope?q=secretword");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(events.list).hasSize(3));
    }
    ObjectMapper json = new ObjectMapper();
    EcsJsonEncoder encoder = new EcsJsonEncoder();
    List<JsonNode> lines = new ArrayList<>();
    for (ILoggingEvent event : events.list) {
      String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
      assertThat(line).endsWith("\n").doesNotContain("secretword");
      assertThat(line.strip()).doesNotContain("\n");
      lines.add(json.readTree(line));
    }
    JsonNode feed = lines.get(0);
    assertThat(feed.path("log.logger").asText()).isEqualTo("io.tidings.access");
    assertThat(feed.path("message").asText())
        .matches("GET /topics/ai/feed\\.rss 200 \\d+ \\d+ms");
    assertThat(feed.path("http.request.method").asText()).isEqualTo("GET");
    assertThat(feed.path("url.path").asText()).isEqualTo("/topics/ai/feed.rss");
    assertThat(feed.path("http.route").asText()).isEqualTo("/topics/{topic}/feed.{format}");
    assertThat(feed.path("http.response.status_code").isInt()).isTrue();
    assertThat(feed.path("http.response.status_code").asInt()).isEqualTo(200);
    assertThat(feed.path("http.response.body.bytes").asLong()).isEqualTo(bytes);
    assertThat(feed.path("event.duration").isIntegralNumber()).isTrue();
    assertThat(feed.path("event.duration").asLong()).isPositive();
    assertThat(lines.get(1).path("http.route").asText()).isEqualTo("/topics/{topic}");
    JsonNode miss = lines.get(2);
    assertThat(miss.path("url.path").asText()).isEqualTo("/nope");
    assertThat(miss.path("http.response.status_code").asInt()).isEqualTo(404);
    assertThat(miss.has("http.route")).isFalse();
  }
}
