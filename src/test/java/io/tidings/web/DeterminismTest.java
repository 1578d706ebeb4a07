package io.tidings.web;

import static io.tidings.web.FeedHttp.EXTENSIONS;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same content, same bytes: on two servers at once, and after a restart. */
class DeterminismTest {
  private static final Map<String, String> SETTINGS =
      Map.of("http.baseUrl", "https://feeds.example.com");
  private static final List<String> ROUTES = List.of("/feed", "/topics/ai/feed",
      "/topics/AI/feed", "/topics/" + FeedHttp.RENGONG_ZHINENG + "/feed",
      "/topics/Machine%20Learning/feed", "/providers/reuters.com/feed",
      "/providers/www.reuters.com/feed", "/providers/36kr.com/feed", "/topics/no-such-topic/feed",
      "/feed?topic=AI&provider=www.reuters.com", "/feed?provider=reuters.com&topic=ai",
      "/feed?q=chip&minQuality=40&limit=5", "/feed?category=tech,science&limit=500",
      "/topics/security/feed?provider=reuters.com,scmp.com");

  /** What a client can see of one feed: status, body, gzip body and the validators. */
  private record Seen(int status, byte[] body, byte[] gzip, String etag, String gzipEtag,
      String lastModified, String contentType) {
    boolean same(Seen o) {
      return status == o.status && Arrays.equals(body, o.body) && Arrays.equals(gzip, o.gzip)
          && etag.equals(o.etag) && gzipEtag.equals(o.gzipEtag)
          && java.util.Objects.equals(lastModified, o.lastModified)
          && contentType.equals(o.contentType);
    }
  }

  private static Map<String, Seen> everything(TestServer server) {
    Map<String, Seen> out = new LinkedHashMap<>();
    for (String route : ROUTES) {
      for (String ext : EXTENSIONS) {
        String path = route.contains("?") ? route.replace("?", "." + ext + "?")
            : route + "." + ext;
        HttpResponse<byte[]> plain = get(server, path);
        HttpResponse<byte[]> gz = get(server, path, Map.of("Accept-Encoding", "gzip"));
        assertThat(plain.statusCode()).as(path).isEqualTo(200);
        assertThat(FeedHttp.gunzip(gz.body())).as(path).isEqualTo(plain.body());
        out.put(path, new Seen(plain.statusCode(), plain.body(), gz.body(), FeedHttp.etag(plain),
            FeedHttp.etag(gz), header(plain, "Last-Modified"), header(plain, "Content-Type")));
      }
    }
    return out;
  }

  private static void assertSame(Map<String, Seen> a, Map<String, Seen> b) {
    assertThat(a.keySet()).isEqualTo(b.keySet());
    List<String> differ = new ArrayList<>();
    for (String path : a.keySet()) {
      if (!a.get(path).same(b.get(path))) {
        differ.add(path);
      }
    }
    assertThat(differ).as("feeds that differ").isEmpty();
  }

  @Test
  void twoServersOnOneDirectoryServeTheSameBytesAndValidators(@TempDir Path dir)
      throws Exception {
    FeedHttp.copySample(dir);
    try (TestServer a = TestServer.start(dir, SETTINGS);
        TestServer b = TestServer.start(dir, SETTINGS)) {
      Map<String, Seen> fromA = everything(a);
      Map<String, Seen> fromB = everything(b);
      assertSame(fromA, fromB);
      // The comparison has teeth: different feeds differ, and most have items and a date.
      assertThat(fromA.get("/feed.rss").etag()).isNotEqualTo(fromA.get("/topics/ai/feed.rss").etag());
      assertThat(fromA.values().stream().filter(s -> s.lastModified() != null).count())
          .isGreaterThan(30);
      // Asked again (now from the cache) each server still gives the same.
      assertSame(fromA, everything(a));
    }
  }

  @Test
  void aRestartServesTheSameBytesAndValidators(@TempDir Path dir) throws Exception {
    FeedHttp.copySample(dir);
    Map<String, Seen> first;
    try (TestServer a = TestServer.start(dir, SETTINGS)) {
      first = everything(a);
    }
    try (TestServer again = TestServer.start(dir, SETTINGS)) {
      assertSame(first, everything(again));
    }
  }

  @Test
  void theOrderFilesAreFoundInDoesNotMatter(@TempDir Path one, @TempDir Path other)
      throws Exception {
    FeedHttp.copySample(one);
    // The same articles, flattened into one folder under other names.
    try (var files = java.nio.file.Files.walk(one)) {
      int n = 0;
      for (Path p : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
        java.nio.file.Files.copy(p, other.resolve("z" + (99 - n++) + ".md"));
      }
    }
    try (TestServer a = TestServer.start(one, SETTINGS);
        TestServer b = TestServer.start(other, SETTINGS)) {
      assertSame(everything(a), everything(b));
    }
  }
}
