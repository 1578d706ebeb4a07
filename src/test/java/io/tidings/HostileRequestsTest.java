package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that no well-behaved client sends, written byte for byte on a socket (an HTTP
 * client library normalizes or refuses many of them): path traversal in every encoding on
 * every route, invalid encodings, methods and bodies of a write API, oversized heads. A file
 * beside the content directory holds a canary that must never be served; the server must
 * answer each with a clear 4xx and keep serving.
 */
class HostileRequestsTest {
  private static final String CANARY = "CANARY-OUTSIDE-7f3e9a1c";
  private static final AtomicInteger TRIED = new AtomicInteger();

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(dir.resolve("canary.txt"), CANARY + "\n");
    Files.writeString(dir.resolve("feed.xsl"), CANARY + "\n");
    Path content = TestServer.copySample(Files.createDirectories(dir.resolve("content")));
    Files.writeString(content.resolve(".hidden-canary.txt"), CANARY + "\n");
    server = TestServer.start(content);
  }

  @AfterAll
  static void stop() throws Exception {
    System.out.println("hostile requests tried: " + TRIED.get());
    if (server != null) {
      server.close();
    }
  }

  /** A response read whole: the server is asked to close after it. */
  record Answer(int status, String head, String body) {
    boolean has(String header, String value) {
      return head.toLowerCase(Locale.ROOT).contains(
          "\r\n" + header.toLowerCase(Locale.ROOT) + ": " + value.toLowerCase(Locale.ROOT));
    }
  }

  static Answer send(String raw) throws IOException {
    TRIED.incrementAndGet();
    try (RawHttp http = new RawHttp(server.port(), 64 * 1024)) {
      http.write(raw);
      String all = http.readToEnd();
      int end = all.indexOf("\r\n\r\n");
      assertThat(end).as("a response to %s", raw.lines().findFirst().orElse(raw)).isPositive();
      return new Answer(RawHttp.status(all), all.substring(0, end + 2), all.substring(end + 4));
    }
  }

  static Answer get(String target) throws IOException {
    return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  /** Segments that try to climb out of a directory or smuggle a separator, and whether each
   * must be refused (400) rather than merely not found (404). */
  static final Map<String, Boolean> SEGMENTS = Map.ofEntries(
      Map.entry("..", true), Map.entry(".", true), Map.entry("%2e%2e", true),
      Map.entry("%2E%2E", true), Map.entry(".%2e", true), Map.entry("%2e.", true),
      Map.entry("%2e", true), Map.entry("%252e%252e", true), Map.entry("%252E%252E", true),
      Map.entry("%25%32%65%25%32%65", true), Map.entry("%c0%ae%c0%ae", true),
      Map.entry("%e0%80%ae%e0%80%ae", true), Map.entry("%c0%2e%c0%2e", true),
      Map.entry("..%00", true), Map.entry("%00", true), Map.entry("..%2f..", true),
      Map.entry("%2f", true), Map.entry("%2F", true), Map.entry("..%5c..", true),
      Map.entry("%5c", true), Map.entry("%5C", true), Map.entry("..\\..", true),
      Map.entry("\\", true), Map.entry("%252f", true), Map.entry("%255c", true),
      Map.entry("..%c0%af", true), Map.entry("%c1%9c", true), Map.entry("%ff%fe", true),
      Map.entry("%0a", true), Map.entry("%0d%0aX-Injected:%201", true),
      Map.entry("..;", false), Map.entry("....", false), Map.entry("%ef%bc%8e%ef%bc%8e", false),
      Map.entry("~", false), Map.entry("%7e", false));

  @Test
  void pathTraversalInEveryFormNeverReachesAFile() throws Exception {
    List<String> prefixes = List.of("/", "/assets/", "/topics/", "/providers/", "/api/",
        "/topics/ai/", "/feed.rss/", "/opml/");
    int refused = 0;
    for (Map.Entry<String, Boolean> e : SEGMENTS.entrySet()) {
      String p = e.getKey();
      List<String> targets = new ArrayList<>();
      for (String prefix : prefixes) {
        targets.add(prefix + p + "/canary.txt");
        targets.add(prefix + p + "/" + p + "/canary.txt");
        targets.add(prefix + p + "/" + p + "/" + p + "/" + p + "/etc/passwd");
        targets.add(prefix + p + "/content/.hidden-canary.txt");
      }
      targets.add("/assets/" + p + "/feed.xsl");
      targets.add("/assets/" + p + "/" + p + "/feed.xsl");
      targets.add("/topics/" + p + "/feed.rss");
      targets.add("/providers/" + p + "/feed.atom");
      targets.add("/topics/" + p);
      targets.add("/providers/" + p);
      for (String target : targets) {
        Answer a = get(target);
        assertThat(a.body()).as(target).doesNotContain(CANARY).doesNotContain("root:x:0:0");
        assertThat(a.has("X-Content-Type-Options", "nosniff")).as(target).isTrue();
        if (e.getValue()) {
          assertThat(a.status()).as(target).isEqualTo(400);
          if (target.startsWith("/api/")) {
            // The API's errors are JSON: {"error":{"status":400,"message":"path segment ..."}}
            assertThat(a.has("Content-Type", "application/json; charset=utf-8")).isTrue();
            assertThat(a.body()).as(target).startsWith("{\"error\":{\"status\":400,"
                + "\"message\":\"path segment \\\"");
          } else {
            assertThat(a.body()).as(target).startsWith("path segment \"");
          }
          refused++;
        } else {
          // 301: a feed asked for by another spelling of its key goes to its canonical URL
          assertThat(a.status()).as(target).isIn(200, 301, 400, 404);
        }
      }
    }
    assertThat(refused).isGreaterThan(1000);
    assertThat(get("/health").status()).isEqualTo(200);
  }

  @Test
  void badEncodingInAPathOrAQueryIsA400ThatSaysWhy() throws Exception {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("/topics/%ff/feed.rss", "not valid UTF-8"),
        Map.entry("/topics/%e4%bd/feed.rss", "not valid UTF-8"),
        Map.entry("/topics/%c0%ae/feed.rss", "not valid UTF-8"),
        Map.entry("/topics/%ed%a0%80/feed.rss", "not valid UTF-8"),
        Map.entry("/topics/%zz/feed.rss", "two hex digits"),
        Map.entry("/topics/ai%/feed.rss", "two hex digits"),
        Map.entry("/topics/ai%4/feed.rss", "two hex digits"),
        Map.entry("/feed.rss%", "two hex digits"),
        Map.entry("/feed.rss?q=%ff", "not valid UTF-8"),
        Map.entry("/feed.rss?q=%c0%80", "not valid UTF-8"),
        Map.entry("/feed.rss?q=%zz", "two hex digits"),
        Map.entry("/feed.rss?q=abc%", "two hex digits"),
        Map.entry("/feed.rss?q=%e4", "not valid UTF-8"),
        Map.entry("/feed.rss?%ff=1", "not valid UTF-8"),
        Map.entry("/feed.rss?topic=%00", "control characters"),
        Map.entry("/feed.rss?topic=a%0d%0aSet-Cookie:x", "control characters"),
        Map.entry("/api/articles?offset=%zz", "two hex digits"),
        Map.entry("/api/articles?q=%fe", "not valid UTF-8"),
        Map.entry("/opml?by=%ff", "not valid UTF-8"),
        Map.entry("/?x=%", "two hex digits"),
        Map.entry("/topics/ai?q=%c3", "not valid UTF-8"),
        Map.entry("/status?%", "two hex digits"),
        Map.entry("/health?a=%80", "not valid UTF-8"));
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Answer a = get(c.getKey());
      assertThat(a.status()).as(c.getKey()).isEqualTo(400);
      assertThat(a.body()).as(c.getKey()).contains(c.getValue()).endsWith("\n")
          .doesNotContain("\r");
      assertThat(a.has("Content-Type", c.getKey().startsWith("/api/")
          ? "application/json; charset=utf-8" : "text/plain; charset=utf-8")).isTrue();
    }
    // Well-formed encodings still work: a CJK topic, an encoded space, '+' in a query.
    assertThat(get("/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/feed.rss").status())
        .isEqualTo(200);
    Answer spaced = get("/feed.rss?q=open+ai&topic=AI%2CSpace");
    assertThat(spaced.status()).isEqualTo(301); // to its canonical spelling
    assertThat(spaced.has("Location", "feed.rss?q=ai%20open&topic=ai,space")).isTrue();
    assertThat(get("/feed.rss?q=ai%20open&topic=ai,space").status()).isEqualTo(200);
  }

  @Test
  void onlyReadingMethodsAreAllowedAndNoBodyIsRead() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND",
        "MKCOL")) {
      for (String path : List.of("/", "/feed.rss", "/api/articles", "/assets/feed.xsl")) {
        Answer a = send(method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            + "Content-Length: 3\r\n\r\nx=1");
        assertThat(a.status()).as(method + " " + path).isEqualTo(405);
        assertThat(a.has("Allow", "GET, HEAD, OPTIONS")).as(method).isTrue();
        assertThat(a.body()).contains("method " + method + " is not allowed");
      }
    }
    Answer options = send("OPTIONS /feed.rss HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(options.status()).isEqualTo(204);
    assertThat(options.has("Allow", "GET, HEAD, OPTIONS")).isTrue();

    Answer sized = send("GET /feed.rss HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    assertThat(sized.status()).isEqualTo(413);
    assertThat(sized.body()).contains("no write API");
    Answer chunked = send("GET /feed.rss HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "\r\n5\r\nhello\r\n0\r\n\r\n");
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(send("GET /feed.rss HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
        + "Connection: close\r\n\r\n").status()).isEqualTo(200);

    // A body of 10 GB is announced and never sent: the answer comes at once, and the
    // connection is closed (read to its end) rather than kept waiting for the body.
    try (RawHttp http = new RawHttp(server.port(), 64 * 1024)) {
      http.write("GET /feed.rss HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n");
      String all = http.readToEnd();
      assertThat(RawHttp.status(all)).isEqualTo(413);
      assertThat(all).contains("Connection: close");
    }
  }

  @Test
  void oversizedHeadsAreRefusedWithTheirOwnStatus() throws Exception {
    String longQuery = "/feed.rss?q=" + "a".repeat(4096);
    Answer uri = get(longQuery);
    assertThat(uri.status()).isEqualTo(414);
    assertThat(uri.body()).contains("http.maxUriLength");
    String nearLimit = "/feed.rss?q=" + "a".repeat(4096 - 12);
    assertThat(nearLimit).hasSize(4096);
    assertThat(get(nearLimit).status()).isEqualTo(200);
    Answer line = get("/feed.rss?q=" + "a".repeat(10_000));
    assertThat(line.status()).isEqualTo(414);

    Answer header = send("GET /feed.rss HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000)
        + "\r\n\r\n");
    assertThat(header.status()).isEqualTo(431);
    assertThat(header.body()).contains("http.maxHeaderSize");
    Answer many = send("GET /feed.rss HTTP/1.1\r\nHost: x\r\n"
        + "X-Many: 1\r\n".repeat(1000) + "\r\n");
    assertThat(many.status()).isEqualTo(431);

    StringBuilder q = new StringBuilder("/feed.rss?limit=5");
    for (int i = 1; i < 64; i++) { // 21 each: under the 50 values a filter may have
      q.append('&').append(List.of("topic", "provider", "category").get(i % 3)).append("=t")
          .append(i);
    }
    // accepted: a 301 to the canonical spelling of the same filter, not a 400
    assertThat(get(q.toString()).status()).as("64 parameters").isEqualTo(301);
    Answer tooMany = get(q + "&topic=t64");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("more than 64 parameters (http.maxQueryParams)");

    Answer garbage = send("NOT HTTP AT ALL\r\n\r\n");
    assertThat(garbage.status()).isEqualTo(400);
    Answer badHeader = send("GET /feed.rss HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n");
    assertThat(badHeader.status()).isEqualTo(400);
    assertThat(get("/health").status()).isEqualTo(200);
  }

  @Test
  void noDirectoryIsEverListed() throws Exception {
    for (String path : List.of("/assets/", "/assets", "/topics/", "/providers/", "/api/",
        "/api", "/content/", "/conf/", "/conf/content/", "/templates/", "/META-INF/",
        "/io/tidings/", "/assets/.", "/.git/", "/canary.txt",
        "/content/.hidden-canary.txt", "/logback.xml", "/templates/home.html",
        "/assets/../templates/home.html", "/feed.xsl")) {
      Answer a = get(path);
      assertThat(a.status()).as(path).isIn(400, 404);
      assertThat(a.body()).as(path).doesNotContain("000_").doesNotContain("Index of")
          .doesNotContain("th:text").doesNotContain(CANARY).doesNotContain("<xsl:")
          .doesNotContain("<configuration");
    }
  }

  @Test
  void theCanaryIsReadableSoItsAbsenceMeansSomething() throws IOException {
    assertThat(Files.readString(dir.resolve("canary.txt"), StandardCharsets.UTF_8))
        .contains(CANARY);
    assertThat(get("/assets/feed.xsl").body()).contains("<xsl:stylesheet");
  }
}
