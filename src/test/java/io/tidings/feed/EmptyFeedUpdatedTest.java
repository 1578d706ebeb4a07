package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * An empty Atom feed is updated at the newest article of the whole catalog (the moment as of
 * which it is known to be empty), not at a made-up date; an empty catalog gives the epoch.
 */
class EmptyFeedUpdatedTest {
  @TempDir Path dir;

  private static Instant updated(TestServer server, String path) throws Exception {
    HttpResponse<byte[]> r = server.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    Feed feed = (Feed) new WireFeedInput().build(
        new InputSource(new ByteArrayInputStream(r.body())));
    assertThat(feed.getEntries()).as(path).isEmpty();
    return feed.getUpdated().toInstant();
  }

  @Test
  void anEmptyFeedIsUpdatedAtTheCatalogsNewestArticle() throws Exception {
    try (TestServer empty = TestServer.start(java.nio.file.Files.createDirectories(
        dir.resolve("none")))) {
      assertThat(updated(empty, "/feed.atom")).isEqualTo(Instant.EPOCH);
    }
    Path content = dir.resolve("content");
    Articles.write(content, "a.txt",
        Articles.article("a").at("2023-10-17T16:45:00Z").topics("AI").text());
    try (TestServer server = TestServer.start(content)) {
      String path = "/topics/nothing-yet/feed.atom";
      assertThat(updated(server, path)).isEqualTo(Instant.parse("2023-10-17T16:45:00Z"));
      // The cached empty feed follows a newer article of another topic, the same as a fresh
      // render (a restart or another replica) would.
      Articles.write(content, "b.txt",
          Articles.article("b").at("2023-11-02T09:00:00Z").topics("Space").text());
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        try {
          assertThat(updated(server, path)).isEqualTo(Instant.parse("2023-11-02T09:00:00Z"));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
    }
  }
}
