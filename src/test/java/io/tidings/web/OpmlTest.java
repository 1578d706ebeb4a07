package io.tidings.web;

import static io.tidings.web.FeedHttp.contentType;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code /opml}: a valid OPML 2.0 list of every topic's (or provider's) feed. */
@TidingsServer
class OpmlTest {
  static TestServer server;

  /** Outline text to outline, after checking the document's shape. */
  private static Map<String, Element> outlines(String path, String title) {
    HttpResponse<byte[]> r = ok(server, path);
    assertThat(header(r, "Content-Type")).isEqualTo("text/x-opml; charset=utf-8");
    Document d = xml(r.body());
    Element root = d.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("opml");
    assertThat(root.getAttribute("version")).isEqualTo("2.0");
    assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(title);
    assertThat(d.getElementsByTagName("dateModified").item(0).getTextContent())
        .isEqualTo("Wed, 22 Nov 2023 05:55:00 GMT");
    NodeList list = ((Element) d.getElementsByTagName("body").item(0))
        .getElementsByTagName("outline");
    Map<String, Element> out = new LinkedHashMap<>();
    for (int i = 0; i < list.getLength(); i++) {
      Element o = (Element) list.item(i);
      assertThat(o.getAttribute("type")).isEqualTo("rss");
      assertThat(o.getAttribute("title")).isEqualTo(o.getAttribute("text"));
      out.put(o.getAttribute("text"), o);
    }
    return out;
  }

  @Test
  void listsEveryTopicWithNameCountFeedAndPage() {
    Map<String, Element> outlines = outlines("/opml", "Tidings: topics");
    JsonNode topics = json(ok(server, "/api/topics").body()).path("topics");
    assertThat(outlines).hasSize(topics.size()).hasSizeGreaterThanOrEqualTo(8);
    for (JsonNode t : topics) {
      String text = t.path("name").asText() + " (" + t.path("count").asInt() + ")";
      assertThat(outlines).as("outline of " + text).containsKey(text);
      Element o = outlines.get(text);
      assertThat(o.getAttribute("xmlUrl")).isEqualTo(t.path("feeds").path("rss").asText())
          .startsWith("http://127.0.0.1:");
      assertThat(o.getAttribute("htmlUrl")).isEqualTo(t.path("url").asText());
    }
    assertThat(outlines).containsKeys("AI (14)", "人工智能 (3)");
  }

  @Test
  void everyXmlUrlIsAFeedWithTheCountedItemsAndEveryHtmlUrlAPage() {
    for (Element o : outlines("/opml", "Tidings: topics").values()) {
      String feed = o.getAttribute("xmlUrl").substring(server.url("").length());
      HttpResponse<byte[]> r = ok(server, feed + "?limit=500");
      assertThat(header(r, "Content-Type")).isEqualTo(contentType("rss"));
      String text = o.getAttribute("text");
      int count = Integer.parseInt(text.substring(text.lastIndexOf('(') + 1, text.length() - 1));
      assertThat(itemCount("rss", r.body())).as(text).isEqualTo(count);
      HttpResponse<byte[]> page = ok(server,
          o.getAttribute("htmlUrl").substring(server.url("").length()));
      assertThat(header(page, "Content-Type")).startsWith("text/html");
    }
  }

  @Test
  void byProviderListsEveryProvider() {
    Map<String, Element> outlines = outlines("/opml?by=provider", "Tidings: providers");
    JsonNode providers = json(ok(server, "/api/providers").body()).path("providers");
    assertThat(outlines).hasSize(providers.size());
    Element reuters = outlines.get("Reuters (6)");
    assertThat(reuters.getAttribute("xmlUrl")).isEqualTo(server.url("/providers/reuters.com/feed.rss"));
    assertThat(reuters.getAttribute("htmlUrl")).isEqualTo(server.url("/providers/reuters.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"atom", "json", "ATOM"})
  void formatChoosesTheFeedFormat(String format) {
    String ext = format.toLowerCase(java.util.Locale.ROOT);
    for (Element o : outlines("/opml?format=" + format, "Tidings: topics").values()) {
      assertThat(o.getAttribute("xmlUrl")).endsWith("/feed." + ext);
      HttpResponse<byte[]> r = ok(server, o.getAttribute("xmlUrl")
          .substring(server.url("").length()));
      assertThat(header(r, "Content-Type")).isEqualTo(contentType(ext));
    }
  }

  @Test
  void aBadChoiceIs400AndTheListIsCachedWithAnEtag() {
    for (String bad : List.of("/opml?by=category", "/opml?format=xml")) {
      assertThat(get(server, bad).statusCode()).as(bad).isEqualTo(400);
    }
    HttpResponse<byte[]> r = ok(server, "/opml");
    assertThat(get(server, "/opml", Map.of("If-None-Match", header(r, "ETag"))).statusCode())
        .isEqualTo(304);
  }
}
