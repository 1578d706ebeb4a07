package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.feed.SampleFeeds.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3C feed validator (github.com/w3c/feedvalidator) finds no error and no warning in any
 * RSS or Atom route over the sample content and over hostile text, but the one warning that
 * plain text with an HTML end tag earns. Runs when the environment variable
 * TIDINGS_FEEDVALIDATOR names a checkout's {@code src} folder (the one with demo.py; it needs
 * Debian's python3-lxml, python3-html5lib and python3-rdflib); skipped otherwise.
 */
class W3cFeedValidatorTest {
  private static final String OK = "No errors or warnings";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What demo.py does for one URL (validateURL, the "AA" filter, the text formatter), per URL. */
  private static final String BATCH = String.join("\n",
      "import sys, json, os",
      "sys.path.insert(0, os.getcwd())",
      "import urllib.request",
      "import feedvalidator",
      "from feedvalidator import compatibility",
      "from feedvalidator.formatter.text_plain import Formatter",
      "for link in sys.argv[1:]:",
      "    try:",
      "        events = feedvalidator.validateURL(link, firstOccurrenceOnly=1)['loggedEvents']",
      "    except feedvalidator.logging.ValidationFailure as vf:",
      "        events = [vf.event]",
      "    out = Formatter(compatibility.AA(events))",
      "    print(json.dumps({'url': link, 'messages': list(out)}))");

  /**
   * The one warning that plain text can earn: the validator guesses HTML from an end tag of an
   * HTML element in it ("a <b>bold</b> move"), whatever the encoding. Readers show such text
   * as written (FeedTextReadBackTest); declaring it HTML would make them show entities.
   */
  private static final Pattern GUESSED_HTML = Pattern.compile(
      "line \\d+, column \\d+: (title|summary|name|label|category|source)"
      + " should not contain HTML"
      + "( unless declared in the type attribute)?( \\(\\d+ occurrences\\))?");
  private static final Pattern END_TAG = Pattern.compile("</[A-Za-z][A-Za-z0-9]*>");

  @TempDir Path dir;

  /** The checkout's src folder, or a skipped test. */
  private static Path validator() {
    String src = System.getenv("TIDINGS_FEEDVALIDATOR");
    assumeTrue(src != null && !src.isBlank(), "TIDINGS_FEEDVALIDATOR is not set");
    Path fv = Path.of(src);
    assumeTrue(Files.isRegularFile(fv.resolve("demo.py")), "no demo.py in " + fv);
    assumeTrue(Files.isExecutable(Tools.PYTHON), "no " + Tools.PYTHON);
    return fv;
  }

  /** What the validator says of each URL (an empty list: nothing), in two processes. */
  private static Map<String, List<String>> validate(Path fv, List<String> urls)
      throws Exception {
    // demo.py's own calls, for many URLs in one process: importing the validator and
    // setting up its TLS context cost more than validating one feed.
    List<List<String>> chunks = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < urls.size(); i++) {
      chunks.get(i % chunks.size()).add(urls.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(chunks.size());
    try {
      List<Future<Tools.Result>> results = new ArrayList<>();
      for (List<String> part : chunks) {
        List<String> command = new ArrayList<>(List.of(Tools.PYTHON.toString(), "-c", BATCH));
        command.addAll(part);
        results.add(pool.submit(() -> Tools.run(fv, Map.of(), 300, command)));
      }
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Future<Tools.Result> f : results) {
        Tools.Result r = f.get(330, TimeUnit.SECONDS);
        assertThat(r.exit()).as("%s", r).isZero();
        for (String line : r.out().lines().toList()) {
          JsonNode report = JSON.readTree(line);
          List<String> messages = new ArrayList<>();
          report.get("messages").forEach(m -> messages.add(m.asText()));
          out.put(report.get("url").asText(), messages);
        }
      }
      assertThat(out.keySet()).as("feeds validated").containsExactlyInAnyOrderElementsOf(urls);
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Complaints but the guessed-HTML warning where {@code endTags} says the text has one. */
  private static List<String> complaints(Map<String, List<String>> reports,
      Map<String, Boolean> endTags) {
    List<String> out = new ArrayList<>();
    reports.forEach((url, messages) -> {
      for (String m : messages) {
        if (!(endTags.get(url) && GUESSED_HTML.matcher(m).matches())) {
          out.add(url + ": " + m);
        }
      }
    });
    return out;
  }

  private static boolean hasEndTag(List<io.tidings.article.Article> items) {
    return items.stream().anyMatch(a -> END_TAG.matcher(a.title()).find()
        || (a.excerpt() != null && END_TAG.matcher(a.excerpt()).find()));
  }

  @Test
  void everyRssAndAtomRouteValidatesClean() throws Exception {
    Path fv = validator();
    try (TestServer server = TestServer.start(SampleFeeds.copySample(dir.resolve("content")),
        Map.of("feeds.language", "en"))) {
      List<Route> routes = new ArrayList<>();
      routes.addAll(SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.RSS));
      routes.addAll(SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.ATOM));
      Map<String, Boolean> endTags = new LinkedHashMap<>();
      for (Route r : routes) {
        endTags.put(server.url(r.path()), hasEndTag(r.expected(server)));
      }
      Map<String, List<String>> reports = validate(fv, new ArrayList<>(endTags.keySet()));
      assertThat(complaints(reports, endTags)).as("W3C feed validator").isEmpty();
      // The sample has an excerpt with "<b>markup</b>" typed in it: the allowance is used.
      assertThat(reports.values()).anyMatch(m -> !m.isEmpty());
      // The validator can fail: a feed with a bad date and no description is refused.
      Path broken = dir.resolve("broken.rss");
      Files.writeString(broken, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
          + "<channel><title>t</title><link>https://x.org/</link><item><title>a</title>"
          + "<pubDate>2023-09-04T07:15:00Z</pubDate></item></channel></rss>\n");
      Tools.Result refused = Tools.run(fv, Map.of(), 120, Tools.PYTHON.toString(), "demo.py",
          broken.toAbsolutePath().toString());
      assertThat(refused.out()).doesNotContain(OK).contains("RFC-822")
          .contains("Missing channel element: description");
    }
  }

  /** Hostile titles, excerpts, topic and provider names: plain text the validator accepts. */
  @Test
  void hostileTextValidatesClean() throws Exception {
    Path fv = validator();
    try (TestServer server = TestServer.start(HostileText.content(dir.resolve("hostile")))) {
      Map<String, Boolean> endTags = new LinkedHashMap<>();
      for (String ext : List.of("rss", "atom")) {
        endTags.put(server.url("/feed." + ext), true);
        for (int i = 0; i < HostileText.TEXTS.size(); i++) {
          endTags.put(server.url("/topics/" + Scope.pathSegment(HostileText.topicKey(i))
              + "/feed." + ext), END_TAG.matcher(HostileText.TEXTS.get(i)).find());
        }
      }
      assertThat(endTags.values()).contains(false, true);
      assertThat(complaints(validate(fv, new ArrayList<>(endTags.keySet())), endTags))
          .as("W3C feed validator").isEmpty();
    }
  }
}
