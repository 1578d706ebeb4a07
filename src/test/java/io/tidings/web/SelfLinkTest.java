package io.tidings.web;

import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static io.tidings.web.FeedHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The absolute self link: configured base URL, else the request's (proxy) host, safely. */
class SelfLinkTest {
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  @TempDir
  static Path dir;
  /** No http.baseUrl: links come from the request. */
  static TestServer open;
  /** http.baseUrl set: links come from config whatever the request says. */
  static TestServer fixed;
  /** Behind a proxy on loopback (http.trustedProxies): its X-Forwarded-* headers count. */
  static TestServer proxied;
  /** Proxies trusted, but not this one (the tests connect from 127.0.0.1). */
  static TestServer elsewhere;

  @BeforeAll
  static void start() throws Exception {
    FeedHttp.copySample(dir);
    open = TestServer.start(dir);
    fixed = TestServer.start(dir, Map.of("http.baseUrl", "https://feeds.example.com"));
    proxied = TestServer.start(dir, Map.of("http.trustedProxies", "10.0.0.0/8, 127.0.0.1"));
    elsewhere = TestServer.start(dir, Map.of("http.trustedProxies", "10.0.0.0/8, ::2, 127.0.0.2"));
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestServer s : new TestServer[] {open, fixed, proxied, elsewhere}) {
      if (s != null) {
        s.close();
      }
    }
  }

  /** The self link of a feed, whatever its format. */
  static String self(TestServer server, String path, Map<String, String> headers) {
    HttpResponse<byte[]> r = get(server, path, headers);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    if (path.contains(".json")) {
      return json(r.body()).path("feed_url").asText();
    }
    NodeList links = xml(r.body()).getElementsByTagNameNS(ATOM_NS, "link");
    String found = null;
    for (int i = 0; i < links.getLength(); i++) {
      Element l = (Element) links.item(i);
      if ("self".equals(l.getAttribute("rel"))) {
        assertThat(found).as("one self link").isNull();
        found = l.getAttribute("href");
      }
    }
    assertThat(found).as("a self link in " + path).isNotNull();
    return found;
  }

  @Test
  void theConfiguredBaseUrlWinsOverEveryHeader() {
    Map<String, String> proxy = Map.of("X-Forwarded-Proto", "http",
        "X-Forwarded-Host", "proxy.example.org");
    for (String ext : FeedHttp.EXTENSIONS) {
      assertThat(self(fixed, "/feed." + ext, Map.of()))
          .isEqualTo("https://feeds.example.com/feed." + ext);
      assertThat(self(fixed, "/topics/AI/feed." + ext, proxy))
          .isEqualTo("https://feeds.example.com/topics/ai/feed." + ext);
      assertThat(text(ok(fixed, "/feed." + ext))).doesNotContain("127.0.0.1");
    }
  }

  @Test
  void theSelfLinkIsTheCanonicalUrlOfTheFeed() {
    assertThat(self(fixed, "/feed.rss?topic=AI&provider=www.Reuters.com&limit=50", Map.of()))
        .isEqualTo("https://feeds.example.com/feed.rss?provider=reuters.com&topic=ai");
    assertThat(self(fixed, "/topics/" + FeedHttp.RENGONG_ZHINENG + "/feed.atom?limit=5",
        Map.of())).isEqualTo("https://feeds.example.com/topics/" + FeedHttp.RENGONG_ZHINENG
            + "/feed.atom?limit=5");
    assertThat(self(fixed, "/providers/WWW.Reuters.com/feed.json?q=Chip", Map.of()))
        .isEqualTo("https://feeds.example.com/providers/reuters.com/feed.json?q=chip");
    assertThat(self(fixed, "/topics/Machine%20Learning/feed.rss", Map.of()))
        .isEqualTo("https://feeds.example.com/topics/machine-learning/feed.rss");
    assertThat(self(fixed, "/topics/AI/feed.json?topic=ai", Map.of()))
        .isEqualTo("https://feeds.example.com/topics/ai/feed.json");
    // A query that contradicts the path (an empty feed) still links below the path's topic.
    assertThat(self(fixed, "/topics/AI/feed.rss?topic=space", Map.of()))
        .startsWith("https://feeds.example.com/topics/ai/feed.rss");
    assertThat(self(fixed, "/providers/Reuters.com/feed.atom?provider=nature.com", Map.of()))
        .startsWith("https://feeds.example.com/providers/reuters.com/feed.atom");
  }

  @Test
  void withoutABaseUrlTheRequestHostIsUsed() {
    String host = "127.0.0.1:" + open.port();
    for (String ext : FeedHttp.EXTENSIONS) {
      assertThat(self(open, "/feed." + ext, Map.of())).isEqualTo("http://" + host + "/feed." + ext);
    }
  }

  @Test
  void overHttp11TheHostHeaderIsUsed() {
    HttpResponse<byte[]> r = FeedHttp.http11(open, "GET", "/feed.json", Map.of());
    assertThat(json(r.body()).path("feed_url").asText())
        .isEqualTo("http://127.0.0.1:" + open.port() + "/feed.json");
  }

  @Test
  void aTrustedProxyNamesTheSchemeAndHost() {
    assertThat(self(proxied, "/feed.rss", Map.of("X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "Feeds.Example.ORG"))).isEqualTo("https://feeds.example.org/feed.rss");
    assertThat(self(proxied, "/topics/ai/feed.atom", Map.of("X-Forwarded-Host",
        "news.example.net:8443, inner.local"))).isEqualTo(
            "http://news.example.net:8443/topics/ai/feed.atom");
    assertThat(self(proxied, "/feed.json", Map.of("X-Forwarded-Proto", "https")))
        .isEqualTo("https://127.0.0.1:" + proxied.port() + "/feed.json");
  }

  /**
   * Any client can send X-Forwarded-* (or Forwarded): from a peer that is not a trusted
   * proxy, they change nothing, not the self link, not a byte, not the ETag.
   */
  @Test
  void forwardedHeadersFromAnyoneElseChangeNothing() {
    for (TestServer server : new TestServer[] {open, elsewhere}) {
      String host = "http://127.0.0.1:" + server.port();
      for (String path : new String[] {"/feed.rss", "/feed.atom", "/feed.json", "/",
          "/opml", "/api/articles", "/api/topics"}) {
        HttpResponse<byte[]> plain = get(server, path, Map.of());
        for (Map<String, String> forged : java.util.List.of(
            Map.of("X-Forwarded-Host", "evil.example"),
            Map.of("X-Forwarded-Host", "evil.example:99999", "X-Forwarded-Proto", "https"),
            Map.of("X-Forwarded-Proto", "https"),
            Map.of("Forwarded", "host=evil.example;proto=https"),
            Map.of("X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/evil"))) {
          HttpResponse<byte[]> r = get(server, path, forged);
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(text(r)).as(path + " " + forged).doesNotContain("evil", "https://127.")
              .isEqualTo(text(plain));
          assertThat(FeedHttp.etag(r)).isEqualTo(FeedHttp.etag(plain));
        }
      }
      assertThat(self(server, "/feed.rss", Map.of("X-Forwarded-Host", "evil.example",
          "X-Forwarded-Proto", "https"))).isEqualTo(host + "/feed.rss");
    }
  }

  @Test
  void eachHostGetsItsOwnBytesNotAnotherHostsCachedFeed() {
    String a = self(proxied, "/feed.rss", Map.of("X-Forwarded-Host", "a.example"));
    String b = self(proxied, "/feed.rss", Map.of("X-Forwarded-Host", "b.example"));
    assertThat(a).isEqualTo("http://a.example/feed.rss");
    assertThat(b).isEqualTo("http://b.example/feed.rss");
    assertThat(FeedHttp.etag(get(proxied, "/feed.rss", Map.of("X-Forwarded-Host", "a.example"))))
        .isNotEqualTo(FeedHttp.etag(get(proxied, "/feed.rss",
            Map.of("X-Forwarded-Host", "b.example"))));
  }

  @Test
  void aHostileForwardedHostOrProtoFromATrustedProxyFallsBackToHost() {
    TestServer open = proxied;
    String host = "http://127.0.0.1:" + open.port();
    for (String hostile : new String[] {"evil\"><x", "evil.example/path", "a b", "evil.example@x",
        "<script>", "evil.example\\x", "evil.example:99999", "evil.example:0",
        "evil.example:80:80", ":8080", "[::1", "evil.example:-1"}) {
      for (String ext : FeedHttp.EXTENSIONS) {
        HttpResponse<byte[]> r = get(open, "/feed." + ext, Map.of("X-Forwarded-Host", hostile));
        assertThat(r.statusCode()).isEqualTo(200);
        if (ext.equals("json")) {
          json(r.body());
        } else {
          xml(r.body());
        }
        assertThat(text(r)).doesNotContain("evil", "<x", "<script>");
        assertThat(self(open, "/feed." + ext, Map.of("X-Forwarded-Host", hostile)))
            .isEqualTo(host + "/feed." + ext);
      }
    }
    assertThat(self(open, "/feed.rss", Map.of("X-Forwarded-Proto", "javascript")))
        .isEqualTo(host + "/feed.rss");
  }
}
