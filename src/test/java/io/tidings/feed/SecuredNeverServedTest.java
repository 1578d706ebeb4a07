package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.feed.SampleFeeds.Route;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FORMAT.md: {@code secured} must never appear in any output. Every route and format over the
 * sample content (drafts shown too, so that all 36 files are served) is searched for each
 * file's secured value, read from the files themselves, and for the word SECRET.
 */
class SecuredNeverServedTest {
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(SampleFeeds.copySample(dir),
        Map.of("content.includeUnpublished", "true"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theSampleFilesDoCarrySecuredValues() {
    List<String> secured = SampleFeeds.securedValues();
    assertThat(secured).hasSizeGreaterThan(30).allMatch(s -> s.length() > 40);
    assertThat(secured.stream().filter(s -> s.contains("SECRET")).count()).isGreaterThan(30);
    assertThat(SampleFeeds.snapshot(server).size()).as("drafts shown too").isEqualTo(36);
  }

  @Test
  void noRouteOrFormatServesThem() throws Exception {
    List<String> secured = SampleFeeds.securedValues();
    List<String> paths = new ArrayList<>();
    for (FeedFormat f : FeedFormat.values()) {
      for (Route r : SampleFeeds.everyRoute(SampleFeeds.snapshot(server), f)) {
        paths.add(r.path());
      }
      paths.add("/feed." + f.extension() + "?limit=500");
      paths.add("/feed." + f.extension() + "?category=tech,business,news");
      paths.add("/topics/AI/feed." + f.extension() + "?minQuality=1");
      paths.add("/topics/no-such-topic/feed." + f.extension());
      paths.add("/feed." + f.extension() + "?q=SECRET");
    }
    paths.addAll(List.of("/status", "/health", "/feed.xml", "/feed.rss?limit=abc",
        "/feed.rss?minQuality=x", "/nowhere"));
    int items = 0;
    for (String path : paths) {
      for (Map<String, String> headers : List.of(Map.<String, String>of(),
          Map.of("Accept", "text/html"))) {
        HttpResponse<byte[]> r = server.get(path, headers);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).as("%s (%d)", path, r.statusCode()).doesNotContain("SECRET");
        for (String value : secured) {
          assertThat(body).as("%s (%d)", path, r.statusCode()).doesNotContain(value)
              .doesNotContain(value.substring(0, 12));
        }
        items += r.statusCode() == 200 ? countItems(body) : 0;
      }
    }
    assertThat(items).as("items served while looking").isGreaterThan(200);
  }

  private static int countItems(String body) {
    return body.split("<item>|<entry>|\"id\":\"http", -1).length - 1;
  }
}
