package io.tidings.web;

import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.gunzip;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A feed URL answers by Accept: a browser (it prefers HTML) gets the same query as an HTML
 * page, every feed reader gets the feed's bytes as before; both say {@code Vary: Accept}, each
 * has its own tags, 304s, HEAD and gzip.
 */
@TidingsServer
class FeedViewHttpTest {
  /** What Chromium sends when it opens a URL. */
  static final String CHROMIUM = StylesheetTest.BROWSER;
  /** What Firefox sends. */
  static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  static final String HTML = "text/html; charset=utf-8";
  static final String VARY = "Accept-Encoding, Accept";
  static final List<String> FEEDS = List.of("/feed.rss", "/feed.atom", "/feed.json",
      "/topics/ai/feed.rss", "/providers/reuters.com/feed.atom?q=ai", "/feed.rss?limit=3",
      "/topics/ai/feed.json?limit=2", "/feed.atom?q=zzzqqq");
  private static final Pattern ITEM_LINK =
      Pattern.compile("<a class=\"title\" href=\"([^\"]*)\">");

  static TestServer server;

  private static HttpResponse<byte[]> browser(String path, String... more) {
    Map<String, String> headers = new HashMap<>(Map.of("Accept", CHROMIUM));
    for (int i = 0; i < more.length; i += 2) {
      headers.put(more[i], more[i + 1]);
    }
    return get(server, path, headers);
  }

  @Test
  void aBrowserGetsThePageOfTheSameQuery() throws Exception {
    for (String path : FEEDS) {
      HttpResponse<byte[]> feed = ok(server, path);
      for (String accept : List.of(CHROMIUM, FIREFOX, "text/html",
          "application/rss+xml;q=0.5, text/html", "application/xhtml+xml")) {
        HttpResponse<byte[]> page = get(server, path, Map.of("Accept", accept));
        assertThat(page.statusCode()).as(path + " " + accept).isEqualTo(200);
        assertThat(header(page, "Content-Type")).as(path + " " + accept).isEqualTo(HTML);
        assertThat(header(page, "Vary")).isEqualTo(VARY);
      }
      HttpResponse<byte[]> page = browser(path);
      String html = text(page);
      assertThat(header(page, "Content-Security-Policy")).contains("img-src 'self' https:")
          .contains("script-src 'sha256-").doesNotContain("unsafe-inline");
      assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1 id=\"feed-title\">")
          .contains("To subscribe").doesNotContain("xml-stylesheet");
      String self = server.url(path);
      assertThat(html).contains("id=\"feed-url\" type=\"text\" readonly value=\""
          + self.replace("&", "&amp;") + "\"");
      String encoded = URLEncoder.encode(self, StandardCharsets.UTF_8).replace("+", "%20");
      assertThat(html).contains("href=\"https://feedly.com/i/subscription/feed/" + encoded)
          .contains("href=\"https://www.inoreader.com/?add_feed=" + encoded)
          .contains("href=\"https://www.newsblur.com/?url=" + encoded)
          .contains("href=\"https://theoldreader.com/feeds/subscribe?url=" + encoded);
      String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
      String stem = path.substring(0, path.lastIndexOf('.', path.indexOf('?') < 0
          ? path.length() : path.indexOf('?')));
      for (String ext : List.of("rss", "atom", "json")) {
        assertThat(html).as("the other formats").contains(
            "value=\"" + server.url(stem + "." + ext + query).replace("&", "&amp;") + "\"");
      }
      String ext = path.replaceAll("\\?.*", "").replaceAll(".*\\.", "");
      assertThat(links(html)).as(path).isEqualTo(links(ext, feed.body()))
          .hasSize(itemCount(ext, feed.body()));
      // One form for every date: the feed's RFC 822 and RFC 3339 become one.
      Matcher when = Pattern.compile("<span class=\"when\" title=\"([^\"]*)\">([^<]*)</span>")
          .matcher(html);
      int dates = 0;
      while (when.find()) {
        dates++;
        assertThat(when.group(2)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        assertThat(when.group(1).replace('T', ' ')).startsWith(when.group(2)
            .replace(" UTC", ""));
      }
      assertThat(dates).as(path).isGreaterThanOrEqualTo(links(html).size());
    }
  }

  @Test
  void itemsShowTheirPicturesAndRelatedCoverage() {
    String html = text(browser("/feed.rss"));
    // As the feed's item HTML shows them: https, sized when the file gives both dimensions.
    assertThat(html).containsPattern("<img src=\"https://[^\"]+\" width=\"\\d+\" "
        + "height=\"\\d+\" alt=\"\" loading=\"lazy\"");
    assertThat(html.split("<img ", -1).length - 1).isEqualTo(
        text(ok(server, "/feed.rss")).split("<media:content ", -1).length - 1);
    assertThat(html).contains("Related coverage").contains("<ul class=\"related\">");
    assertThat(html.split("<li class=\"item\">", -1).length - 1)
        .isEqualTo(itemCount("rss", ok(server, "/feed.rss").body()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "*/*", "application/rss+xml", "application/atom+xml",
      "application/xml", "text/xml", "application/feed+json", StylesheetTest.FEEDPARSER,
      "application/rss+xml;q=1, text/html;q=0.5", "application/rss+xml, text/html",
      "text/html;q=0", "text/html;q=0.8, */*", "application/xml, text/html;q=0.9",
      "text/html;q=abc, */*;q=0.1"})
  void everyFeedReaderGetsTheFeedExactlyAsBefore(String accept) {
    for (String path : FEEDS) {
      HttpResponse<byte[]> plain = ok(server, path);
      HttpResponse<byte[]> r = accept.equals("-") ? plain
          : get(server, path, Map.of("Accept", accept));
      String ext = path.replaceAll("\\?.*", "").replaceAll(".*\\.", "");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(header(r, "Content-Type")).as(path + " " + accept)
          .isEqualTo(FeedHttp.contentType(ext));
      assertThat(r.body()).as(path + " " + accept).isEqualTo(plain.body());
      assertThat(etag(r)).isEqualTo(etag(plain));
      assertThat(header(r, "Vary")).isEqualTo(VARY);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.rss", "/topics/ai/feed.atom", "/feed.json"})
  void eachVariantHasItsOwnTagsAnd304s(String path) {
    HttpResponse<byte[]> feed = ok(server, path);
    HttpResponse<byte[]> page = browser(path);
    HttpResponse<byte[]> pageGz = browser(path, "Accept-Encoding", "gzip");
    HttpResponse<byte[]> feedGz = get(server, path, Map.of("Accept-Encoding", "gzip"));
    List<String> tags = List.of(etag(feed), etag(feedGz), etag(page), etag(pageGz));
    assertThat(tags).doesNotHaveDuplicates().allMatch(t -> t.matches("\"[^\"]+\""));
    assertThat(etag(browser(path))).as("stable").isEqualTo(etag(page));

    HttpResponse<byte[]> again = browser(path, "If-None-Match", etag(page));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(etag(again)).isEqualTo(etag(page));
    assertThat(header(again, "Vary")).isEqualTo(VARY);
    assertThat(browser(path, "If-None-Match", etag(pageGz), "Accept-Encoding", "gzip")
        .statusCode()).isEqualTo(304);
    // The feed's tag does not validate the page, nor the page's the feed.
    HttpResponse<byte[]> other = browser(path, "If-None-Match", etag(feed));
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(header(other, "Content-Type")).isEqualTo(HTML);
    HttpResponse<byte[]> reader = get(server, path, Map.of("If-None-Match", etag(page)));
    assertThat(reader.statusCode()).isEqualTo(200);
    assertThat(reader.body()).isEqualTo(feed.body());
    assertThat(get(server, path, Map.of("If-None-Match", etag(feed))).statusCode())
        .isEqualTo(304);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.rss", "/topics/ai/feed.json"})
  void headAndGzipOfThePage(String path) throws Exception {
    HttpResponse<byte[]> page = browser(path);
    HttpResponse<byte[]> gz = browser(path, "Accept-Encoding", "gzip");
    assertThat(header(gz, "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(gz, "Content-Type")).isEqualTo(HTML);
    assertThat(header(gz, "Vary")).isEqualTo(VARY);
    assertThat(gunzip(gz.body())).isEqualTo(page.body());
    HttpResponse<byte[]> head = server.request("HEAD", path, Map.of("Accept", CHROMIUM));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(header(head, "Content-Type")).isEqualTo(HTML);
    assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(page.body().length));
    assertThat(etag(head)).isEqualTo(etag(page));
    assertThat(header(head, "Vary")).isEqualTo(VARY);
    HttpResponse<byte[]> readerHead = server.request("HEAD", path, Map.of());
    assertThat(header(readerHead, "Content-Type")).isNotEqualTo(HTML);
  }

  @Test
  void theViewDoesNotDependOnTheStylesheetSetting(@TempDir Path other) throws Exception {
    try (TestServer off = TestServer.start(FeedHttp.copySample(other),
        Map.of("feeds.stylesheet", "false"))) {
      HttpResponse<byte[]> r = get(off, "/feed.atom", Map.of("Accept", CHROMIUM));
      assertThat(header(r, "Content-Type")).isEqualTo(HTML);
      assertThat(header(r, "Vary")).isEqualTo(VARY);
      assertThat(text(r)).contains("<h1 id=\"feed-title\">Tidings</h1>");
    }
  }

  /** The item links of the view, in order. */
  private static List<String> links(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = ITEM_LINK.matcher(html);
    while (m.find()) {
      out.add(m.group(1).replace("&amp;", "&"));
    }
    return out;
  }

  /** The item links of a feed, in order. */
  private static List<String> links(String ext, byte[] body) throws Exception {
    List<String> out = new ArrayList<>();
    if (ext.equals("json")) {
      FeedHttp.json(body).get("items").forEach(i -> out.add(i.get("url").asText()));
      return out;
    }
    SyndFeed feed = new SyndFeedInput().build(new InputStreamReader(
        new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    for (SyndEntry e : feed.getEntries()) {
      out.add(e.getLink());
    }
    return out;
  }
}
