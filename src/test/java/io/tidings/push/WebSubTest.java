package io.tidings.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import io.tidings.TestServer;
import io.tidings.config.ConfigException;
import io.tidings.testing.Articles;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSub publisher against a fake hub: a small Vert.x server in the test that records
 * every notification and answers as the test says (a status, or never).
 */
class WebSubTest {
  private static final String BASE = "https://feeds.example.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Ping(String mode, String url, long atNanos) {}

  Vertx hubVertx;
  HttpServer hub;
  final List<Ping> pings = Collections.synchronizedList(new ArrayList<>());
  /** What the hub does with a ping: the HTTP status to answer, or 0 to never answer. */
  volatile Function<Ping, Integer> answer = p -> 202;

  @BeforeEach
  void startHub() throws Exception {
    hubVertx = Vertx.vertx();
    hub = hubVertx.createHttpServer().requestHandler(this::onHubRequest).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopHub() throws Exception {
    hubVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void onHubRequest(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      Map<String, String> form = new HashMap<>();
      for (String pair : body.toString(StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      String type = req.getHeader("Content-Type");
      Ping p = new Ping(req.method().name() + " " + type + " " + form.get("hub.mode"),
          form.get("hub.url"), System.nanoTime());
      pings.add(p);
      int status = answer.apply(p);
      if (status > 0) {
        req.response().setStatusCode(status).end();
      } // else hang: never answer
    });
  }

  String hubUrl() {
    return "http://127.0.0.1:" + hub.actualPort() + "/hub";
  }

  TestServer server(Path dir, String... more) throws Exception {
    Map<String, String> settings = new HashMap<>(Map.of("websub.hub", hubUrl(),
        "http.baseUrl", BASE, "websub.retryDelay", "100ms", "websub.timeout", "10s"));
    for (int i = 0; i < more.length; i += 2) {
      settings.put(more[i], more[i + 1]);
    }
    return TestServer.start(dir, settings);
  }

  static List<String> feeds(String scopePath) {
    return List.of(BASE + scopePath + "feed.rss", BASE + scopePath + "feed.atom",
        BASE + scopePath + "feed.json");
  }

  List<String> urlsPinged() {
    synchronized (pings) {
      return pings.stream().map(Ping::url).toList();
    }
  }

  @Test
  void eachChangePingsEveryFeedItTouchedOnce(@TempDir Path dir) throws Exception {
    Articles.write(dir, "old.md", Articles.text("old", "Old", "Space"));
    try (TestServer server = server(dir)) {
      // The start-up scan is announced to nobody; the next change is.
      assertThat(pings).isEmpty();
      Articles.write(dir, "a.md", Articles.article("a").title("A").topics("AI", "人工智能")
          .provider("Reuters", "reuters.com").text());
      List<String> first = new ArrayList<>();
      first.addAll(feeds("/"));
      first.addAll(feeds("/topics/ai/"));
      first.addAll(feeds("/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/"));
      first.addAll(feeds("/providers/reuters.com/"));
      await("12 pings").atMost(Duration.ofSeconds(10)).until(() -> pings.size() >= first.size());

      // A second change, to learn that the first sent nothing more meanwhile.
      Articles.write(dir, "b.md", Articles.article("b").title("B").topics("Space")
          .provider("Reuters", "reuters.com").text());
      List<String> second = new ArrayList<>();
      second.addAll(feeds("/"));
      second.addAll(feeds("/topics/space/"));
      second.addAll(feeds("/providers/reuters.com/"));
      await("9 more pings").atMost(Duration.ofSeconds(10)).until(
          () -> pings.size() >= first.size() + second.size());
      List<String> all = urlsPinged();
      assertThat(all.subList(0, first.size())).containsExactlyInAnyOrderElementsOf(first);
      assertThat(all.subList(first.size(), all.size()))
          .containsExactlyInAnyOrderElementsOf(second);
      assertThat(pings).allSatisfy(p -> assertThat(p.mode())
          .isEqualTo("POST application/x-www-form-urlencoded publish"));

      // Each URL pinged is the one a subscriber finds as the feed's self link.
      String rss = server.text("/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/feed.rss");
      assertThat(rss).contains("href=\"" + BASE
          + "/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/feed.rss\" rel=\"self\"");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(server.metric("tidings_websub_notifications_total"))
          .isEqualTo(21.0));
    }
  }

  @Test
  void aFailingHubIsRetriedWithGrowingDelaysWhileTheServerKeepsServing(@TempDir Path dir)
      throws Exception {
    Map<String, Integer> tries = new HashMap<>();
    answer = p -> {
      synchronized (tries) {
        return tries.merge(p.url(), 1, Integer::sum) <= 2 ? 500 : 204;
      }
    };
    try (TestServer server = server(dir)) {
      Articles.write(dir, "a.md", Articles.article("a").topics("AI")
          .provider("Reuters", "reuters.com").text());
      String url = BASE + "/topics/ai/feed.atom";
      // Serving goes on while the hub fails.
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(text(server, "/feed.json")).contains("/a\""));
      await("three tries of each feed").atMost(Duration.ofSeconds(20)).until(() -> {
        synchronized (tries) {
          return tries.size() == 9 && tries.values().stream().allMatch(n -> n == 3);
        }
      });
      List<Long> times;
      synchronized (pings) {
        times = pings.stream().filter(p -> p.url().equals(url)).map(Ping::atNanos).toList();
      }
      assertThat(times).hasSize(3);
      long firstGap = TimeUnit.NANOSECONDS.toMillis(times.get(1) - times.get(0));
      long secondGap = TimeUnit.NANOSECONDS.toMillis(times.get(2) - times.get(1));
      assertThat(firstGap).as("first retry after retryDelay").isGreaterThanOrEqualTo(100);
      assertThat(secondGap).as("second retry after twice that").isGreaterThanOrEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(server.metric("tidings_websub_notifications_failed_total")).isEqualTo(18.0);
        assertThat(server.metric("tidings_websub_notifications_total")).isEqualTo(9.0);
        assertThat(server.metric("tidings_websub_pending")).isZero();
      });
    }
  }

  @Test
  void aHubThatNeverAnswersTimesOutAndIsGivenUpWithoutHoldingAnythingUp(@TempDir Path dir)
      throws Exception {
    answer = p -> 0;
    try (TestServer server = server(dir, "websub.timeout", "200ms", "websub.maxAttempts",
        "2")) {
      Articles.write(dir, "a.md", Articles.article("a").topics("AI")
          .provider("Reuters", "reuters.com").text());
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(text(server, "/feed.json")).contains("/a\""));
      // Ingest goes on too: the next file shows while the hub hangs.
      Articles.write(dir, "b.md", Articles.article("b").topics("AI")
          .provider("Reuters", "reuters.com").text());
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(text(server, "/topics/ai/feed.json"))
          .contains("/b\""));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        assertThat(server.metric("tidings_websub_notifications_abandoned_total"))
            .isGreaterThanOrEqualTo(9.0);
        assertThat(server.metric("tidings_websub_pending")).isZero();
      });
      assertThat(server.metric("tidings_websub_notifications_total")).isZero();
    }
  }

  @Test
  void feedsNameTheHubOnlyWhenOneIsConfigured(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.md", Articles.text("a", "A", "AI"));
    try (TestServer with = server(dir)) {
      for (String path : List.of("/feed.atom", "/topics/ai/feed.atom")) {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(with.text(path)));
        List<String> hubs = feed.getLinks().stream().filter(l -> "hub".equals(l.getRel()))
            .map(SyndLink::getHref).toList();
        assertThat(hubs).as(path).containsExactly(hubUrl());
      }
      assertThat(with.text("/feed.rss"))
          .contains("<atom:link href=\"" + hubUrl() + "\" rel=\"hub\" />");
      JsonNode json = JSON.readTree(with.text("/feed.json"));
      assertThat(json.get("hubs").get(0).get("type").asText()).isEqualTo("WebSub");
      assertThat(json.get("hubs").get(0).get("url").asText()).isEqualTo(hubUrl());
    }
    try (TestServer without = TestServer.start(dir)) {
      assertThat(without.text("/feed.rss")).doesNotContain("rel=\"hub\"");
      assertThat(without.text("/feed.atom")).doesNotContain("rel=\"hub\"");
      assertThat(JSON.readTree(without.text("/feed.json")).has("hubs")).isFalse();
      assertThat(without.text("/metrics")).doesNotContain("tidings_websub");
    }
  }

  @Test
  void aHubWithoutABaseUrlIsAConfigErrorNamingBothKeys() {
    assertThatThrownBy(() -> TestServer.config(Map.of("websub.hub", "https://hub.example")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("websub.hub").hasMessageContaining("http.baseUrl");
  }

  @Test
  void aHubThatIsNoHttpUrlIsAConfigErrorNamingTheKey() {
    for (String bad : List.of("ftp://hub.example/", "hub.example", "https://hub.example/?a=b")) {
      assertThatThrownBy(() -> TestServer.config(Map.of("websub.hub", bad,
          "http.baseUrl", BASE)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("websub.hub");
    }
  }

  static String text(TestServer server, String path) {
    try {
      return server.text(path);
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError("GET " + path + " failed", e);
    }
  }
}
