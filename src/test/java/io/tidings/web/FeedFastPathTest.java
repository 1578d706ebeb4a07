package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.metrics.PrometheusText;
import io.tidings.testing.Articles;
import io.tidings.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached feed asked for again by the same URI and Host is answered without the router
 * (FeedFastPath): the answer is the router's byte for byte, in every variant, current with
 * every snapshot, never another host's, and counted in the metrics like any other.
 */
class FeedFastPathTest {
  private static final String HTML =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  /** One request on a kept-alive connection: the raw head and the body. */
  private record Exchange(String head, byte[] body) {
    int status() {
      return RawHttp.status(head);
    }

    String header(String name) {
      Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *([^\r\n]*)").matcher(head);
      return m.find() ? m.group(1) : null;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static Exchange exchange(RawHttp http, String method, String target, String host,
      Map<String, String> headers) throws Exception {
    StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host
        + "\r\n");
    headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
    http.write(req.append("\r\n").toString());
    String head = http.readHead();
    assertThat(head).as("an answer to %s %s", method, target).isNotNull();
    int status = RawHttp.status(head);
    byte[] body = method.equals("HEAD") || status == 304 ? new byte[0]
        : http.readBody(RawHttp.contentLength(head));
    return new Exchange(head, body);
  }

  private static PrometheusText scrape(TestServer server) throws Exception {
    return PrometheusText.parse(server.text("/metrics"));
  }

  private static double fastHits(TestServer server) throws Exception {
    return scrape(server).value("tidings_render_cache_fast_hits_total");
  }

  @Test
  void everyVariantIsTheRoutersAnswerByteForByte(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    Articles.write(dir, "b.txt", Articles.text("b", "B", "Space"));
    try (TestServer server = TestServer.start(dir); RawHttp http = new RawHttp(server.port())) {
      int host = 0;
      int pairs = 0;
      double before = fastHits(server);
      for (String uri : List.of("/feed.rss", "/feed.atom", "/feed.json", "/topics/ai/feed.atom",
          "/feed.rss?limit=5")) {
        Exchange plain = exchange(http, "GET", uri, "tags.example", Map.of());
        assertThat(plain.status()).as(uri).isEqualTo(200);
        // Another host has other self links, so other tags: each pair below asks a new host
        // (a new key), so its tags are not known before; * and the date are any host's.
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("identity", Map.of());
        variants.put("gzip", Map.of("Accept-Encoding", "gzip, deflate"));
        variants.put("browser", Map.of("Accept", HTML));
        variants.put("browser gzip", Map.of("Accept", HTML, "Accept-Encoding", "gzip"));
        variants.put("If-None-Match *", Map.of("If-None-Match", "*"));
        variants.put("If-None-Match * gzip", Map.of("If-None-Match", "*",
            "Accept-Encoding", "gzip"));
        variants.put("If-None-Match other", Map.of("If-None-Match", "\"other\""));
        if (plain.header("Last-Modified") != null) {
          variants.put("If-Modified-Since", Map.of("If-Modified-Since",
              plain.header("Last-Modified")));
        }
        for (String method : List.of("GET", "HEAD")) {
          for (Map.Entry<String, Map<String, String>> v : variants.entrySet()) {
            String h = "h" + (host++) + ".example";
            Exchange routed = exchange(http, method, uri, h, v.getValue());
            Exchange fast = exchange(http, method, uri, h, v.getValue());
            String what = method + " " + uri + " " + v.getKey();
            assertThat(fast.head()).as(what).isEqualTo(routed.head());
            assertThat(fast.body()).as(what).isEqualTo(routed.body());
            assertThat(fast.status()).as(what)
                .isEqualTo(v.getKey().startsWith("If-") && !v.getKey().endsWith("other")
                    ? 304 : 200);
            if (!v.getKey().startsWith("browser")) { // a browser's takes the route: its page
              pairs++;
            }
          }
        }
        // the tags of each variant give the 304 of *, on the fast path
        Exchange star = exchange(http, "GET", uri, "tags.example", Map.of("If-None-Match", "*"));
        for (Map<String, String> v : List.of(Map.<String, String>of(),
            Map.of("Accept-Encoding", "gzip"), Map.of("Accept", HTML))) {
          String tag = exchange(http, "HEAD", uri, "tags.example", v).header("ETag");
          Map<String, String> conditional = new LinkedHashMap<>(v);
          conditional.put("If-None-Match", "\"x\", " + tag);
          Exchange hit = exchange(http, "GET", uri, "tags.example", conditional);
          assertThat(hit.status()).as(uri + " " + v).isEqualTo(304);
          if (v.isEmpty()) {
            assertThat(hit.head()).isEqualTo(star.head());
          }
          if (!v.containsKey("Accept")) {
            pairs += 2;
          }
        }
        pairs++;
      }
      // the first of each pair took the router's way, the second not; so did the first
      // request for tags.example, and no other
      assertThat(fastHits(server) - before).isEqualTo(pairs);
    }
  }

  @Test
  void aNewSnapshotIsServedAtOnce(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "First", "AI"));
    try (TestServer server = TestServer.start(dir, Map.of("content.watch", "native"));
        RawHttp http = new RawHttp(server.port())) {
      exchange(http, "GET", "/feed.atom", "x.example", Map.of());
      Exchange old = exchange(http, "GET", "/feed.atom", "x.example", Map.of());
      exchange(http, "GET", "/topics/ai/feed.atom", "x.example", Map.of());
      Exchange oldTopic = exchange(http, "GET", "/topics/ai/feed.atom", "x.example", Map.of());
      assertThat(old.text()).contains("First").doesNotContain("Second");
      double before = fastHits(server);

      // a change that /feed.atom shows, /topics/ai/feed.atom not
      Articles.write(dir, "b.txt", Articles.text("b", "Second", "Space"));
      await().atMost(Duration.ofSeconds(10)).until(() -> server.text("/status")
          .contains("\"articles\" : 2"));
      Exchange now = exchange(http, "GET", "/feed.atom", "x.example", Map.of());
      assertThat(now.text()).contains("First", "Second");
      assertThat(now.header("ETag")).isNotEqualTo(old.header("ETag"));
      Exchange notModified = exchange(http, "GET", "/feed.atom", "x.example",
          Map.of("If-None-Match", old.header("ETag")));
      assertThat(notModified.status()).isEqualTo(200);

      Exchange topic = exchange(http, "GET", "/topics/ai/feed.atom", "x.example", Map.of());
      assertThat(topic.header("ETag")).isEqualTo(oldTopic.header("ETag"));
      assertThat(topic.body()).isEqualTo(oldTopic.body());
      String snapshot = topic.header("X-Tidings-Snapshot");
      assertThat(snapshot).isNotEqualTo(oldTopic.header("X-Tidings-Snapshot"))
          .isEqualTo(now.header("X-Tidings-Snapshot"));
      assertThat(server.text("/status")).contains(snapshot);
      // /feed.atom was rendered again (the router's way), then answered fast (the 200 to the
      // old tag, and this); the topic feed was kept, re-labelled: fast at once
      Exchange again = exchange(http, "GET", "/feed.atom", "x.example", Map.of());
      assertThat(again.head()).isEqualTo(now.head());
      assertThat(fastHits(server) - before).isEqualTo(3);
    }
  }

  @Test
  void eachHostGetsItsOwnSelfLinks(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir, Map.of("http.trustedProxies", "127.0.0.1"));
        RawHttp http = new RawHttp(server.port())) {
      for (int round = 0; round < 2; round++) {
        assertThat(exchange(http, "GET", "/feed.atom", "a.example", Map.of()).text())
            .contains("href=\"http://a.example/feed.atom\"").doesNotContain("b.example");
        assertThat(exchange(http, "GET", "/feed.atom", "b.example:8080", Map.of()).text())
            .contains("href=\"http://b.example:8080/feed.atom\"").doesNotContain("a.example");
        assertThat(exchange(http, "GET", "/feed.atom", "a.example",
            Map.of("X-Forwarded-Host", "c.example", "X-Forwarded-Proto", "https")).text())
            .contains("href=\"https://c.example/feed.atom\"").doesNotContain("a.example/");
        assertThat(exchange(http, "GET", "/feed.atom", "a.example",
            Map.of("X-Forwarded-Host", "d.example")).text())
            .contains("href=\"http://d.example/feed.atom\"");
      }
    }
    // nobody trusted: the forwarded host is nobody's self link, on either path
    try (TestServer server = TestServer.start(dir); RawHttp http = new RawHttp(server.port())) {
      for (int round = 0; round < 2; round++) {
        assertThat(exchange(http, "GET", "/feed.atom", "a.example",
            Map.of("X-Forwarded-Host", "evil.example")).text())
            .contains("href=\"http://a.example/feed.atom\"").doesNotContain("evil");
        assertThat(exchange(http, "GET", "/feed.atom", "a.example", Map.of()).text())
            .contains("href=\"http://a.example/feed.atom\"");
      }
      // X-Forwarded-Host from nobody trusted does not change the key: one way in, three hits
      assertThat(fastHits(server)).isEqualTo(3);
    }
  }

  @Test
  void fastAnswersAreCountedAndTimed(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir); RawHttp http = new RawHttp(server.port())) {
      Exchange first = exchange(http, "GET", "/feed.atom", "m.example", Map.of());
      PrometheusText before = scrape(server);
      int n = 7;
      for (int i = 0; i < n; i++) {
        exchange(http, "GET", "/feed.atom", "m.example", Map.of());
        exchange(http, "GET", "/feed.atom", "m.example",
            Map.of("If-None-Match", first.header("ETag")));
      }
      PrometheusText after = scrape(server);
      assertThat(after.value("tidings_render_cache_fast_hits_total")
          - before.value("tidings_render_cache_fast_hits_total")).isEqualTo(2 * n);
      String[] ok = {"route", "/feed.{format}", "method", "GET", "code", "200"};
      String[] notModified = {"route", "/feed.{format}", "method", "GET", "code", "304"};
      assertThat(after.value("vertx_http_server_requests_total", ok)
          - before.value("vertx_http_server_requests_total", ok)).isEqualTo(n);
      assertThat(after.value("vertx_http_server_requests_total", notModified)).isEqualTo(n);
      String bucket = "vertx_http_server_response_time_seconds_bucket";
      String[] ok2xx = {"route", "/feed.{format}", "status", "2xx", "le", "+Inf"};
      String[] ok3xx = {"route", "/feed.{format}", "status", "3xx", "le", "+Inf"};
      assertThat(after.value(bucket, ok2xx) - before.value(bucket, ok2xx)).isEqualTo(n);
      assertThat(after.value(bucket, ok3xx)).isEqualTo(n);
    }
  }

  @Test
  void withoutHistogramsOnlyTheRequestCountsRemain(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir, Map.of("metrics.httpHistograms", "false"))) {
      server.get("/feed.atom");
      server.get("/feed.atom");
      PrometheusText m = scrape(server);
      assertThat(m.value("vertx_http_server_requests_total",
          "route", "/feed.{format}", "code", "200")).isEqualTo(2);
      assertThat(m.samples()).noneMatch(s -> s.name().startsWith(
          "vertx_http_server_response_time"));
      // the other latency histograms stay
      assertThat(m.has("tidings_feed_render_seconds_bucket")).isTrue();
    }
    try (TestServer server = TestServer.start(dir)) {
      server.get("/feed.atom");
      assertThat(scrape(server).has("vertx_http_server_response_time_seconds_bucket")).isTrue();
    }
  }
}
