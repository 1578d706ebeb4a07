package io.tidings.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.web.feeds.AggregatorAgent.Report;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The User-Agents that aggregators report subscriber counts in, and the bound of the table. */
class AggregatorAgentTest {
  /** Agents as aggregators send them: agent | aggregator | count. */
  static final String[][] AGENTS = {
    {"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )", "feedly", "42"},
    {"Mozilla/5.0 (compatible; Inoreader/1.0; +http://www.inoreader.com/feed-fetcher;"
        + " 7 subscribers; )", "inoreader", "7"},
    {"NewsBlur Feed Fetcher - 5 subscribers - http://www.newsblur.com/site/6/example"
        + " (Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_1) AppleWebKit/537.36 (KHTML, like"
        + " Gecko) Chrome/62.0.3202.94 Safari/537.36)", "newsblur", "5"},
    {"Feedbin feed-id:1234 - 12 subscribers", "feedbin", "12"},
    {"Mozilla/5.0 (compatible; theoldreader.com; 3 subscribers; feed-id=abc)",
        "theoldreader", "3"},
    {"Bloglovin/1.0 (http://www.bloglovin.com; 1,234 subscribers)", "bloglovin", "1234"},
    {"Netvibes (http://www.netvibes.com/; 9 subscribers; feedID: 1)", "netvibes", "9"},
    {"FeedHQ/1.0 (https://feedhq.org; 4 subscribers)", "feedhq", "4"},
    {"Superfeedr bot/2.0 http://superfeedr.com - Make your feeds realtime: get in touch -"
        + " feed-id:1, 11 subscribers", "superfeedr", "11"},
    {"Mozilla/5.0 (compatible; AcmeFetch/3.2; +https://acme.example; 1 subscriber)",
        "acmefetch", "1"},
    {"Zeitung Reader - 8 READERS", "zeitung", "8"},
  };

  @Test
  void everyKnownFormatGivesItsAggregatorAndCount() {
    for (String[] a : AGENTS) {
      assertThat(AggregatorAgent.parse(a[0])).as(a[0])
          .isEqualTo(new Report(a[1], Long.parseLong(a[2])));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0",
      "Inoreader/1.0 (+http://www.inoreader.com/feed-fetcher)", "Feedreader 3.14",
      "Feedly/1.0 (+http://www.feedly.com/fetcher.html; many subscribers)",
      "Evil/1.0 99999999999999 subscribers", ""})
  void agentsWithoutACountReportNothing(String agent) {
    assertThat(AggregatorAgent.parse(agent)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; ),true",
      "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0,false",
      "newsboat/2.36,false", "Liferea/1.15 (Linux; https://lzone.de/liferea/),false"})
  void theCheapCheckPassesOnlyWhatMayCarryACount(String agent, boolean may) {
    assertThat(AggregatorAgent.mayReport(agent)).isEqualTo(may);
  }

  @Test
  void aLaterReportReplacesTheEarlierOneAndTheBoundHoldsOverTenThousandFeeds() {
    Subscribers s = new Subscribers();
    s.report("/feed.rss", AGENTS[0][0]);
    s.report("/feed.rss", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 43 subscribers; )");
    assertThat(s.rows()).containsExactly(new Subscribers.Row("/feed.rss", "feedly", 43));
    IntStream.range(0, 10_000).forEach(i ->
        s.report("/topics/t" + i + "/feed.rss", AGENTS[i % AGENTS.length][0]));
    assertThat(s.rows()).hasSize(Subscribers.MAX_ROWS)
        .as("the least recently reported went first")
        .noneMatch(r -> r.feed().equals("/feed.rss") || r.feed().equals("/topics/t8999/feed.rss"))
        .anyMatch(r -> r.feed().equals("/topics/t9999/feed.rss"))
        .anyMatch(r -> r.feed().equals("/topics/t9000/feed.rss"));
    assertThat(s.byFeed()).hasSize(Subscribers.MAX_ROWS);
  }
}
