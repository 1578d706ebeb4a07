package io.tidings.web;

import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RSS and Atom name the server's XSLT (feeds.stylesheet, on by default), for a client that is
 * given the XML and runs XSLT; a browser that asks for HTML gets the server's HTML view instead
 * (FeedViewHttpTest), and feed readers see no change.
 */
@TidingsServer
class StylesheetTest {
  /** What Chromium sends when it opens a URL. */
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,"
      + "image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
  /** What python3-feedparser sends. */
  static final String FEEDPARSER = "application/atom+xml,application/rdf+xml,"
      + "application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1";

  static TestServer server;

  @ParameterizedTest
  @ValueSource(strings = {"/feed.rss", "/feed.atom", "/topics/ai/feed.rss",
      "/providers/reuters.com/feed.atom?q=ai", "/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/feed.atom"})
  void rssAndAtomNameTheStylesheetByAPathThatResolvesOnThisServer(String path) {
    String body = text(ok(server, path));
    String depth = path.startsWith("/feed.") ? "" : "../../";
    assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<?xml-stylesheet type=\"text/xsl\" href=\"" + depth + "assets/feed.xsl\"?>");
    String href = depth + "assets/feed.xsl";
    URI xsl = URI.create(server.url(path)).resolve(href);
    assertThat(xsl.getPath()).isEqualTo("/assets/feed.xsl");
    HttpResponse<byte[]> r = ok(server, xsl.getPath());
    assertThat(header(r, "Content-Type")).isEqualTo("text/xsl; charset=utf-8");
    assertThat(text(r)).contains("<xsl:stylesheet");
    assertThat(get(server, xsl.getPath(), Map.of("If-None-Match", etag(r))).statusCode())
        .isEqualTo(304);
  }

  @Test
  void jsonFeedsHaveNoStylesheet() {
    HttpResponse<byte[]> r = get(server, "/feed.json", Map.of("Accept", "*/*"));
    assertThat(header(r, "Content-Type")).isEqualTo("application/feed+json; charset=utf-8");
    assertThat(header(r, "Vary")).isEqualTo("Accept-Encoding, Accept");
    assertThat(text(r)).doesNotContain("xml-stylesheet");
  }

  @ParameterizedTest
  @ValueSource(strings = {FEEDPARSER, "*/*", "application/rss+xml, application/atom+xml",
      "text/html;q=0.5, application/rss+xml, application/atom+xml", "application/xml",
      "text/html;q=0"})
  void feedReadersKeepTheFeedTypes(String accept) {
    assertThat(header(get(server, "/feed.rss", Map.of("Accept", accept)), "Content-Type"))
        .isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(header(get(server, "/feed.atom", Map.of("Accept", accept)), "Content-Type"))
        .isEqualTo("application/atom+xml; charset=utf-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.rss", "/topics/ai/feed.atom"})
  void theStylesheetTurnsAFeedIntoAPageWithItsItemsAndHowToSubscribe(String path)
      throws Exception {
    byte[] feed = ok(server, path).body();
    var t = TransformerFactory.newInstance().newTransformer(new StreamSource(
        new ByteArrayInputStream(ok(server, "/assets/feed.xsl").body())));
    StringWriter out = new StringWriter();
    t.transform(new StreamSource(new ByteArrayInputStream(feed)), new StreamResult(out));
    String html = out.toString();
    String ext = path.substring(path.lastIndexOf('.') + 1);
    assertThat(html).contains("To subscribe, copy its address into your feed reader")
        .contains("value=\"" + server.url(path) + "\"");
    int items = html.split("<li class=\"item\"", -1).length - 1;
    assertThat(items).isEqualTo(itemCount(ext, feed)).isPositive();
    assertThat(html).contains(path.contains("/ai/") ? "Tidings: AI" : "Tidings");
  }

  @Test
  void offByConfigTheFeedsHaveNoStylesheet(@TempDir Path other) throws Exception {
    try (TestServer off = TestServer.start(FeedHttp.copySample(other),
        Map.of("feeds.stylesheet", "false"))) {
      for (String ext : List.of("rss", "atom")) {
        HttpResponse<byte[]> r = get(off, "/feed." + ext, Map.of("Accept", FEEDPARSER));
        assertThat(text(r)).doesNotContain("xml-stylesheet");
        assertThat(header(r, "Content-Type")).isEqualTo(FeedHttp.contentType(ext));
        assertThat(header(r, "Vary")).isEqualTo("Accept-Encoding, Accept");
      }
    }
  }
}
