package io.tidings.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: valid Prometheus text whose numbers follow requests and file changes. */
class MetricsEndpointTest {
  private static final String REQUESTS = "vertx_http_server_requests_total";
  private static final String[] FEED = {"route", "/feed.{format}", "code", "200", "method", "GET"};
  private static final String[] FEED_LATENCY =
      {"route", "/feed.{format}", "status", "2xx", "method", "GET"};
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
      assertThat(m.value("tidings_search_index_terms")).isPositive();
      assertThat(m.value("tidings_search_index_bytes")).isGreaterThan(16_000);
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
        assertThat(after.value("vertx_http_server_response_time_seconds_count", FEED_LATENCY))
            .isEqualTo(2);
        assertThat(after.value("vertx_http_server_response_time_seconds_sum", FEED_LATENCY))
            .isPositive();
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
  void latencyHistogramsHaveBucketsThatMoveWithRequestsAndBuilds(@TempDir Path dir)
      throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir, Map.of("content.watch", "native"))) {
      server.get("/feed.atom");
      PrometheusText before = scrape(server);
      String bucket = "vertx_http_server_response_time_seconds_bucket";
      List<Double> les = before.samples().stream()
          .filter(s -> s.name().equals(bucket) && FEED[1].equals(s.labels().get("route")))
          .map(s -> s.labels().get("le"))
          .map(le -> le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le))
          .distinct().toList();
      assertThat(les).containsExactly(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
          0.25, 0.5, 1.0, 2.5, 5.0, Double.POSITIVE_INFINITY);
      int n = 5;
      for (int i = 0; i < n; i++) {
        server.get("/feed.rss");
      }
      Articles.write(dir, "b.txt", Articles.text("b", "B", "Space"));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        PrometheusText after = scrape(server);
        assertThat(after.value(bucket, "route", FEED[1], "le", "+Inf")
            - before.value(bucket, "route", FEED[1], "le", "+Inf")).isEqualTo(n);
        assertThat(after.value(bucket, "route", FEED[1], "le", "5.0")
            - before.value(bucket, "route", FEED[1], "le", "5.0")).isEqualTo(n);
        assertThat(after.value("tidings_snapshot_build_seconds_bucket", "le", "+Inf"))
            .isGreaterThan(before.value("tidings_snapshot_build_seconds_bucket", "le", "+Inf"));
        assertThat(after.value("tidings_snapshot_build_seconds_bucket", "le", "5.0"))
            .isGreaterThan(before.value("tidings_snapshot_build_seconds_bucket", "le", "5.0"));
        // /feed.rss was never rendered before: one render more
        assertThat(after.value("tidings_feed_render_seconds_bucket", "le", "+Inf")
            - before.value("tidings_feed_render_seconds_bucket", "le", "+Inf")).isEqualTo(1);
      });
    }
  }

  @Test
  void processAndBuildSeriesInBaseUnitsAndOneRouteStyle(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.article("a").topics("AI").provider("Reuters",
        "reuters.com").text());
    try (TestServer server = TestServer.start(dir)) {
      server.get("/topics/ai");
      server.get("/providers/reuters.com");
      server.get("/topics/ai/feed.rss");
      server.get("/");
      PrometheusText m = scrape(server);
      assertThat(m.value("process_resident_memory_bytes")).isPositive();
      assertThat(m.value("process_open_fds")).isPositive();
      assertThat(m.value("process_cpu_seconds_total")).isPositive();
      assertThat(m.value("tidings_build_info")).isEqualTo(1);
      assertThat(m.samples()).filteredOn(s -> s.name().equals("tidings_build_info"))
          .singleElement().satisfies(s -> assertThat(s.labels().get("version")).isNotBlank());
      assertThat(m.samples()).extracting(PrometheusText.Sample::name)
          .noneMatch(n -> n.endsWith("_ms_total") || n.endsWith("_ns_total")
              || n.endsWith("_ms") || n.endsWith("_ns"));
      List<String> routes = m.samples().stream().map(s -> s.labels().get("route"))
          .filter(r -> r != null && !r.isEmpty()).distinct().toList();
      assertThat(routes).contains("/topics/{topic}", "/providers/{provider}",
          "/topics/{topic}/feed.{format}", "/");
      assertThat(routes).noneMatch(r -> r.contains(":"));
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
      String text = new String(r.body(), StandardCharsets.UTF_8);
      return PrometheusText.parse(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
