package io.tidings.web;

import static io.tidings.web.FeedHttp.contentType;
import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.tidings.testing.TidingsServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages for people, over HTTP on the sample: what they list, their feeds, caching. */
@TidingsServer
class PagesTest {
  private static final Pattern ALTERNATE = Pattern.compile(
      "<link rel=\"alternate\"\\s+type=\"([^\"]+)\"\\s+title=\"[^\"]*\"\\s+href=\"([^\"]+)\"");
  private static final Pattern ITEM = Pattern.compile("<a class=\"title\" href=\"[^\"]+\">");

  static TestServer server;

  static HttpResponse<byte[]> page(TestServer s, String path) {
    HttpResponse<byte[]> r = ok(s, path);
    assertThat(header(r, "Content-Type")).isEqualTo("text/html; charset=utf-8");
    return r;
  }

  /** type to href of every autodiscovery link. */
  static List<String[]> alternates(String html) {
    List<String[]> out = new ArrayList<>();
    Matcher m = ALTERNATE.matcher(html);
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  private static void assertFeedsOf(String html, String pathPrefix) {
    List<String[]> links = alternates(html);
    assertThat(links).extracting(l -> l[0]).containsExactly("application/rss+xml",
        "application/atom+xml", "application/feed+json");
    for (String[] l : links) {
      String ext = l[1].substring(l[1].lastIndexOf('.') + 1);
      assertThat(l[1]).isEqualTo(server.url(pathPrefix + "feed." + ext));
      HttpResponse<byte[]> feed = ok(server, l[1].substring(server.url("").length()));
      assertThat(header(feed, "Content-Type")).isEqualTo(contentType(ext));
      assertThat(html).contains("value=\"" + l[1] + "\"", "data-url=\"" + l[1] + "\"");
    }
  }

  @Test
  void theFrontPageShowsCountsTopicsProvidersAndTheLatest30() {
    String html = text(page(server, "/"));
    assertThat(html).contains("<h1>Tidings</h1>", "34 articles",
        "datetime=\"2023-11-22T05:55:00Z\"", ">22 Nov 2023, 05:55 UTC<");
    for (JsonNode t : json(ok(server, "/api/topics").body()).path("topics")) {
      assertThat(html).contains("href=\"" + t.path("url").asText() + "\">"
          + t.path("name").asText() + "</a>");
    }
    JsonNode providers = json(ok(server, "/api/providers").body()).path("providers");
    int at = -1;
    for (JsonNode p : providers) {
      int here = html.indexOf("href=\"" + p.path("url").asText() + "\">");
      assertThat(here).as(p.path("key").asText()).isGreaterThan(at);
      at = here; // most active first: the list is in the API's order
    }
    List<String> titles = new ArrayList<>();
    json(ok(server, "/feed.json?limit=30").body()).path("items")
        .forEach(i -> titles.add(i.path("url").asText()));
    assertThat(ITEM.matcher(html).results().count()).isEqualTo(30);
    int last = -1;
    for (String url : titles) {
      int here = html.indexOf("<a class=\"title\" href=\"" + url.replace("&", "&amp;") + "\">");
      assertThat(here).as(url).isGreaterThan(last);
      last = here;
    }
    assertFeedsOf(html, "/");
    assertThat(html).contains("href=\"" + server.url("/opml") + "\"");
  }

  @Test
  void aTopicPageListsItsArticlesAndFeedsWhateverTheSpelling() {
    String html = text(page(server, "/topics/AI"));
    assertThat(html).contains("<h1>AI</h1>", "14 articles");
    assertThat(ITEM.matcher(html).results().count()).isEqualTo(14);
    assertFeedsOf(html, "/topics/ai/");
    assertThat(text(page(server, "/topics/ai"))).isEqualTo(html);
    String cjk = text(page(server, "/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD"));
    assertThat(cjk).contains("<h1>人工智能</h1>", "3 articles");
  }

  @Test
  void aProviderPageListsItsArticles() {
    String html = text(page(server, "/providers/www.reuters.com"));
    assertThat(html).contains("<h1>Reuters</h1>", "6 articles");
    assertThat(ITEM.matcher(html).results().count()).isEqualTo(6);
    assertFeedsOf(html, "/providers/reuters.com/");
  }

  @Test
  void anUnknownTopicIsANormalPageWithFeedsThatAlreadyWork() {
    String html = text(page(server, "/topics/Quantum%20Computing"));
    assertThat(html).contains("<h1>Quantum Computing</h1>", "No article has this topic yet");
    assertThat(ITEM.matcher(html).results().count()).isZero();
    assertFeedsOf(html, "/topics/quantum-computing/");
    for (String ext : List.of("rss", "atom", "json")) {
      assertThat(itemCount(ext, ok(server, "/topics/quantum-computing/feed." + ext).body()))
          .isZero();
    }
    assertThat(text(page(server, "/providers/nobody.example")))
        .contains("No article from this provider yet");
  }

  @Test
  void pagesHaveEtags304AndGzip() {
    for (String path : List.of("/", "/topics/space", "/providers/bbc.com")) {
      HttpResponse<byte[]> r = page(server, path);
      assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=60");
      assertThat(header(r, "Vary")).isEqualTo("Accept-Encoding");
      assertThat(get(server, path, Map.of("If-None-Match", etag(r))).statusCode())
          .isEqualTo(304);
      HttpResponse<byte[]> gz = get(server, path, Map.of("Accept-Encoding", "gzip"));
      assertThat(FeedHttp.gunzip(gz.body())).isEqualTo(r.body());
    }
  }

  @Test
  void theSameContentGivesTheSameBytesOnAnotherServer(@TempDir Path other) throws Exception {
    try (TestServer twin = TestServer.start(FeedHttp.copySample(other),
        Map.of("http.baseUrl", server.url("")))) {
      for (String path : List.of("/", "/topics/ai", "/providers/reuters.com", "/opml",
          "/opml?by=provider", "/api/topics", "/api/providers", "/api/articles?limit=7")) {
        HttpResponse<byte[]> a = ok(server, path);
        HttpResponse<byte[]> b = ok(twin, path);
        assertThat(text(b)).as(path).isEqualTo(text(a));
        assertThat(etag(b)).as(path).isEqualTo(etag(a));
      }
    }
  }

  @Test
  void aNewArticleShowsOnThePagesAtOnce(@TempDir Path other) throws Exception {
    try (TestServer s = TestServer.start(FeedHttp.copySample(other))) {
      String before = text(ok(s, "/topics/space"));
      Articles.write(other, "new/fresh.txt", Articles.article("fresh")
          .title("A fresh look at Mars").at("2024-01-02T03:04:05Z").topics("Space").text());
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(text(ok(s, "/"))).contains("A fresh look at Mars", "35 articles");
        assertThat(text(ok(s, "/topics/space"))).contains("A fresh look at Mars")
            .isNotEqualTo(before);
      });
    }
  }
}
