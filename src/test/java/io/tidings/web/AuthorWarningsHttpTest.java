package io.tidings.web;

import static io.tidings.testing.Articles.article;
import static io.tidings.testing.Articles.write;
import static io.tidings.web.FeedHttp.await;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import io.tidings.TestServer;
import io.tidings.ingest.Ingest;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;

/**
 * The server and authors' slips: {@code /status} lists them beside errors, marked as warnings,
 * the file's article is served all the same, each is logged once, and every feed names a topic
 * by its established spelling, also when another file's change moves it. No secured value, in
 * any spelling of the field, reaches any output.
 */
@TidingsServer(content = AuthorWarningsHttpTest.Slips.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the last one changes the content
class AuthorWarningsHttpTest {
  static final String SECRET = "s3cr3t-AuthorWarnings-value";

  @TidingsServer.ContentDir static Path dir;
  static TestServer server;

  /** Two articles write AI; one writes ai and has misspelt fields, secured ones among them. */
  static final class Slips implements TidingsServer.Content {
    @Override
    public void fill(Path dir) {
      write(dir, "a.txt", article("a").topics("AI").provider("Alpha", "alpha.example").text());
      write(dir, "b.txt", article("b").topics("AI").text());
      write(dir, "slip.txt", article("slip").topics("ai").text().replace("---\ntitle:",
          "---\nqualty: 3\nSecured: " + SECRET + "\nsecure: \"" + SECRET + "\"\ntitle:"));
    }
  }

  private static List<String> rssCategories(String path, String id) throws Exception {
    Channel rss = (Channel) new WireFeedInput().build(new InputSource(
        new ByteArrayInputStream(ok(server, path).body())));
    List<String> out = new ArrayList<>();
    for (Item i : rss.getItems()) {
      if (i.getGuid().getValue().endsWith("/" + id)) {
        i.getCategories().forEach(c -> out.add(c.getValue()));
      }
    }
    return out;
  }

  @Test
  @Order(1)
  void statusListsTheWarningsBesideErrorsAndTheArticleIsServed() throws Exception {
    JsonNode status = json(ok(server, "/status").body());
    assertThat(status.get("errors")).isEmpty();
    assertThat(status.get("filesWithWarnings").asInt()).isEqualTo(1);
    List<String> messages = new ArrayList<>();
    for (JsonNode w : status.get("warnings")) {
      assertThat(w.get("level").asText()).isEqualTo("warning");
      assertThat(w.get("file").asText()).isEqualTo("slip.txt");
      messages.add(w.get("message").asText());
    }
    assertThat(messages).containsExactly(
        "slip.txt: warning: topic \"ai\" is spelt \"AI\" in 2 other articles, and feeds show"
            + " \"AI\": write \"AI\"",
        "slip.txt:2: warning: unknown field qualty: did you mean quality?",
        "slip.txt:3: warning: unknown field Secured: did you mean secured? (its value is skipped"
            + " unread, as secured's is)",
        "slip.txt:4: warning: unknown field secure: did you mean secured? (its value is skipped"
            + " unread, as secured's is)");
    assertThat(rssCategories("/feed.rss", "slip")).containsExactly("AI");
    for (String path : List.of("/status", "/feed.rss", "/feed.atom", "/feed.json",
        "/api/articles", "/topics/ai", "/topics/ai/feed.json")) {
      assertThat(new String(ok(server, path).body(), StandardCharsets.UTF_8))
          .as(path).doesNotContain(SECRET).doesNotContain("s3cr3t");
    }
  }

  @Test
  @Order(2)
  void everyFormatNamesTheTopicByItsEstablishedSpelling() throws Exception {
    assertThat(rssCategories("/topics/ai/feed.rss", "slip")).containsExactly("AI");
    Feed atom = (Feed) new WireFeedInput().build(new InputSource(
        new ByteArrayInputStream(ok(server, "/topics/ai/feed.atom").body())));
    for (Entry e : atom.getEntries()) {
      assertThat(e.getCategories()).singleElement().satisfies(c -> {
        assertThat(c.getTerm()).isEqualTo("ai");
        assertThat(c.getLabel()).isEqualTo("AI");
      });
    }
    JsonNode feed = json(ok(server, "/topics/ai/feed.json").body());
    assertThat(feed.get("items")).hasSize(3);
    for (JsonNode item : feed.get("items")) {
      assertThat(item.get("tags").toString()).isEqualTo("[\"AI\"]");
    }
    JsonNode api = json(ok(server, "/api/articles?topic=ai").body());
    for (JsonNode a : api.get("articles")) {
      assertThat(a.get("topics").get(0).get("name").asText()).isEqualTo("AI");
    }
  }

  /**
   * When most articles come to write {@code ai}, a cached feed whose own articles did not
   * change shows the new name too; each new warning is logged once, not again when its file is
   * written again unchanged.
   */
  @Test
  @Order(3)
  void anotherFilesChangeRenamesTheTopicInCachedFeedsAndWarningsAreLoggedOnce()
      throws Exception {
    String alpha = "/providers/alpha.example/feed.rss";
    assertThat(rssCategories(alpha, "a")).containsExactly("AI"); // rendered and cached
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger log = (Logger) LoggerFactory.getLogger(Ingest.class);
    logs.start();
    log.addAppender(logs);
    try {
      write(dir, "c.txt", article("c").topics("ai").text());
      write(dir, "d.txt", article("d").topics("ai").text().replace("---\ntitle:",
          "---\nwordcount: 3\ntitle:"));
      await("ai is the established spelling",
          () -> json(ok(server, "/status").body()).get("filesWithWarnings").asInt() == 4);
      assertThat(rssCategories(alpha, "a")).containsExactly("ai");
      String logged = String.join("\n", logs.list.stream()
          .map(ILoggingEvent::getFormattedMessage).toList());
      assertThat(logged).contains("d.txt:2: warning: unknown field wordcount (ignored)",
          "a.txt: warning: topic \"AI\" is spelt \"ai\" in 3 other articles");
      int before = logs.list.size();
      write(dir, "d.txt", article("d").topics("ai").text().replace("---\ntitle:",
          "---\nwordcount: 3\ntitle:") + "\n");
      write(dir, "e.txt", article("e").topics("ai", "AI").text());
      await("e.txt read", () -> json(ok(server, "/status").body()).get("filesWithWarnings")
          .asInt() == 5);
      assertThat(logs.list.subList(before, logs.list.size()).stream()
          .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("d.txt")))
          .isEmpty();
      assertThat(logged).doesNotContain(SECRET);
    } finally {
      log.detachAppender(logs);
    }
  }
}
