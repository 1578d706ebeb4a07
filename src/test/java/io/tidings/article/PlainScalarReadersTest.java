package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.tidings.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over HTTP: every reader gets the plain scalars as the file writes them, not YAML 1.1's reading. */
class PlainScalarReadersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void apiAndEveryFeedShowPlainScalarsAsWritten(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "---\n"
        + "title: Yes\n"
        + "publishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/a\n"
        + "excerpt: 3.10\n"
        + "category: 007\n"
        + "provider:\n  name: Off\n  domain: example.com\n"
        + "topics: [NO, 0x1F, 12:30]\n"
        + "---\n");
    try (TestServer server = TestServer.start(dir)) {
      JsonNode api = JSON.readTree(server.text("/api/articles")).get("articles").get(0);
      assertThat(api.get("title").asText()).isEqualTo("Yes");
      assertThat(api.get("excerpt").asText()).isEqualTo("3.10");
      assertThat(api.get("category").asText()).isEqualTo("007");
      assertThat(api.get("provider").get("name").asText()).isEqualTo("Off");
      assertThat(api.get("topics").findValuesAsText("name")).containsExactly("NO", "0x1F", "12:30");

      for (String feed : List.of("/feed.rss", "/feed.atom")) {
        SyndEntry e = feed(server, feed).getEntries().get(0);
        assertThat(e.getTitle()).as(feed).isEqualTo("Yes");
      }
      assertThat(feed(server, "/feed.rss").getEntries().get(0).getCategories())
          .extracting(SyndCategory::getName).contains("NO", "0x1F", "12:30")
          .doesNotContain("false", "31");
      assertThat(server.text("/feed.atom")) // term is the key, label the name
          .contains("label=\"NO\"", "label=\"0x1F\"", "label=\"12:30\"")
          .doesNotContain("label=\"false\"", "label=\"31\"");
      JsonNode item = JSON.readTree(server.text("/feed.json")).get("items").get(0);
      assertThat(item.get("title").asText()).isEqualTo("Yes");
      assertThat(item.get("summary").asText()).isEqualTo("3.10");
      assertThat(JSON.convertValue(item.get("tags"), List.class)).containsExactly("NO", "0x1F",
          "12:30");
    }
  }

  private static SyndFeed feed(TestServer server, String path) throws Exception {
    return new SyndFeedInput().build(new XmlReader(
        new ByteArrayInputStream(server.get(path).body())));
  }
}
