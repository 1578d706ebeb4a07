package io.tidings.web;

import static io.tidings.web.FeedHttp.EXTENSIONS;
import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.gunzip;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conditional GET, compression, HEAD and the fixed headers of feed responses. */
@TidingsServer
class ConditionalGetTest {
  private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip");
  private static final Map<String, String> IDENTITY = Map.of();
  private static final String ANCIENT = "Thu, 01 Jan 1970 00:00:00 GMT";
  private static final String FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT";

  static TestServer server;

  private static Map<String, String> with(Map<String, String> base, String name, String value) {
    java.util.Map<String, String> m = new java.util.HashMap<>(base);
    m.put(name, value);
    return m;
  }

  private static String shifted(String httpDate, Duration by) {
    DateTimeFormatter f = DateTimeFormatter.RFC_1123_DATE_TIME;
    return f.format(ZonedDateTime.parse(httpDate, f).plus(by));
  }

  /**
   * Every feed varies by Accept too: a browser gets its HTML view (FeedViewHttpTest).
   */
  static String vary(String path) {
    return "Accept-Encoding, Accept";
  }

  private static void assertNotModified(String path, HttpResponse<byte[]> r,
      String expectedEtag) {
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
    assertThat(etag(r)).isEqualTo(expectedEtag);
    assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=60");
    assertThat(header(r, "Vary")).isEqualTo(vary(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.rss", "/feed.atom", "/feed.json", "/topics/ai/feed.atom",
      "/providers/reuters.com/feed.rss?q=ai"})
  void theIfNoneMatchMatrix(String path) {
    HttpResponse<byte[]> first = ok(server, path);
    String tag = etag(first);
    assertThat(tag).as("a strong tag, quoted").matches("\"[^\"]+\"");
    assertThat(etag(ok(server, path))).as("stable").isEqualTo(tag);
    String opaque = tag.substring(1, tag.length() - 1);
    for (String matching : List.of(tag, "\"nope\", " + tag + ", \"other\"", "\"a\"," + tag, "*",
        "W/" + tag, "W/\"x\", W/" + tag)) {
      assertNotModified(path, get(server, path, Map.of("If-None-Match", matching)), tag);
    }
    for (String other : List.of("\"nope\"", "W/\"nope\", \"" + opaque + "x\"", opaque,
        "\"" + opaque)) {
      HttpResponse<byte[]> r = get(server, path, Map.of("If-None-Match", other));
      assertThat(r.statusCode()).as(other).isEqualTo(200);
      assertThat(r.body()).isEqualTo(first.body());
    }
  }

  @Test
  void theIfModifiedSinceMatrixAndEtagBeatsDate() {
    String path = "/topics/ai/feed.rss";
    HttpResponse<byte[]> first = ok(server, path);
    String lastModified = header(first, "Last-Modified");
    String tag = etag(first);
    assertThat(lastModified).isNotNull().endsWith(" GMT");
    assertNotModified(path, get(server, path, Map.of("If-Modified-Since", lastModified)), tag);
    assertNotModified(path, get(server, path, Map.of("If-Modified-Since",
        shifted(lastModified, Duration.ofDays(1)))), tag);
    assertThat(get(server, path, Map.of("If-Modified-Since",
        shifted(lastModified, Duration.ofSeconds(-1)))).statusCode()).isEqualTo(200);
    assertThat(get(server, path, Map.of("If-Modified-Since", "yesterday")).statusCode())
        .as("an invalid date is ignored").isEqualTo(200);
    // Both headers: If-None-Match decides (RFC 9110, 13.2.2).
    HttpResponse<byte[]> mismatch = get(server, path,
        Map.of("If-None-Match", "\"nope\"", "If-Modified-Since", FUTURE));
    assertThat(mismatch.statusCode()).isEqualTo(200);
    assertThat(mismatch.body()).isEqualTo(first.body());
    assertNotModified(path, get(server, path, Map.of("If-None-Match", tag,
        "If-Modified-Since", ANCIENT)), tag);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.rss", "/feed.atom", "/feed.json", "/topics/ai/feed.json"})
  void gzipWhenAcceptedWithItsOwnTagAndVaryAlways(String path) {
    HttpResponse<byte[]> plain = ok(server, path);
    HttpResponse<byte[]> gz = get(server, path, GZIP);
    assertThat(gz.statusCode()).isEqualTo(200);
    assertThat(header(gz, "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(plain, "Content-Encoding")).isNull();
    assertThat(gunzip(gz.body())).isEqualTo(plain.body());
    assertThat(gz.body().length).isLessThan(plain.body().length);
    assertThat(etag(gz)).isNotEqualTo(etag(plain)).matches("\"[^\"]+\"");
    assertThat(header(gz, "Content-Type")).isEqualTo(header(plain, "Content-Type"));
    for (HttpResponse<byte[]> r : List.of(plain, gz)) {
      assertThat(header(r, "Vary")).isEqualTo(vary(path));
      assertThat(header(r, "Last-Modified")).isEqualTo(header(plain, "Last-Modified"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip;q=0", "identity", "br", "deflate", "gzip;q=0, *;q=1",
      "*;q=0", "x-gzip;q=0.0"})
  void identityWhenGzipIsNotAccepted(String acceptEncoding) {
    HttpResponse<byte[]> plain = ok(server, "/feed.atom");
    HttpResponse<byte[]> r = get(server, "/feed.atom", Map.of("Accept-Encoding", acceptEncoding));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Encoding")).isNull();
    assertThat(r.body()).isEqualTo(plain.body());
    assertThat(etag(r)).isEqualTo(etag(plain));
    assertThat(header(r, "Vary")).isEqualTo(vary("/feed.atom"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GZIP", "deflate, gzip;q=0.5", "br;q=1.0, gzip;q=0.8", "*"})
  void gzipWheneverItIsAcceptable(String acceptEncoding) {
    HttpResponse<byte[]> r = get(server, "/feed.json", Map.of("Accept-Encoding", acceptEncoding));
    assertThat(header(r, "Content-Encoding")).isEqualTo("gzip");
    assertThat(gunzip(r.body())).isEqualTo(ok(server, "/feed.json").body());
  }

  @Test
  void theConditionalMatrixHoldsAcrossTheGzipAndIdentityVariants() {
    for (String ext : EXTENSIONS) {
      String path = "/topics/machine-learning/feed." + ext;
      HttpResponse<byte[]> plain = ok(server, path);
      HttpResponse<byte[]> gz = get(server, path, GZIP);
      String plainTag = etag(plain);
      String gzTag = etag(gz);
      for (Map<String, String> client : List.of(GZIP, IDENTITY)) {
        String served = client.isEmpty() ? plainTag : gzTag;
        for (String sent : List.of(plainTag, gzTag, "W/" + gzTag, "\"x\", " + gzTag, "*")) {
          assertNotModified(path, get(server, path, with(client, "If-None-Match", sent)), served);
        }
        assertNotModified(path, get(server, path, with(client, "If-Modified-Since",
            header(plain, "Last-Modified"))), served);
        HttpResponse<byte[]> changed = get(server, path, with(client, "If-None-Match", "\"x\""));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(client.isEmpty() ? changed.body() : gunzip(changed.body()))
            .isEqualTo(plain.body());
      }
    }
  }

  @Test
  void headGivesTheHeadersOfGetAndNoBody() throws Exception {
    for (String ext : EXTENSIONS) {
      String path = "/topics/ai/feed." + ext;
      for (Map<String, String> client : List.of(IDENTITY, GZIP)) {
        HttpResponse<byte[]> g = get(server, path, client);
        HttpResponse<byte[]> h = server.request("HEAD", path, client);
        assertThat(h.statusCode()).isEqualTo(200);
        assertThat(h.body()).isEmpty();
        for (String name : List.of("ETag", "Last-Modified", "Content-Type", "Cache-Control",
            "Vary", "Access-Control-Allow-Origin", "X-Content-Type-Options",
            "Content-Encoding")) {
          assertThat(header(h, name)).as(name).isEqualTo(header(g, name));
        }
        String length = header(h, "Content-Length");
        if (length != null) {
          assertThat(Integer.parseInt(length)).isEqualTo(g.body().length);
        }
        HttpResponse<byte[]> h304 = server.request("HEAD", path,
            with(client, "If-None-Match", etag(g)));
        assertNotModified(path, h304, etag(g));
      }
    }
  }

  @Test
  void overHttp11TooHeadHasNoBodyGzipAnd304Work() {
    String path = "/topics/security/feed.rss";
    HttpResponse<byte[]> g = FeedHttp.http11(server, "GET", path, IDENTITY);
    assertThat(g.body()).isEqualTo(ok(server, path).body());
    for (Map<String, String> client : List.of(IDENTITY, GZIP)) {
      HttpResponse<byte[]> full = FeedHttp.http11(server, "GET", path, client);
      HttpResponse<byte[]> h = FeedHttp.http11(server, "HEAD", path, client);
      assertThat(h.statusCode()).isEqualTo(200);
      assertThat(h.body()).isEmpty();
      assertThat(header(h, "Content-Length")).isEqualTo(Integer.toString(full.body().length));
      assertThat(etag(h)).isEqualTo(etag(full));
      assertThat(header(h, "Content-Encoding")).isEqualTo(header(full, "Content-Encoding"));
      assertNotModified(path, FeedHttp.http11(server, "GET", path,
          with(client, "If-None-Match", etag(full))), etag(full));
    }
    assertThat(gunzip(FeedHttp.http11(server, "GET", path, GZIP).body())).isEqualTo(g.body());
  }

  @Test
  void everyFeedResponseCarriesCachingCorsAndNosniffHeaders() {
    for (String ext : EXTENSIONS) {
      HttpResponse<byte[]> r = ok(server, "/providers/techcrunch.com/feed." + ext);
      HttpResponse<byte[]> nm = get(server, "/providers/techcrunch.com/feed." + ext,
          Map.of("If-None-Match", etag(r)));
      for (HttpResponse<byte[]> x : List.of(r, nm)) {
        assertThat(header(x, "Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(header(x, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(x, "X-Content-Type-Options")).isEqualTo("nosniff");
      }
    }
  }

  @Test
  void lastModifiedIsAnImfFixdateOfTheNewestItem() {
    // TechCrunch's newest item is 026, published 2023-11-01T09:00:00Z: a one-digit day.
    HttpResponse<byte[]> r = ok(server, "/providers/techcrunch.com/feed.atom");
    assertThat(header(r, "Last-Modified")).isEqualTo("Wed, 01 Nov 2023 09:00:00 GMT");
    assertThat(header(ok(server, "/topics/ai/feed.rss"), "Last-Modified"))
        .isEqualTo("Fri, 17 Nov 2023 21:50:00 GMT"); // 033
    assertNotModified("/providers/techcrunch.com/feed.atom", get(server,
        "/providers/techcrunch.com/feed.atom",
        Map.of("If-Modified-Since", "Wed, 01 Nov 2023 09:00:00 GMT")), etag(r));
  }

  @Test
  void maxAgeComesFromConfig(@TempDir Path empty) throws Exception {
    try (TestServer other = TestServer.start(empty, Map.of("feeds.maxAge", "5m"))) {
      assertThat(header(ok(other, "/feed.rss"), "Cache-Control"))
          .isEqualTo("public, max-age=300");
    }
  }
}
