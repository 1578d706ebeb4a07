package io.tidings.web;

import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static io.tidings.web.FeedHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Names made of markup, quotes and ampersands are text everywhere: on every page, in OPML, in
 * the API and on the feeds' XSLT page. (The browser test checks what a reader sees.)
 */
@TidingsServer(content = Hostile.Directory.class)
class HostileTextTest {
  static TestServer server;

  private static void assertShownAsText(String path, List<String> texts) {
    String html = text(ok(server, path));
    assertThat(html).as(path).doesNotContain("<script>window", "<img src=x", "<b>", "<i>Evil");
    String shown = Hostile.unescapeHtml(html);
    for (String t : texts) {
      assertThat(shown).as(path).contains(t);
    }
  }

  @Test
  void everyPageShowsTheNamesAsText() {
    assertShownAsText("/", List.of(Hostile.TITLE, Hostile.TOPIC, Hostile.PROVIDER,
        Hostile.EXCERPT));
    assertShownAsText("/topics/" + Hostile.TOPIC_KEY, List.of(Hostile.TITLE, Hostile.TOPIC,
        Hostile.PROVIDER, Hostile.EXCERPT));
    assertShownAsText("/topics/ai", List.of(Hostile.TITLE, Hostile.TOPIC));
    assertShownAsText("/providers/" + Hostile.PROVIDER_KEY, List.of(Hostile.TITLE,
        Hostile.PROVIDER));
  }

  @Test
  void anUnknownTopicWrittenAsMarkupIsShownAsText() {
    // (No closing tag: an encoded slash in a path segment is refused, see HostileRequestsTest.)
    String path = "/topics/%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D3%3E";
    String html = text(ok(server, path));
    assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x")
        .contains("No article has this topic yet");
  }

  @Test
  void opmlCarriesTheNamesAsText() {
    for (String by : List.of("topic", "provider")) {
      Document d = xml(ok(server, "/opml?by=" + by).body());
      NodeList outlines = d.getElementsByTagName("outline");
      List<String> titles = new ArrayList<>();
      for (int i = 0; i < outlines.getLength(); i++) {
        Element o = (Element) outlines.item(i);
        titles.add(o.getAttribute("text"));
        assertThat(o.getAttribute("title")).isEqualTo(o.getAttribute("text"));
      }
      assertThat(titles).contains(by.equals("topic") ? Hostile.TOPIC + " (1)"
          : Hostile.PROVIDER + " (1)");
    }
  }

  @Test
  void theApiCarriesTheNamesAsTheyAre() {
    JsonNode a = json(ok(server, "/api/articles?topic=" + Hostile.TOPIC_KEY).body())
        .path("articles").get(0);
    assertThat(a.path("title").asText()).isEqualTo(Hostile.TITLE);
    assertThat(a.path("excerpt").asText()).isEqualTo(Hostile.EXCERPT);
    assertThat(a.path("provider").path("name").asText()).isEqualTo(Hostile.PROVIDER);
    assertThat(a.path("topics").get(0).path("name").asText()).isEqualTo(Hostile.TOPIC);
  }

  @Test
  void theFeedStylesheetShowsTheNamesAsText() throws Exception {
    byte[] xsl = ok(server, "/assets/feed.xsl").body();
    for (String ext : List.of("rss", "atom")) {
      byte[] feed = ok(server, "/topics/" + Hostile.TOPIC_KEY + "/feed." + ext).body();
      Transformer t = TransformerFactory.newInstance()
          .newTransformer(new StreamSource(new ByteArrayInputStream(xsl)));
      StringWriter out = new StringWriter();
      t.transform(new StreamSource(new ByteArrayInputStream(feed)), new StreamResult(out));
      String html = out.toString();
      assertThat(html).as(ext).doesNotContain("<script>window", "<img src=x", "<b>");
      String shown = Hostile.unescapeHtml(html);
      assertThat(shown).as(ext).contains(Hostile.TITLE, Hostile.EXCERPT, Hostile.PROVIDER);
    }
  }
}
