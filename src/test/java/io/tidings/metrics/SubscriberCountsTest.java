package io.tidings.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.tidings.testing.RawHttp;
import io.tidings.web.feeds.Subscribers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriber counts as aggregators report them in their User-Agent, over HTTP: in
 * {@code /metrics} ({@code tidings_feed_subscribers}) and {@code /status}, by canonical feed
 * URL only, the latest report per aggregator and feed, bounded however many feeds are asked.
 */
class SubscriberCountsTest {
  private static final String GAUGE = "tidings_feed_subscribers";
  /** Agents as aggregators send them: agent, aggregator, count. */
  private static final List<String[]> AGENTS = List.of(
      new String[] {"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )",
          "feedly", "42"},
      new String[] {"Mozilla/5.0 (compatible; Inoreader/1.0;"
          + " +http://www.inoreader.com/feed-fetcher; 7 subscribers; )", "inoreader", "7"},
      new String[] {"NewsBlur Feed Fetcher - 5 subscribers - http://www.newsblur.com/site/6/x"
          + " (Mozilla/5.0 (Macintosh) AppleWebKit/537.36 (KHTML, like Gecko))", "newsblur", "5"},
      new String[] {"Feedbin feed-id:1234 - 12 subscribers", "feedbin", "12"},
      new String[] {"Mozilla/5.0 (compatible; theoldreader.com; 3 subscribers; feed-id=a)",
          "theoldreader", "3"},
      new String[] {"Netvibes (http://www.netvibes.com/; 9 subscribers; feedID: 1)",
          "netvibes", "9"},
      new String[] {"AcmeFetch/3.2 (+https://acme.example; 8 readers)", "acmefetch", "8"});

  private static RawHttp.Answer get(TestServer server, String path, String agent)
      throws Exception {
    return RawHttp.send(server.port(), "GET", path, Map.of("Host", "127.0.0.1",
        "User-Agent", agent));
  }

  private static PrometheusText scrape(TestServer server) throws Exception {
    return PrometheusText.parse(server.text("/metrics"));
  }

  private static JsonNode status(TestServer server) throws Exception {
    return new ObjectMapper().readTree(server.text("/status"));
  }

  @Test
  void everyFormatIsCountedInMetricsAndStatusAndALaterReportReplacesTheEarlier(
      @TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir)) {
      for (String[] a : AGENTS) {
        assertThat(get(server, "/topics/ai/feed.rss", a[0]).status()).isEqualTo(200);
      }
      assertThat(get(server, "/feed.atom?q=chip", AGENTS.get(0)[0]).status()).isEqualTo(200);
      PrometheusText m = scrape(server);
      long total = 0;
      for (String[] a : AGENTS) {
        assertThat(m.value(GAUGE, "feed", "/topics/ai/feed.rss", "aggregator", a[1]))
            .as(a[0]).isEqualTo(Double.parseDouble(a[2]));
        total += Long.parseLong(a[2]);
      }
      assertThat(m.value(GAUGE, "feed", "/feed.atom?q=chip", "aggregator", "feedly"))
          .isEqualTo(42);
      JsonNode s = status(server).path("subscribers");
      assertThat(s.path("total").asLong()).isEqualTo(total + 42);
      JsonNode ai = s.path("feeds").get(1);
      assertThat(ai.path("feed").asText()).isEqualTo("/topics/ai/feed.rss");
      assertThat(ai.path("total").asLong()).isEqualTo(total);
      assertThat(ai.path("aggregators").path("inoreader").asLong()).isEqualTo(7);
      assertThat(s.path("feeds").get(0).path("feed").asText()).isEqualTo("/feed.atom?q=chip");

      get(server, "/topics/ai/feed.rss",
          "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 40 subscribers; )");
      assertThat(scrape(server).value(GAUGE, "feed", "/topics/ai/feed.rss",
          "aggregator", "feedly")).isEqualTo(40);
      assertThat(status(server).path("subscribers").path("total").asLong())
          .isEqualTo(total + 42 - 2);
    }
  }

  @Test
  void onlyCanonicalFeedUrlsAreCountedAndTheBoundHolds(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    String feedly = AGENTS.get(0)[0];
    try (TestServer server = TestServer.start(dir)) {
      // Redirected (301) spellings, a bad query (400) and what is no feed count nothing.
      assertThat(get(server, "/topics/AI/feed.rss", feedly).status()).isEqualTo(301);
      assertThat(get(server, "/feed.rss?limit=50", feedly).status()).isEqualTo(301);
      assertThat(get(server, "/feed.rss?junk=" + "x".repeat(50), feedly).status())
          .isEqualTo(301);
      assertThat(get(server, "/feed.rss?limit=abc", feedly).status()).isEqualTo(400);
      assertThat(get(server, "/feed.xml", feedly).status()).isEqualTo(404);
      get(server, "/topics/ai", feedly);
      assertThat(scrape(server).has(GAUGE)).isFalse();
      assertThat(status(server).path("subscribers").path("feeds")).isEmpty();

      int feeds = Subscribers.MAX_ROWS + 200;
      for (int i = 0; i < feeds; i++) {
        assertThat(get(server, "/topics/t" + i + "/feed.json", feedly).status()).isEqualTo(200);
      }
      PrometheusText m = scrape(server);
      long series = m.samples().stream().filter(x -> x.name().equals(GAUGE)).count();
      assertThat(series).isEqualTo(Subscribers.MAX_ROWS);
      assertThat(m.value(GAUGE, "feed", "/topics/t" + (feeds - 1) + "/feed.json")).isEqualTo(42);
      assertThat(m.value(GAUGE, "feed", "/topics/t0/feed.json")).isZero();
      assertThat(status(server).path("subscribers").path("feeds")).hasSize(Subscribers.MAX_ROWS);
    }
  }

  @Test
  void theLabelIsTheCanonicalUrlWhateverTheQuerySpelled(@TempDir Path dir) throws Exception {
    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    String feedly = AGENTS.get(0)[0];
    try (TestServer server = TestServer.start(dir)) {
      RawHttp.Answer a = get(server, "/feed.rss?Q=%22Chips%5C%22", feedly);
      assertThat(a.status()).isEqualTo(301);
      String canonical = "/" + a.header("Location");
      assertThat(get(server, canonical, feedly).status()).isEqualTo(200);
      String text = server.text("/metrics");
      PrometheusText m = PrometheusText.parse(text); // refuses a line it cannot read
      assertThat(m.samples().stream().filter(x -> x.name().equals(GAUGE)))
          .singleElement().satisfies(x -> {
            assertThat(x.labels()).containsEntry("feed", canonical)
                .containsEntry("aggregator", "feedly");
            assertThat(x.value()).isEqualTo(42);
          });
      assertThat(text.lines().filter(l -> l.startsWith(GAUGE + "{")))
          .allMatch(l -> l.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
    }
  }
}
