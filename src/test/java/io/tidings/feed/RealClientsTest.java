package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.article.Article;
import io.tidings.feed.SampleFeeds.Route;
import io.tidings.testing.TidingsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real feed clients read what we serve: Debian's python3-feedparser, xmllint and newsboat.
 * Each test is skipped only when its tool is absent (.ci/run installs them).
 */
@TidingsServer
class RealClientsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FEEDPARSER = String.join("\n",
      "import feedparser, json, sys",
      "for u in sys.argv[1:]:",
      "    d = feedparser.parse(u)",
      "    print(json.dumps({'url': u, 'bozo': bool(d.bozo),",
      "        'exception': repr(d.get('bozo_exception')) if d.bozo else None,",
      "        'version': d.version, 'titles': [e.get('title') for e in d.entries],",
      "        'ids': [e.get('id') for e in d.entries],",
      "        'links': [e.get('link') for e in d.entries]}))");

  @TempDir static Path dir;
  static TestServer server;

  /** Every RSS and Atom route over the sample content. */
  static List<Route> xmlRoutes() {
    List<Route> out = new ArrayList<>();
    out.addAll(SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.RSS));
    out.addAll(SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.ATOM));
    return out;
  }

  @Test
  void feedparserReadsEveryFeedWithoutComplaint() throws Exception {
    assumeTrue(Tools.pythonHas("feedparser"), "Debian's python3-feedparser is not installed");
    List<Route> routes = xmlRoutes();
    List<String> command = new ArrayList<>(List.of(Tools.PYTHON.toString(), "-c", FEEDPARSER));
    routes.forEach(r -> command.add(server.url(r.path())));
    Tools.Result result = Tools.run(dir, Map.of(), 120, command);
    assertThat(result.exit()).as("%s", result).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).as("%s", result).hasSameSizeAs(routes);
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      JsonNode parsed = JSON.readTree(lines.get(i));
      List<Article> expected = route.expected(server);
      assertThat(parsed.get("bozo").asBoolean()).as("bozo for %s: %s", route,
          parsed.get("exception")).isFalse();
      assertThat(parsed.get("version").asText()).as("%s", route)
          .isEqualTo(route.format() == FeedFormat.RSS ? "rss20" : "atom10");
      assertThat(texts(parsed.get("titles"))).as("titles of %s", route)
          .containsExactlyElementsOf(expected.stream().map(Article::title).toList());
      assertThat(texts(parsed.get("ids"))).as("ids of %s", route)
          .containsExactlyElementsOf(expected.stream().map(Article::id).toList());
      assertThat(texts(parsed.get("links"))).as("links of %s", route)
          .containsExactlyElementsOf(expected.stream().map(Article::webUrl).toList());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
    return out;
  }

  @Test
  void xmllintFindsEveryFeedWellFormed() throws Exception {
    Path xmllint = Tools.onPath("xmllint");
    assumeTrue(xmllint != null, "xmllint (libxml2-utils) is not installed");
    Path bodies = Files.createDirectories(dir.resolve("xmllint"));
    List<String> command = new ArrayList<>(List.of(xmllint.toString(), "--noout", "--nonet"));
    int n = 0;
    for (Route route : xmlRoutes()) {
      Path file = bodies.resolve((n++) + "." + route.format().extension() + ".xml");
      Files.write(file, SampleFeeds.fetch(server, route));
      command.add(file.toString());
    }
    Tools.Result result = Tools.run(bodies, Map.of(), 60, command);
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.err()).as("%s", result).isEmpty();
    // and it does complain about a broken document: the check can fail
    Path broken = bodies.resolve("broken.xml");
    Files.writeString(broken, "<rss version=\"2.0\"><channel><title>a & b</title></channel></rss>");
    assertThat(Tools.run(bodies, Map.of(), 60, xmllint.toString(), "--noout", broken.toString())
        .exit()).isNotZero();
  }

  @Test
  void newsboatShowsEveryItemOnce() throws Exception {
    Path newsboat = Tools.onPath("newsboat");
    assumeTrue(newsboat != null, "newsboat is not installed");
    Path home = Files.createDirectories(dir.resolve("newsboat-home"));
    List<Route> feeds = List.of(
        Route.topic(FeedFormat.RSS, "ai", ""),
        Route.provider(FeedFormat.ATOM, "theregister.com", ""),
        Route.topic(FeedFormat.ATOM, SampleFeeds.AI_CJK, ""),
        Route.topic(FeedFormat.RSS, "space", ""),
        Route.all(FeedFormat.RSS, "q=chip"));
    // Newsboat keeps one copy of an item per guid, across feeds: count each article once.
    Set<String> visible = new LinkedHashSet<>();
    StringBuilder urls = new StringBuilder();
    for (Route r : feeds) {
      r.expected(server).forEach(a -> visible.add(a.id()));
      urls.append(server.url(r.path())).append('\n');
    }
    assertThat(visible).hasSizeBetween(10, 33);
    Files.writeString(home.resolve("urls"), urls);
    Files.writeString(home.resolve("config"), "reload-threads 4\n");
    Map<String, String> env = Map.of("HOME", home.toString(),
        "XDG_CONFIG_HOME", home.resolve(".config").toString(),
        "XDG_DATA_HOME", home.resolve(".local/share").toString(), "TERM", "dumb");
    String[] base = {newsboat.toString(), "-u", "urls", "-c", "cache.db", "-C", "config"};
    Tools.Result reload = Tools.run(home, env, 60, concat(base, "-x", "reload"));
    assertThat(reload.exit()).as("%s", reload).isZero();
    assertThat(reload.out() + reload.err()).as("%s", reload).doesNotContainIgnoringCase("error");
    Tools.Result unread = Tools.run(home, env, 60, concat(base, "-x", "print-unread"));
    assertThat(unread.exit()).as("%s", unread).isZero();
    Matcher m = Pattern.compile("(\\d+) unread articles?").matcher(unread.out());
    assertThat(m.find()).as("%s", unread).isTrue();
    assertThat(Integer.parseInt(m.group(1))).as("unread items in newsboat").isEqualTo(
        visible.size());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
