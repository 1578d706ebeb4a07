package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.feed.SampleFeeds.Route;
import io.tidings.testing.TidingsServer;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The RSS 2.0 rules (rssboard.org/rss-specification) on every RSS route over the sample
 * content, read with a namespace-aware DOM parser: required channel elements, RFC 822 dates in
 * GMT, one guid per item, at most one enclosure, no dc:date, only RSS 2.0's own elements.
 */
@TidingsServer
class RssRulesTest {
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String ATOM = "http://www.w3.org/2005/Atom";
  /** RFC 822 (with a four-digit year, as RSS 2.0 recommends) in GMT. */
  static final Pattern RFC822_GMT = Pattern.compile(
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
          + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  static final Set<String> CHANNEL_ELEMENTS = Set.of("title", "link", "description", "language",
      "copyright", "managingEditor", "webMaster", "pubDate", "lastBuildDate", "category",
      "generator", "docs", "cloud", "ttl", "image", "rating", "textInput", "skipHours",
      "skipDays", "item");
  static final Set<String> ITEM_ELEMENTS = Set.of("title", "link", "description", "author",
      "category", "comments", "enclosure", "guid", "pubDate", "source");
  static final Set<String> DATES = Set.of("pubDate", "lastBuildDate");

  static TestServer server;

  @Test
  void everyRssRouteFollowsTheRules() throws Exception {
    int items = 0;
    for (Route route : SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.RSS)) {
      List<String> broken = violations(SampleFeeds.xml(SampleFeeds.fetch(server, route)),
          server.url(route.path()));
      assertThat(broken).as("RSS 2.0 rules broken by %s", route).isEmpty();
      items += route.expected(server).size();
    }
    assertThat(items).as("items checked").isGreaterThan(34);
  }

  @Test
  void theRulesCatchBrokenDocuments() {
    String ok = "<rss version=\"2.0\" xmlns:atom=\"" + ATOM + "\"><channel><title>t</title>"
        + "<link>https://x.org/</link><description>d</description>"
        + "<atom:link href=\"https://x.org/feed.rss\" rel=\"self\" type=\"application/rss+xml\"/>"
        + "%s</channel></rss>";
    String self = "https://x.org/feed.rss";
    assertThat(violations(doc(ok.formatted("<item><title>a</title><guid>https://x.org/a</guid>"
        + "<pubDate>Mon, 04 Sep 2023 07:15:00 GMT</pubDate></item>")), self)).isEmpty();
    assertThat(violations(doc(ok.formatted("<item><title>a</title><guid>https://x.org/a</guid>"
        + "<pubDate>2023-09-04T07:15:00Z</pubDate></item>")), self)).isNotEmpty();
    assertThat(violations(doc(ok.formatted("<item><title>a</title><guid>https://x.org/a</guid>"
        + "<pubDate>Mon, 04 Sep 2023 07:15:00 +0200</pubDate></item>")), self)).isNotEmpty();
    assertThat(violations(doc(ok.formatted("<item><title>a</title><guid>https://x.org/a</guid>"
        + "<pubDate>Tue, 04 Sep 2023 07:15:00 GMT</pubDate></item>")), self)).isNotEmpty();
    assertThat(violations(doc(ok.formatted("<item><title>a</title><guid>https://x.org/a</guid>"
        + "<guid>https://x.org/b</guid></item>")), self)).isNotEmpty();
    assertThat(violations(doc(ok.formatted("<item><title>a</title></item>")), self)).isNotEmpty();
    assertThat(violations(doc(ok.formatted("<item xmlns:dc=\"" + DC + "\"><title>a</title>"
        + "<guid>https://x.org/a</guid><dc:date>2023-09-04T07:15:00Z</dc:date></item>")), self))
        .isNotEmpty();
    assertThat(violations(doc(ok.formatted("<item><title>a</title><guid>https://x.org/a</guid>"
        + "<enclosure url=\"https://x.org/1.jpg\" length=\"1\" type=\"image/jpeg\"/>"
        + "<enclosure url=\"https://x.org/2.jpg\" length=\"1\" type=\"image/jpeg\"/></item>")),
        self)).isNotEmpty();
    assertThat(violations(doc(ok.formatted("")), "https://x.org/other.rss")).isNotEmpty();
    assertThat(violations(doc(ok.formatted("").replace("<description>d</description>", "")),
        self)).isNotEmpty();
  }

  private static Document doc(String xml) {
    return SampleFeeds.xml(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Every rule the document breaks, in words; empty when it is a good RSS 2.0 feed. */
  static List<String> violations(Document doc, String selfUrl) {
    List<String> v = new ArrayList<>();
    Element rss = doc.getDocumentElement();
    if (!rss.getLocalName().equals("rss") || rss.getNamespaceURI() != null) {
      v.add("root is not <rss>");
    }
    if (!"2.0".equals(rss.getAttribute("version"))) {
      v.add("version is not 2.0");
    }
    List<Element> channels = children(rss, null, "channel");
    if (channels.size() != 1) {
      v.add(channels.size() + " channels");
      return v;
    }
    Element channel = channels.get(0);
    for (String required : List.of("title", "link", "description")) {
      List<Element> e = children(channel, null, required);
      if (e.size() != 1 || e.get(0).getTextContent().isBlank()) {
        v.add("channel needs exactly one non-empty <" + required + ">");
      }
    }
    checkOwnElements(channel, CHANNEL_ELEMENTS, "channel", v);
    List<Element> selfLinks = children(channel, ATOM, "link").stream()
        .filter(e -> "self".equals(e.getAttribute("rel"))).toList();
    if (selfLinks.size() != 1 || !selfLinks.get(0).getAttribute("href").equals(selfUrl)) {
      v.add("channel needs one atom:link rel=self to " + selfUrl);
    }
    if (doc.getElementsByTagNameNS(DC, "date").getLength() > 0) {
      v.add("dc:date present (RSS 2.0 has pubDate)");
    }
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getNamespaceURI() == null && DATES.contains(e.getLocalName())) {
        String text = e.getTextContent();
        if (!RFC822_GMT.matcher(text).matches()) {
          v.add("date not RFC 822 in GMT: " + text);
        } else {
          try {
            ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME); // and the weekday
          } catch (java.time.format.DateTimeParseException ex) {
            v.add("date does not parse as RFC 822: " + text);
          }
        }
      }
    }
    for (Element ttl : children(channel, null, "ttl")) {
      if (!ttl.getTextContent().matches("\\d+")) {
        v.add("ttl not a number of minutes: " + ttl.getTextContent());
      }
    }
    for (Element item : children(channel, null, "item")) {
      String name = children(item, null, "title").stream().map(Node::getTextContent)
          .findFirst().orElse("(untitled)");
      checkOwnElements(item, ITEM_ELEMENTS, "item " + name, v);
      List<Element> guids = children(item, null, "guid");
      if (guids.size() != 1) {
        v.add("item " + name + " has " + guids.size() + " guids");
      } else if (!"false".equals(guids.get(0).getAttribute("isPermaLink"))
          && !URI.create(guids.get(0).getTextContent()).isAbsolute()) {
        v.add("item " + name + " has a permalink guid that is no absolute URL");
      }
      if (children(item, null, "title").isEmpty() && children(item, null, "description")
          .isEmpty()) {
        v.add("item has neither title nor description");
      }
      if (children(item, null, "enclosure").size() > 1) {
        v.add("item " + name + " has more than one enclosure");
      }
      for (String once : List.of("title", "link", "description", "pubDate", "source")) {
        if (children(item, null, once).size() > 1) {
          v.add("item " + name + " has more than one <" + once + ">");
        }
      }
    }
    return v;
  }

  private static void checkOwnElements(Element parent, Set<String> allowed, String what,
      List<String> v) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getNamespaceURI() == null
          && !allowed.contains(e.getLocalName())) {
        v.add(what + " has <" + e.getLocalName() + ">, which RSS 2.0 does not define");
      }
    }
  }

  static List<Element> children(Element parent, String ns, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(name)
          && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
        out.add(e);
      }
    }
    return out;
  }
}
