package io.tidings.web;

import static io.tidings.web.FeedHttp.EXTENSIONS;
import static io.tidings.web.FeedHttp.contentType;
import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.TestServer;
import io.tidings.testing.RawHttp;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What every site has: robots.txt, favicon, sitemap.xml, the feed paths tried first. */
@TidingsServer
class SiteFilesTest {
  private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private static final Map<String, String> HOST = Map.of("Host", "localhost");

  static TestServer server;

  @Test
  void robotsAllowsFeedsAndPagesAndKeepsCrawlersOffTheOperatorsEndpoints() throws Exception {
    HttpResponse<byte[]> r = ok(server, "/robots.txt");
    assertThat(header(r, "Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(text(r)).isEqualTo("User-agent: *\nAllow: /\nDisallow: /status\n"
        + "Disallow: /metrics\nDisallow: /events\n\nSitemap: " + server.url("/sitemap.xml")
        + "\n");
    assertRevalidates("/robots.txt");
  }

  @Test
  void theFaviconIsASmallIconFromTheJarCachedForLong() throws Exception {
    HttpResponse<byte[]> r = ok(server, "/favicon.ico");
    assertThat(header(r, "Content-Type")).isEqualTo("image/x-icon");
    assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=604800");
    byte[] expected = Files.readAllBytes(Path.of("src/main/resources/assets/favicon.ico"));
    assertThat(r.body()).isEqualTo(expected);
    assertThat(r.body().length).isLessThan(4096);
    // ICONDIR: reserved 0, type 1 (icon), one image.
    assertThat(java.util.Arrays.copyOf(r.body(), 6)).containsExactly(0, 0, 1, 0, 1, 0);
    assertRevalidates("/favicon.ico");
    HttpResponse<byte[]> head = server.request("HEAD", "/favicon.ico", Map.of());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue(
        Integer.toString(expected.length));
  }

  @Test
  void pagesAllowTheFaviconAsASameOriginImage() {
    assertThat(header(ok(server, "/"), "Content-Security-Policy")).contains("img-src 'self'");
  }

  @Test
  void theSitemapListsHomeEveryTopicAndProviderPageWithItsNewestDate() throws Exception {
    HttpResponse<byte[]> r = ok(server, "/sitemap.xml");
    assertThat(header(r, "Content-Type")).isEqualTo("application/xml; charset=utf-8");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("urlset");
    assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
    Map<String, String> listed = new LinkedHashMap<>();
    NodeList urls = d.getElementsByTagNameNS(SITEMAP_NS, "url");
    for (int i = 0; i < urls.getLength(); i++) {
      Element u = (Element) urls.item(i);
      NodeList lastmod = u.getElementsByTagNameNS(SITEMAP_NS, "lastmod");
      listed.put(u.getElementsByTagNameNS(SITEMAP_NS, "loc").item(0).getTextContent(),
          lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(server.url("/"), "2023-11-22T05:55:00Z");
    for (String facets : List.of("topics", "providers")) {
      List<String[]> pages = new ArrayList<>();
      for (JsonNode t : json(ok(server, "/api/" + facets).body()).path(facets)) {
        pages.add(new String[] {t.path("key").asText(), t.path("url").asText(),
            t.path("newest").asText()});
      }
      assertThat(pages).isNotEmpty();
      pages.sort((a, b) -> a[0].compareTo(b[0]));
      for (String[] p : pages) {
        expected.put(p[1], p[2]);
      }
    }
    assertThat(listed).containsExactlyEntriesOf(expected);
    for (String loc : listed.keySet()) {
      assertThat(loc).startsWith("http://");
      assertThat(ok(server, loc.substring(server.url("").length())).statusCode())
          .isEqualTo(200);
    }
    assertThat(ok(server, "/sitemap.xml").body()).isEqualTo(r.body());
    assertRevalidates("/sitemap.xml");
  }

  @ParameterizedTest
  @CsvSource({"/feed, feed.rss", "/rss, feed.rss", "/rss.xml, feed.rss",
      "/index.xml, feed.rss", "/atom.xml, feed.atom"})
  void theFeedPathsTriedFirstRedirectPermanentlyToTheCanonicalFeed(String path, String target)
      throws Exception {
    for (String method : List.of("GET", "HEAD")) {
      RawHttp.Answer r = RawHttp.send(server.port(), method, path, HOST);
      assertThat(r.status()).as(method + " " + path).isEqualTo(301);
      assertThat(r.header("Location")).isEqualTo(target);
      assertThat(r.body()).isEmpty();
      String resolved = server.url(path).replaceAll("[^/]*$", "") + target;
      assertThat(resolved).isEqualTo(server.url("/" + target));
    }
    RawHttp.Answer q = RawHttp.send(server.port(), "GET", path + "?topic=ai", HOST);
    assertThat(q.header("Location")).isEqualTo(target + "?topic=ai");
    // Followed, the redirect lands on the canonical feed.
    assertThat(header(ok(server, path), "Content-Type"))
        .isEqualTo(contentType(target.substring(target.indexOf('.') + 1)));
  }

  @Test
  void aMisspelledTopicSuggestsTheNearestOneAndItsFeedsStayValidAndEmpty() throws Exception {
    String html = text(ok(server, "/topics/climat"));
    assertThat(html).contains("Did you mean <a href=\"" + server.url("/topics/climate")
        + "\">");
    assertThat(text(ok(server, "/topics/ia"))).contains("Did you mean <a href=\""
        + server.url("/topics/ai") + "\">AI</a>?");
    assertThat(text(ok(server, "/topics/securtiy"))).contains("Did you mean <a href=\""
        + server.url("/topics/security") + "\">");
    assertThat(text(ok(server, "/providers/reuter.com"))).contains("Did you mean <a href=\""
        + server.url("/providers/reuters.com") + "\">");
    for (String ext : EXTENSIONS) {
      HttpResponse<byte[]> feed = ok(server, "/topics/climat/feed." + ext);
      assertThat(header(feed, "Content-Type")).isEqualTo(contentType(ext));
      assertThat(itemCount(ext, feed.body())).isZero();
    }
    // Nothing near: no suggestion; an existing topic: none either.
    assertThat(text(ok(server, "/topics/no-such-topic"))).doesNotContain("Did you mean");
    assertThat(text(ok(server, "/topics/climate"))).doesNotContain("Did you mean");
    assertThat(text(ok(server, "/topics/xy"))).doesNotContain("Did you mean");
  }

  private static void assertRevalidates(String path) {
    HttpResponse<byte[]> first = ok(server, path);
    HttpResponse<byte[]> again = get(server, path, Map.of("If-None-Match", etag(first)));
    assertThat(again.statusCode()).isEqualTo(304);
  }
}
