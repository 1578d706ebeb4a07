package io.tidings.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer; on the pages, on a feed's HTML view
 * (a browser's answer at a feed URL) and on the RSS and Atom feeds (which a client that runs
 * XSLT shows as pages) a Content-Security-Policy that allows nothing but our own inline blocks,
 * each by its hash, and {@code Referrer-Policy}.
 */
@TidingsServer
class SecurityHeadersTest {
  static TestServer server;

  static final List<String> PAGES = List.of("/", "/topics/ai", "/providers/reuters.com",
      "/topics/not-yet-a-topic");
  static final List<String> XML_FEEDS = List.of("/feed.rss", "/feed.atom",
      "/topics/ai/feed.rss", "/providers/reuters.com/feed.atom");

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void everyAnswerSaysNosniff() throws Exception {
    List<String> paths = new java.util.ArrayList<>(List.of("/feed.json", "/opml", "/api/topics",
        "/api/articles?limit=2", "/status", "/health", "/metrics", "/assets/feed.xsl",
        "/nowhere", "/feed.xml", "/feed.rss?limit=abc", "/topics/%ff/feed.rss",
        "/topics/%2e%2e/feed.rss"));
    paths.addAll(PAGES);
    paths.addAll(XML_FEEDS);
    for (String path : paths) {
      for (Map<String, String> h : List.of(Map.<String, String>of(),
          Map.of("Accept-Encoding", "gzip", "Accept", "text/html"))) {
        HttpResponse<byte[]> r = server.get(path, h);
        assertThat(header(r, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      }
    }
    HttpResponse<byte[]> post = server.request("POST", "/feed.rss", Map.of());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(header(post, "X-Content-Type-Options")).isEqualTo("nosniff");
    HttpResponse<byte[]> notModified = server.get("/", Map.of("If-None-Match",
        header(server.get("/"), "ETag")));
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(header(notModified, "X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void pagesAllowOnlyTheirOwnInlineBlocksByHash() throws Exception {
    for (String path : PAGES) {
      HttpResponse<byte[]> r = server.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      String csp = header(r, "Content-Security-Policy");
      assertThat(csp).as(path).startsWith("default-src 'none';")
          .contains("frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'")
          .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
      assertThat(header(r, "Referrer-Policy")).isEqualTo("no-referrer");
      String html = new String(r.body(), StandardCharsets.UTF_8);
      assertInlineBlocksAreAllowed(html, csp, path);
    }
  }

  @Test
  void feedViewsAllowOnlyTheirOwnInlineBlocksByHashAndHttpsPictures() throws Exception {
    Pattern attribute = Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
    List<String> feeds = new java.util.ArrayList<>(XML_FEEDS);
    feeds.add("/feed.json");
    for (String path : feeds) {
      HttpResponse<byte[]> r = server.get(path, Map.of("Accept", "text/html"));
      assertThat(header(r, "Content-Type")).as(path).isEqualTo("text/html; charset=utf-8");
      String csp = header(r, "Content-Security-Policy");
      assertThat(csp).as(path).startsWith("default-src 'none';")
          .contains("frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
              "img-src 'self' https:;")
          .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
      assertThat(header(r, "Referrer-Policy")).isEqualTo("no-referrer");
      String html = new String(r.body(), StandardCharsets.UTF_8);
      assertInlineBlocksAreAllowed(html, csp, path);
      assertThat(SecurityPolicy.blocks(html, "style")).as(path).hasSize(2);
      assertThat(attribute.matcher(html).find()).as(path).isFalse();
    }
  }

  @Test
  void xmlFeedsCarryAPolicyThatStillLetsTheirStylesheetWork() throws Exception {
    String xsl = server.text("/assets/feed.xsl");
    for (String path : XML_FEEDS) {
      for (Map<String, String> h : List.of(Map.<String, String>of(),
          Map.of("Accept", "application/rss+xml, text/html;q=0.5"))) {
        HttpResponse<byte[]> r = server.get(path, h);
        String csp = header(r, "Content-Security-Policy");
        assertThat(csp).as(path).startsWith("default-src 'none';")
            .contains("script-src 'self'") // browsers load XSLT under script-src
            .doesNotContain("unsafe-inline");
        assertThat(header(r, "Referrer-Policy")).isEqualTo("no-referrer");
        assertInlineBlocksAreAllowed(xsl, csp, path);
      }
    }
    assertThat(header(server.get("/feed.json"), "Content-Security-Policy")).isNull();
  }

  @Test
  void noInlineHandlerOrStyleAttributeAnywhereAHashCannotAllow() throws Exception {
    Pattern attribute = Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
    assertThat(attribute.matcher(server.text("/assets/feed.xsl")).find()).isFalse();
    for (String path : PAGES) {
      assertThat(attribute.matcher(server.text(path)).find()).as(path).isFalse();
    }
    assertThat(server.text("/")).doesNotContain("javascript:");
  }

  /** Every {@code <style>} and {@code <script>} block must be named in the policy by hash. */
  private static void assertInlineBlocksAreAllowed(String html, String csp, String where) {
    for (String element : List.of("style", "script")) {
      String directive = directive(csp, element + "-src");
      for (String block : SecurityPolicy.blocks(html, element)) {
        assertThat(directive).as("%s: <%s> of %d chars", where, element, block.length())
            .contains("'sha256-" + SecurityPolicy.sha256(block) + "'");
      }
    }
    assertThat(html).doesNotContainPattern("<(style|script)\\s[^>]*>");
  }

  private static String directive(String csp, String name) {
    for (String d : csp.split(";")) {
      if (d.strip().startsWith(name + " ")) {
        return d.strip();
      }
    }
    return "";
  }
}
