package io.tidings.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: valid Prometheus text whose numbers follow requests and file changes. */
class MetricsEndpointTest {
  private static final String REQUESTS = "vertx_http_server_requests_total";
  private static final String[] FEED = {"route", "/feed.{format}", "code", "200", "method", "GET"};
  private static final String[] TOPIC_FEED =
      {"route", "/topics/{topic}/feed.{format}", "code", "200", "method", "GET"};

  @Test
  void catalogAndIngestAreCountedFromTheStart(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.article("a").topics("AI").provider("Reuters",
        "reuters.com").text());
    Articles.write(dir, "b.txt", Articles.article("b").topics("Space").draft().text());
    Articles.write(dir, "broken.txt", "---\ntitle: [unclosed\n---\n");
    try (TestServer server = TestServer.start(dir)) {
      PrometheusText m = scrape(server);
      assertThat(m.value("tidings_catalog_articles")).isEqualTo(1);
      assertThat(m.value("tidings_catalog_drafts")).isEqualTo(1);
      assertThat(m.value("tidings_catalog_topics")).isEqualTo(1);
      assertThat(m.value("tidings_catalog_providers")).isEqualTo(1);
      assertThat(m.value("tidings_catalog_files_with_errors")).isEqualTo(1);
      assertThat(m.value("tidings_ingest_parse_errors_total")).isEqualTo(1);
      assertThat(m.value("tidings_ingest_files")).isEqualTo(3);
      assertThat(m.value("tidings_ingest_ready")).isEqualTo(1);
      assertThat(m.value("tidings_snapshot_build_seconds_count")).isGreaterThanOrEqualTo(1);
      assertThat(m.value("tidings_snapshot_build_seconds_sum")).isPositive();
      assertThat(m.has("jvm_memory_used_bytes")).isTrue();
    }
  }

  @Test
  void requestsAreCountedByRouteTemplateStatusAndDuration(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir)) {
      PrometheusText before = scrape(server);
      server.get("/feed.atom");
      server.get("/feed.atom");
      server.get("/topics/ai/feed.rss");
      server.get("/topics/AI/feed.rss");
      server.get("/topics/never-seen-" + System.nanoTime() + "/feed.json");
      server.get("/no/such/page");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        PrometheusText after = scrape(server);
        assertThat(after.value(REQUESTS, FEED) - before.value(REQUESTS, FEED)).isEqualTo(2);
        assertThat(after.value(REQUESTS, TOPIC_FEED) - before.value(REQUESTS, TOPIC_FEED))
            .isEqualTo(3);
        assertThat(after.value(REQUESTS, "code", "404")).isEqualTo(1);
        assertThat(after.value("vertx_http_server_response_time_seconds_count", FEED))
            .isEqualTo(2);
        assertThat(after.value("vertx_http_server_response_time_seconds_sum", FEED)).isPositive();
        // five feed requests, three feeds: /feed.atom twice and /topics/AI is /topics/ai
        assertThat(after.value("tidings_render_cache_hits_total")).isEqualTo(2);
        assertThat(after.value("tidings_render_cache_misses_total")).isEqualTo(3);
        assertThat(after.value("tidings_feed_renders_total")).isEqualTo(3);
        assertThat(after.value("tidings_render_cache_entries")).isEqualTo(3);
        assertThat(after.value("tidings_render_cache_size_bytes")).isPositive();
        // the raw paths never become label values: the series stay bounded
        assertThat(after.samples()).allSatisfy(s -> assertThat(s.labels().values())
            .noneMatch(v -> v.contains("never-seen") || v.contains("/topics/ai")
                || v.contains("/no/such")));
      });
    }
  }

  @Test
  void fileChangesAndRescansMoveTheIngestCounters(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir, Map.of("content.watch", "native"))) {
      PrometheusText before = scrape(server);
      Articles.write(dir, "b.txt", Articles.text("b", "B", "Space"));
      Articles.write(dir, "bad.txt", "---\ntitle: x\n");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        PrometheusText after = scrape(server);
        assertThat(after.value("tidings_catalog_articles")).isEqualTo(2);
        assertThat(after.value("tidings_catalog_topics")).isEqualTo(2);
        assertThat(after.value("tidings_ingest_file_events_total"))
            .isGreaterThan(before.value("tidings_ingest_file_events_total"));
        assertThat(after.value("tidings_ingest_parse_errors_total")).isEqualTo(1);
        assertThat(after.value("tidings_snapshot_build_seconds_count"))
            .isGreaterThan(before.value("tidings_snapshot_build_seconds_count"));
      });
      server.verticle().ingest().rescanNow().get();
      assertThat(scrape(server).value("tidings_ingest_rescans_total"))
          .isEqualTo(before.value("tidings_ingest_rescans_total") + 1);
    }
  }

  private static PrometheusText scrape(TestServer server) {
    try {
      HttpResponse<byte[]> r = server.get("/metrics");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("text/plain"));
      return PrometheusText.parse(new String(r.body(), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
