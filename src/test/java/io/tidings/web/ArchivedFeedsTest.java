package io.tidings.web;

import static io.tidings.web.FeedHttp.await;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.text;
import static io.tidings.web.FeedHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * RFC 5005 archived feeds over HTTP: from every feed, filters included, prev-archive leads
 * through monthly archive pages that together hold every matching article exactly once; a new
 * article leaves every settled page's bytes and ETag as they were, and an edit changes only
 * its own month's page.
 */
class ArchivedFeedsTest {
  private static final String BASE = "https://feeds.example.com";
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String FH_NS = "http://purl.org/syndication/history/1.0";
  private static final int ARTICLES = 120;
  private static final Map<String, String> SETTINGS = Map.of("http.baseUrl", BASE);

  @TempDir
  Path dir;

  /**
   * Article i: month 2025-(1 + i % 6), topic AI when i % 3 == 0, "chip" in its title when
   * i % 4 == 0.
   */
  private void writeCorpus() {
    for (int i = 0; i < ARTICLES; i++) {
      write(i, "Story " + i);
    }
  }

  private Path write(int i, String title) {
    String at = String.format("2025-%02d-%02dT%02d:00:00Z", 1 + i % 6, 1 + i / 6, 6 + i % 12);
    return Articles.write(dir, "a" + i + ".txt", Articles.article("a" + i)
        .title((i % 4 == 0 ? "Chip " : "") + title).at(at)
        .topics(i % 3 == 0 ? "AI" : "Space").text());
  }

  private static Set<String> expected(IntPredicate which) {
    Set<String> ids = new HashSet<>();
    IntStream.range(0, ARTICLES).filter(which).forEach(i -> ids.add(Articles.url("a" + i)));
    return ids;
  }

  /** One archive page as fetched. */
  record Page(String url, String etag, byte[] body, String cacheControl, List<String> ids) {}

  @Test
  void everyFeedLeadsThroughItsArchivesToEveryArticleOnce() throws Exception {
    writeCorpus();
    try (TestServer server = TestServer.start(dir, SETTINGS)) {
      Map<String, IntPredicate> feeds = new LinkedHashMap<>();
      feeds.put("/feed.%s", i -> true);
      feeds.put("/topics/ai/feed.%s", i -> i % 3 == 0);
      feeds.put("/feed.%s?q=chip", i -> i % 4 == 0);
      feeds.put("/topics/ai/feed.%s?q=chip", i -> i % 12 == 0);
      for (var f : feeds.entrySet()) {
        for (String ext : List.of("rss", "atom", "json")) {
          String head = String.format(f.getKey(), ext);
          List<Page> pages = walk(server, head, ext);
          List<String> all = new ArrayList<>();
          pages.forEach(p -> all.addAll(p.ids()));
          assertThat(all).as("articles of %s's archives", head).doesNotHaveDuplicates()
              .containsExactlyInAnyOrderElementsOf(expected(f.getValue()));
          if (!ext.equals("json")) {
            feedparserReadsWithoutComplaint(pages);
          }
          // The newest archive moves with new articles; every older one is settled.
          assertThat(pages.get(0).cacheControl()).isEqualTo("public, max-age=60");
          pages.subList(1, pages.size()).forEach(p ->
              assertThat(p.cacheControl()).as(p.url()).isEqualTo("public, max-age=86400"));
        }
      }
    }
  }

  @Test
  void aNewArticleChangesNoSettledPageAndAnEditOnlyItsOwn() throws Exception {
    writeCorpus();
    try (TestServer server = TestServer.start(dir, SETTINGS)) {
      Map<String, List<Page>> before = new LinkedHashMap<>();
      for (String head : List.of("/feed.atom", "/topics/ai/feed.rss", "/feed.json?q=chip")) {
        before.put(head, walk(server, head, head.substring(head.indexOf('.') + 1).split("\\?")[0]));
      }
      // A new article after every other one, in a month of its own: 2025-07.
      Articles.write(dir, "new.txt", Articles.article("new").title("Chip new").topics("AI")
          .at("2025-07-02T10:00:00Z").text());
      await("the new article in the feed", () -> text(get(server, "/feed.atom"))
          .contains(Articles.url("new")));
      for (var e : before.entrySet()) {
        String ext = e.getKey().substring(e.getKey().indexOf('.') + 1).split("\\?")[0];
        List<Page> after = walk(server, e.getKey(), ext);
        assertThat(after).hasSize(e.getValue().size() + 1);
        // The old newest archive (2025-06) gains its next-archive link; the rest is untouched.
        assertUnchanged(e.getValue().subList(1, e.getValue().size()),
            after.subList(2, after.size()));
        assertThat(after.get(0).ids()).containsExactly(Articles.url("new"));
      }
      // An edit of an article of 2025-03 (i = 2, 8, ...): only that month's page changes.
      List<Page> atom = walk(server, "/feed.atom", "atom");
      write(8, "Story 8, corrected");
      await("the edit in the archive", () -> text(get(server, "/feed.atom?archive=2025-03"))
          .contains("Story 8, corrected"));
      List<Page> edited = walk(server, "/feed.atom", "atom");
      assertThat(edited).hasSameSizeAs(atom);
      for (int i = 0; i < atom.size(); i++) {
        if (atom.get(i).url().endsWith("archive=2025-03")) {
          assertThat(edited.get(i).etag()).isNotEqualTo(atom.get(i).etag());
        } else {
          assertUnchanged(List.of(atom.get(i)), List.of(edited.get(i)));
        }
      }
    }
  }

  @Test
  void aBadMonthIsRefusedAndAnEmptyOneLinksOn() throws Exception {
    writeCorpus();
    try (TestServer server = TestServer.start(dir, SETTINGS)) {
      // The 301s from other spellings are in CanonicalRedirectTest.
      HttpResponse<byte[]> bad = get(server, "/feed.atom?archive=2025-13");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(text(bad)).contains("archive must be a month written YYYY-MM");
      // A month without a matching article is an empty archive page linked to its neighbours.
      HttpResponse<byte[]> empty = get(server, "/feed.atom?archive=2024-05");
      assertThat(empty.statusCode()).isEqualTo(200);
      assertThat(links(xml(empty.body()), "next-archive"))
          .containsExactly(BASE + "/feed.atom?archive=2025-01");
      assertThat(links(xml(empty.body()), "prev-archive")).isEmpty();
    }
  }

  /** python3-feedparser, where installed, reads every page without setting bozo. */
  private void feedparserReadsWithoutComplaint(List<Page> pages) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c",
        "import sys\ntry:\n import feedparser\nexcept ImportError:\n sys.exit(0)\n"
        + "for f in sys.argv[1:]:\n d = feedparser.parse(f)\n"
        + " if d.bozo or not d.feed.get('title'): print(f, d.get('bozo_exception'))"));
    Path pagesDir = Files.createTempDirectory(dir.getParent(), "pages");
    for (int i = 0; i < pages.size(); i++) {
      Path file = pagesDir.resolve(i + ".xml");
      Files.write(file, pages.get(i).body());
      command.add(file.toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).as("feedparser's complaints").isEmpty();
  }

  private static void assertUnchanged(List<Page> before, List<Page> after) {
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i).url()).isEqualTo(before.get(i).url());
      assertThat(after.get(i).etag()).as(before.get(i).url()).isEqualTo(before.get(i).etag());
      assertThat(after.get(i).body()).as(before.get(i).url()).isEqualTo(before.get(i).body());
    }
  }

  /**
   * Follows prev-archive (next_url in JSON Feed) from the feed at {@code head} to the oldest
   * page, checking each page's links on the way; the pages, newest first.
   */
  private static List<Page> walk(TestServer server, String head, String ext) throws Exception {
    HttpResponse<byte[]> h = get(server, head);
    assertThat(h.statusCode()).as(head).isEqualTo(200);
    String headUrl = BASE + head;
    if (!ext.equals("json")) {
      assertThat(marked(h.body())).as("the feed is no archive").isFalse();
    }
    String next = prev(ext, h.body());
    List<Page> pages = new ArrayList<>();
    String newer = null;
    while (next != null) {
      assertThat(next).startsWith(BASE + "/").contains("archive=");
      assertThat(pages.size()).as("pages of " + head).isLessThan(100);
      HttpResponse<byte[]> r = get(server, next.substring(BASE.length()));
      assertThat(r.statusCode()).as(next).isEqualTo(200);
      byte[] body = r.body();
      if (!ext.equals("json")) {
        assertThat(marked(body)).as("fh:archive in " + next).isTrue();
        Document d = xml(body);
        assertThat(links(d, "current")).containsExactly(headUrl);
        assertThat(links(d, "self")).containsExactly(next);
        assertThat(links(d, "next-archive")).containsExactlyElementsOf(
            newer == null ? List.of() : List.of(newer));
      } else {
        assertThat(json(body).path("feed_url").asText()).isEqualTo(headUrl);
      }
      pages.add(new Page(next, header(r, "ETag"), body, header(r, "Cache-Control"),
          ids(ext, body)));
      newer = next;
      next = prev(ext, body);
    }
    return pages;
  }

  /** The item ids of a page: RSS and Atom as ROME reads them, JSON Feed as JSON. */
  private static List<String> ids(String ext, byte[] body) throws Exception {
    List<String> out = new ArrayList<>();
    if (ext.equals("json")) {
      for (JsonNode item : json(body).path("items")) {
        out.add(item.path("id").asText());
      }
      return out;
    }
    SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    for (SyndEntry e : feed.getEntries()) {
      out.add(e.getUri());
    }
    return out;
  }

  private static String prev(String ext, byte[] body) {
    if (ext.equals("json")) {
      JsonNode n = json(body).path("next_url");
      return n.isMissingNode() ? null : n.asText();
    }
    List<String> l = links(xml(body), "prev-archive");
    assertThat(l).hasSizeLessThanOrEqualTo(1);
    return l.isEmpty() ? null : l.get(0);
  }

  /** Whether an RSS or Atom body is marked fh:archive (JSON Feed has no such mark). */
  private static boolean marked(byte[] body) {
    return xml(body).getElementsByTagNameNS(FH_NS, "archive").getLength() == 1;
  }

  /** The hrefs of the feed-level Atom links (atom:link in RSS's channel) with {@code rel}. */
  private static List<String> links(Document d, String rel) {
    List<String> out = new ArrayList<>();
    NodeList all = d.getElementsByTagNameNS(ATOM_NS, "link");
    for (int i = 0; i < all.getLength(); i++) {
      Element l = (Element) all.item(i);
      String parent = l.getParentNode().getLocalName();
      boolean feedLevel = parent.equals("feed") || parent.equals("channel");
      if (feedLevel && rel.equals(l.getAttribute("rel"))) {
        out.add(l.getAttribute("href"));
      }
    }
    return out;
  }
}
