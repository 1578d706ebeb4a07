package io.tidings.web;

import static io.tidings.web.FeedHttp.EXTENSIONS;
import static io.tidings.web.FeedHttp.contentType;
import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ids;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No articles, or only broken and foreign files: valid empty feeds, never an error. */
class EmptyContentTest {
  private static void assertEmptyFeeds(TestServer server) {
    for (String route : List.of("/feed", "/topics/ai/feed", "/providers/reuters.com/feed")) {
      for (String ext : EXTENSIONS) {
        String path = route + "." + ext;
        HttpResponse<byte[]> r = ok(server, path);
        assertThat(header(r, "Content-Type")).isEqualTo(contentType(ext));
        assertThat(itemCount(ext, r.body())).as(path).isZero();
        assertThat(header(r, "Last-Modified")).isNull();
        assertThat(etag(r)).matches("\"[^\"]+\"");
        assertThat(get(server, path, Map.of("If-None-Match", etag(r))).statusCode())
            .isEqualTo(304);
      }
    }
  }

  @Test
  void anEmptyDirectoryServesValidEmptyFeeds(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(dir)) {
      assertEmptyFeeds(server);
      assertThat(FeedHttp.json(ok(server, "/feed.json").body()).path("title").asText())
          .isEqualTo("Tidings");
    }
  }

  @Test
  void brokenAndForeignFilesServeValidEmptyFeeds(@TempDir Path dir) throws Exception {
    Articles.write(dir, "broken.txt", "---\ntitle: [unclosed\npublishedDateTime: x\n---\n");
    Articles.write(dir, "no-front-matter.md", "just some notes\n");
    Articles.write(dir, "half.txt", "---\ntitle: \"Half");
    Articles.write(dir, ".hidden.txt", Articles.text("hidden", "Hidden", "AI"));
    Articles.write(dir, "draft.txt", Articles.article("draft").topics("AI").draft().text());
    Articles.write(dir, "picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    Articles.write(dir, "deep/er/still/notes.txt~", Articles.text("backup", "Backup", "AI"));
    try (TestServer server = TestServer.start(dir)) {
      assertEmptyFeeds(server);
    }
  }

  @Test
  void oneBrokenFileDoesNotTakeTheOthersDown(@TempDir Path dir) throws Exception {
    Articles.write(dir, "good.txt", Articles.text("good", "A good one", "AI"));
    Articles.write(dir, "broken.txt", "---\ntitle: [unclosed\n---\n");
    try (TestServer server = TestServer.start(dir)) {
      assertThat(ids(ok(server, "/topics/ai/feed.json").body()))
          .containsExactly(Articles.url("good"));
      for (String ext : EXTENSIONS) {
        assertThat(itemCount(ext, ok(server, "/feed." + ext).body())).isEqualTo(1);
      }
    }
  }
}
