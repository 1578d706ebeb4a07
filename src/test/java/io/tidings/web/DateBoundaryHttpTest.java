package io.tidings.web;

import static io.tidings.testing.Articles.article;
import static io.tidings.testing.Articles.write;
import static io.tidings.web.FeedHttp.await;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

/**
 * A topic that holds the earliest and the latest date an article may carry, and a date with an
 * offset of +18:00 and nanoseconds: every output answers, and every format says the same
 * instant. Dates that no feed can carry are errors of their files, which serve nothing.
 */
@TidingsServer(settings = "content.hideFuture=false", content = DateBoundaryHttpTest.Dates.class)
class DateBoundaryHttpTest {
  /** Short id -> the instant every output must show. */
  private static final Map<String, Instant> GOOD = Map.of(
      "early", Instant.parse("1583-01-01T00:00:00Z"),
      "late", Instant.parse("9999-12-31T23:59:59Z"),
      "offset", Instant.parse("2023-10-16T22:45:00Z"),
      "kept", Instant.parse("2020-01-01T00:00:00Z"));
  private static final Map<String, String> BAD = Map.of(
      "bad-min.txt", "-999999999-01-01T00:00:00Z",
      "bad-max.txt", "+999999999-12-31T23:59:59Z",
      "bad-10000.txt", "+10000-01-01T00:00:00Z",
      "bad-julian.txt", "1582-10-10T00:00:00Z");
  /** IMF-fixdate, RFC 9110 5.6.7: what a sender must write. */
  private static final String IMF_FIXDATE = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
      + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  @TidingsServer.ContentDir static Path dir;
  static TestServer server;

  /** Articles at the edges of the date range, one with related dates, and bad dates. */
  static final class Dates implements TidingsServer.Content {
    @Override
    public void fill(Path dir) {
      write(dir, "early.txt", article("early").at("1583-01-01T00:00:00Z").topics("Edge")
          .provider("Early", "early.example").text());
      write(dir, "late.txt", article("late").at("9999-12-31T23:59:59Z").topics("Edge").text());
      String offset = article("offset").at("2023-10-17T16:45:00.123456789+18:00").topics("Edge")
          .text();
      write(dir, "offset.txt", offset.substring(0, offset.length() - 4)
          + "related:\n"
          + "  - title: Far\n    webUrl: https://other.example/far\n"
          + "    publishedDateTime: +999999999-12-31T23:59:59Z\n"
          + "  - title: Near\n    webUrl: https://other.example/near\n"
          + "    publishedDateTime: 2023-10-20T23:30:00.5-02:00\n"
          + "---\n");
      write(dir, "kept.txt", article("kept").at("2020-01-01T00:00:00Z").topics("Edge").text());
      BAD.forEach((file, date) -> write(dir, file,
          article(file).at(date).topics("Edge").provider("Bad", "bad.example").text()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed", "/topics/edge/feed", "/topics/Edge/feed",
      "/providers/early.example/feed"})
  void rssAtomJsonAndApiSayTheSameInstants(String feed) throws Exception {
    Map<String, Instant> rss = new TreeMap<>();
    Channel channel = (Channel) new WireFeedInput().build(new InputSource(
        new ByteArrayInputStream(ok(server, feed + ".rss").body())));
    for (Item i : channel.getItems()) {
      rss.put(Articles.shortId(i.getGuid().getValue()), i.getPubDate().toInstant());
    }
    Map<String, Instant> atom = new TreeMap<>();
    Feed atomFeed = (Feed) new WireFeedInput().build(new InputSource(
        new ByteArrayInputStream(ok(server, feed + ".atom").body())));
    for (Entry e : atomFeed.getEntries()) {
      assertThat(e.getUpdated()).isEqualTo(e.getPublished());
      atom.put(Articles.shortId(e.getId()), e.getPublished().toInstant());
    }
    Map<String, Instant> jsonFeed = new TreeMap<>();
    for (JsonNode i : json(ok(server, feed + ".json").body()).path("items")) {
      jsonFeed.put(Articles.shortId(i.path("id").asText()),
          Instant.parse(i.path("date_published").asText()));
    }
    Map<String, Instant> expected = new TreeMap<>(GOOD);
    if (feed.startsWith("/providers/")) {
      expected.keySet().retainAll(java.util.Set.of("early"));
    }
    assertThat(jsonFeed).isEqualTo(expected);
    assertThat(rss).isEqualTo(expected);
    assertThat(atom).isEqualTo(expected);
    Instant newest = expected.values().stream().max(Instant::compareTo).orElseThrow();
    assertThat(channel.getLastBuildDate().toInstant()).isEqualTo(newest);
    assertThat(atomFeed.getUpdated().toInstant()).isEqualTo(newest);

    String api = feed.equals("/feed") ? "" : feed.startsWith("/topics/") ? "?topic=edge"
        : "?provider=early.example";
    Map<String, Instant> fromApi = new TreeMap<>();
    for (JsonNode a : json(ok(server, "/api/articles" + api).body()).path("articles")) {
      fromApi.put(Articles.shortId(a.path("id").asText()),
          Instant.parse(a.path("published").asText()));
    }
    assertThat(fromApi).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.rss", "/feed.atom", "/feed.json", "/topics/edge/feed.rss",
      "/topics/edge/feed.atom", "/topics/edge/feed.json"})
  void lastModifiedIsAnImfFixdateThatConditionalRequestsUnderstand(String feed) {
    HttpResponse<byte[]> r = ok(server, feed);
    String lastModified = header(r, "Last-Modified");
    assertThat(lastModified).matches(IMF_FIXDATE).isEqualTo("Fri, 31 Dec 9999 23:59:59 GMT");
    assertThat(Instant.from(HTTP_DATE.parse(lastModified)))
        .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(get(server, feed, Map.of("If-Modified-Since", lastModified)).statusCode())
        .isEqualTo(304);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/topics/edge", "/providers/early.example", "/opml",
      "/opml?by=provider", "/opml?format=atom", "/api/topics", "/api/providers", "/api/articles"})
  void pagesOpmlAndApiAnswer(String path) {
    String body = text(ok(server, path));
    if (path.startsWith("/opml")) {
      assertThat(body).contains("<dateModified>Fri, 31 Dec 9999 23:59:59 GMT</dateModified>");
    }
  }

  @Test
  void relatedDatesOutOfRangeAreLeftOutAndTheOthersAgree() {
    String html = json(ok(server, "/topics/edge/feed.json").body()).path("items").findValues(
        "content_html").stream().map(JsonNode::asText).filter(h -> h.contains("Near"))
        .findFirst().orElseThrow();
    // 2023-10-20T23:30:00.5-02:00 is 21 Oct 2023 in UTC; the far one shows no date at all.
    assertThat(html).contains("Near</a>, 21 Oct 2023</li>").contains("Far</a></li>");
    assertThat(text(ok(server, "/topics/edge/feed.rss"))).contains("Near</a>, 21 Oct 2023</li>");
  }

  @Test
  void eachDateNoFeedCanCarryIsAnErrorOfItsFileInStatus() {
    JsonNode errors = json(ok(server, "/status").body()).path("errors");
    Map<String, String> reasons = new TreeMap<>();
    errors.forEach(e -> reasons.put(e.path("file").asText(), e.path("reason").asText()));
    assertThat(reasons).containsKeys(BAD.keySet().toArray(String[]::new));
    for (String file : BAD.keySet()) {
      assertThat(reasons.get(file)).isEqualTo("publishedDateTime is out of range: it must be"
          + " from 1583-01-01T00:00:00Z to 9999-12-31T23:59:59Z (UTC), the dates that RSS,"
          + " Atom, JSON Feed and HTTP can all carry");
    }
    assertThat(text(ok(server, "/api/providers"))).doesNotContain("bad.example");
  }

  @Test
  void aFileThatTurnsOutOfRangeKeepsServingItsLastGoodVersion() {
    FeedHttp.rewrite(dir.resolve("kept.txt"),
        article("kept").at("+10000-01-01T00:00:00Z").topics("Edge").text());
    await("kept.txt reported", () -> text(get(server, "/status")).contains("\"kept.txt\""));
    assertThat(text(ok(server, "/topics/edge/feed.json")))
        .contains("\"id\":\"https://example.com/kept\"")
        .contains("\"date_published\":\"2020-01-01T00:00:00Z\"");
    assertThat(header(ok(server, "/feed.rss"), "Last-Modified")).matches(IMF_FIXDATE);
  }
}
