package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's feedparser, a real client that sends {@code A-IM: feed} with the ETag it was given:
 * after a change it gets 226 with the new and changed items only, in RSS and Atom, and
 * with nothing new, 304.
 */
class FeedparserDeltaTest {
  private static final String STARLINK = "014_4de3bb69a43928f7.txt";
  private static final String STARLINK_ID =
      "https://spacenews.com/spacex-launches-starlink-satellites-on-record-17th-booster-flight/";
  private static final String SCRIPT = String.join("\n",
      "import feedparser, json, sys",
      "d = feedparser.parse(sys.argv[1], etag=(sys.argv[2] if len(sys.argv) > 2 else None))",
      "print(json.dumps({'status': d.get('status'), 'etag': d.get('etag'),",
      "  'ids': [e.get('id') for e in d.entries],",
      "  'titles': [e.get('title') for e in d.entries]}))");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private JsonNode parse(TestServer server, String path, String... etag) throws Exception {
    List<String> command = new ArrayList<>(List.of(Tools.PYTHON.toString(), "-c", SCRIPT,
        server.url(path)));
    command.addAll(List.of(etag));
    Tools.Result r = Tools.run(dir, Map.of(), 60, command);
    assertThat(r.exit()).as("%s", r).isZero();
    return JSON.readTree(r.out());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void feedparserGetsOnlyTheNewAndChangedItems() throws Exception {
    assumeTrue(Tools.pythonHas("feedparser"), "python3-feedparser is not installed");
    Path content = TestServer.copySample(Files.createDirectories(dir.resolve("content")));
    try (TestServer server = TestServer.start(content)) {
      List<String> feeds = List.of("/topics/space/feed.rss", "/topics/space/feed.atom");
      List<String> tags = new ArrayList<>();
      for (String feed : feeds) {
        JsonNode first = parse(server, feed);
        assertThat(first.path("status").asInt()).isEqualTo(200);
        assertThat(first.path("ids").size()).isGreaterThan(2);
        tags.add(first.path("etag").asText());
        assertThat(parse(server, feed, tags.get(tags.size() - 1)).path("status").asInt())
            .as("nothing new").isEqualTo(304);
      }
      Articles.write(content, "zz_feedparser.txt", Articles.article("feedparser-new")
          .title("Moon base opens").at("2024-06-01T00:00:00Z").topics("Space").text());
      Path starlink = content.resolve(STARLINK);
      Files.writeString(starlink, Files.readString(starlink, StandardCharsets.UTF_8)
          .replace("record 17th flight", "record 18th flight"), StandardCharsets.UTF_8);
      Awaitility.await("both changes served").atMost(Duration.ofSeconds(10)).until(() -> {
        String body = server.text(feeds.get(0));
        return body.contains("Moon base opens") && body.contains("record 18th flight");
      });
      for (int i = 0; i < feeds.size(); i++) {
        JsonNode delta = parse(server, feeds.get(i), tags.get(i));
        assertThat(delta.path("status").asInt()).as(feeds.get(i)).isEqualTo(226);
        assertThat(texts(delta.path("ids"))).containsExactly(
            Articles.url("feedparser-new"), STARLINK_ID);
        assertThat(texts(delta.path("titles")).get(1)).contains("record 18th flight");
        assertThat(parse(server, feeds.get(i), delta.path("etag").asText()).path("status")
            .asInt()).as("the delta's tag is the whole feed's").isEqualTo(304);
      }
    }
  }
}
