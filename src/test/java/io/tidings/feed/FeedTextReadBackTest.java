package io.tidings.feed;

import static io.tidings.feed.HostileText.TEXTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * Every client reads back exactly the characters of the file: titles, excerpts, topic names
 * (feed titles) and provider names made of ampersands, markup, quotes, {@code ]]>}, emoji, CJK,
 * combining marks and right-to-left text ({@link HostileText}), in RSS, Atom and JSON Feed,
 * through ROME, Debian's python3-feedparser, newsboat and xmllint (each skipped only when
 * absent; .ci/run installs them).
 */
@TidingsServer(content = HostileText.Directory.class)
class FeedTextReadBackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Per URL: what feedparser makes of the feed; HTML values also as the text they show. */
  private static final String FEEDPARSER = String.join("\n",
      "import feedparser, html, json, sys",
      "def shown(d):",
      "    v = d.get('value')",
      "    return html.unescape(v) if d.get('type') == 'text/html' and '<' not in v else v",
      "for u in sys.argv[1:]:",
      "    d = feedparser.parse(u)",
      "    print(json.dumps({'url': u, 'bozo': bool(d.bozo),",
      "        'exception': repr(d.get('bozo_exception')) if d.bozo else None,",
      "        'title': d.feed.get('title'),",
      "        'entries': [{'id': e.get('id'), 'title': e.get('title'),",
      "            'summary': e.get('summary'), 'summaryType': e.summary_detail.type,",
      "            'summaryShown': shown(e.summary_detail), 'author': e.get('author')}",
      "            for e in d.entries]}))");

  @TempDir static Path dir;
  static TestServer server;

  private static String topicPath(int i, String extension) {
    return "/topics/" + Scope.pathSegment(HostileText.topicKey(i)) + "/feed." + extension;
  }

  private static byte[] fetch(String path) throws Exception {
    HttpResponse<byte[]> r = server.get(path);
    assertThat(r.statusCode()).as("status of %s", path).isEqualTo(200);
    assertThat(r.uri().toString()).as("answered without a redirect").isEqualTo(server.url(path));
    return r.body();
  }

  private static <T> T wire(byte[] body) throws Exception {
    @SuppressWarnings("unchecked")
    T feed = (T) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    return feed;
  }

  /** HTML text as the characters it shows (our escaping writes only these five). */
  private static String unescapeHtml(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  @Test
  void romeReadsBackEveryTextInEveryFormat() throws Exception {
    Channel rss = wire(fetch("/feed.rss"));
    assertThat(rss.getItems()).hasSize(TEXTS.size());
    for (Item item : rss.getItems()) {
      int i = HostileText.index(item.getGuid().getValue());
      assertThat(item.getTitle()).as("RSS title %d", i).isEqualTo(HostileText.title(i));
      assertThat(unescapeHtml(item.getDescription().getValue())).as("RSS description %d", i)
          .isEqualTo(HostileText.excerpt(i));
      assertThat(((DCModule) item.getModule(DCModule.URI)).getCreator()).as("dc:creator %d", i)
          .isEqualTo(HostileText.provider(i));
      assertThat(item.getCategories()).as("RSS categories %d", i)
          .anyMatch(c -> c.getValue().equals(HostileText.topic(i)));
    }
    Feed atom = wire(fetch("/feed.atom"));
    assertThat(atom.getEntries()).hasSize(TEXTS.size());
    for (Entry e : atom.getEntries()) {
      int i = HostileText.index(e.getId());
      assertThat(e.getTitleEx().getType()).as("Atom title type %d", i).isIn(null, "text");
      assertThat(e.getTitleEx().getValue()).as("Atom title %d", i).isEqualTo(HostileText.title(i));
      assertThat(e.getSummary().getType()).as("Atom summary type %d", i).isIn(null, "text");
      assertThat(e.getSummary().getValue()).as("Atom summary %d", i)
          .isEqualTo(HostileText.excerpt(i));
      assertThat(e.getAuthors().get(0).getName()).isEqualTo(HostileText.provider(i));
      assertThat(e.getCategories()).extracting(Category::getLabel)
          .contains(HostileText.topic(i));
    }
    JsonNode json = JSON.readTree(fetch("/feed.json"));
    assertThat(json.get("items")).hasSize(TEXTS.size());
    for (JsonNode item : json.get("items")) {
      int i = HostileText.index(item.get("id").asText());
      assertThat(item.get("title").asText()).isEqualTo(HostileText.title(i));
      assertThat(item.get("summary").asText()).isEqualTo(HostileText.excerpt(i));
      assertThat(item.get("authors").get(0).get("name").asText())
          .isEqualTo(HostileText.provider(i));
      assertThat(item.get("tags").get(0).asText()).isEqualTo(HostileText.topic(i));
    }
    for (int i = 0; i < TEXTS.size(); i++) {
      String title = HostileText.feedTitle(i);
      assertThat(((Channel) wire(fetch(topicPath(i, "rss")))).getTitle()).isEqualTo(title);
      Feed topic = wire(fetch(topicPath(i, "atom")));
      assertThat(topic.getTitleEx().getValue()).isEqualTo(title);
      assertThat(topic.getTitleEx().getType()).isIn(null, "text");
      assertThat(JSON.readTree(fetch(topicPath(i, "json"))).get("title").asText())
          .isEqualTo(title);
    }
  }

  @Test
  void everyCharacterIsRawUtf8AndEveryTextConstructPlainText() throws Exception {
    for (String path : List.of("/feed.rss", "/feed.atom", "/feed.json")) {
      String body = new String(fetch(path), StandardCharsets.UTF_8);
      // Emoji, CJK and the rest as themselves, never as numeric references.
      assertThat(body).as(path).contains("🚀", "👩\u200d👩\u200d👧", "人工智能", "e\u0301",
          "مرحبا", "שלום").doesNotContainIgnoringCase("&#x1f680;").doesNotContain("&#128640;");
      if (path.endsWith(".atom")) {
        // Only the content, which is HTML that we build, says type="html".
        assertThat(body.split("type=\"html\"", -1)).hasSize(TEXTS.size() + 1);
        assertThat(body).doesNotContain("<content type=\"text\"");
      }
    }
  }

  @Test
  void feedparserReadsBackEveryText() throws Exception {
    assumeTrue(Tools.pythonHas("feedparser"), "Debian's python3-feedparser is not installed");
    List<String> urls = new ArrayList<>(List.of(server.url("/feed.rss"), server.url("/feed.atom")));
    for (int i = 0; i < TEXTS.size(); i++) {
      urls.add(server.url(topicPath(i, "rss")));
      urls.add(server.url(topicPath(i, "atom")));
    }
    List<String> command = new ArrayList<>(List.of(Tools.PYTHON.toString(), "-c", FEEDPARSER));
    command.addAll(urls);
    Tools.Result result = Tools.run(dir, Map.of(), 120, command);
    assertThat(result.exit()).as("%s", result).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).as("%s", result).hasSameSizeAs(urls);
    SoftAssertions softly = new SoftAssertions();
    for (int n = 0; n < lines.size(); n++) {
      JsonNode d = JSON.readTree(lines.get(n));
      String url = urls.get(n);
      boolean rss = url.endsWith(".rss");
      softly.assertThat(d.get("bozo").asBoolean()).as("bozo for %s: %s", url, d.get("exception"))
          .isFalse();
      if (n >= 2) {
        if (rss && (n - 2) / 2 == HostileText.RSS_GUESSED_AS_HTML) {
          continue;
        }
        softly.assertThat(d.get("title").asText()).as("feed title of %s", url)
            .isEqualTo(HostileText.feedTitle((n - 2) / 2));
        continue;
      }
      softly.assertThat(d.get("entries")).as(url).hasSize(TEXTS.size());
      for (JsonNode e : d.get("entries")) {
        int i = HostileText.index(e.get("id").asText());
        if (!rss || i != HostileText.RSS_GUESSED_AS_HTML) {
          softly.assertThat(e.get("title").asText()).as("title %d in %s", i, url)
              .isEqualTo(HostileText.title(i));
        }
        softly.assertThat(e.get("author").asText()).as("author %d in %s", i, url)
            .isEqualTo(HostileText.provider(i));
        // RSS description is HTML (feedparser says so): it shows the excerpt. Atom summary
        // is plain text: the excerpt itself.
        softly.assertThat(e.get("summaryType").asText()).as("summary type %d in %s", i, url)
            .isEqualTo(rss ? "text/html" : "text/plain");
        softly.assertThat(e.get("summaryShown").asText()).as("summary %d in %s", i, url)
            .isEqualTo(HostileText.excerpt(i));
      }
    }
    softly.assertAll();
  }

  @Test
  void newsboatShowsEveryTitleAsWritten() throws Exception {
    Path newsboat = Tools.onPath("newsboat");
    assumeTrue(newsboat != null, "newsboat is not installed");
    assumeTrue(Tools.pythonHas("sqlite3"), "python3 without sqlite3");
    for (String ext : List.of("rss", "atom")) {
      // Newsboat keeps one item per guid over all feeds: one run, one cache per format.
      Path home = Files.createDirectories(dir.resolve("newsboat-" + ext));
      StringBuilder urls = new StringBuilder();
      for (int i = 0; i < TEXTS.size(); i++) {
        urls.append(server.url(topicPath(i, ext))).append('\n');
      }
      Files.writeString(home.resolve("urls"), urls);
      Files.writeString(home.resolve("config"), "reload-threads 4\n");
      Map<String, String> env = Map.of("HOME", home.toString(),
          "XDG_CONFIG_HOME", home.resolve(".config").toString(),
          "XDG_DATA_HOME", home.resolve(".local/share").toString(), "TERM", "dumb");
      Tools.Result reload = Tools.run(home, env, 60, newsboat.toString(), "-u", "urls", "-c",
          "cache.db", "-C", "config", "-x", "reload");
      assertThat(reload.exit()).as("%s", reload).isZero();
      // What newsboat shows is what its cache holds (an HTML title would be rendered into it).
      Tools.Result cache = Tools.run(home, Map.of(), 60, Tools.PYTHON.toString(), "-c",
          String.join("\n", "import sqlite3, json",
              "c = sqlite3.connect('cache.db')",
              "print(json.dumps({'items': dict(c.execute('select guid, title from rss_item')),",
              "    'feeds': dict(c.execute('select rssurl, title from rss_feed'))}))"));
      assertThat(cache.exit()).as("%s", cache).isZero();
      JsonNode shown = JSON.readTree(cache.out());
      assertThat(shown.get("items")).as("%s", cache).hasSize(TEXTS.size());
      for (int i = 0; i < TEXTS.size(); i++) {
        assertThat(shown.get("items").get(HostileText.id(i)).asText()).as("%s title %d", ext, i)
            .isEqualTo(HostileText.title(i));
        assertThat(shown.get("feeds").get(server.url(topicPath(i, ext))).asText())
            .as("%s feed title %d", ext, i).isEqualTo(HostileText.feedTitle(i));
      }
    }
  }

  @Test
  void xmllintFindsEveryFeedWellFormed() throws Exception {
    Path xmllint = Tools.onPath("xmllint");
    assumeTrue(xmllint != null, "xmllint (libxml2-utils) is not installed");
    Path bodies = Files.createDirectories(dir.resolve("xmllint"));
    List<String> command = new ArrayList<>(List.of(xmllint.toString(), "--noout", "--nonet"));
    List<String> paths = new ArrayList<>(List.of("/feed.rss", "/feed.atom"));
    for (int i = 0; i < TEXTS.size(); i++) {
      paths.add(topicPath(i, "rss"));
      paths.add(topicPath(i, "atom"));
    }
    for (int n = 0; n < paths.size(); n++) {
      Path file = bodies.resolve(n + ".xml");
      Files.write(file, fetch(paths.get(n)));
      command.add(file.toString());
    }
    Tools.Result result = Tools.run(bodies, Map.of(), 60, command);
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.err()).as("%s", result).isEmpty();
  }
}
