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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3C feed validator (github.com/w3c/feedvalidator) finds no error and no warning in any
 * RSS or Atom route over the sample content. Runs when TIDINGS_FEEDVALIDATOR names the
 * checkout's {@code src} folder (the one with demo.py); skipped otherwise.
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

  @TempDir Path dir;

  @Test
  void everyRssAndAtomRouteValidatesClean() throws Exception {
    String src = System.getenv("TIDINGS_FEEDVALIDATOR");
    assumeTrue(src != null && !src.isBlank(), "TIDINGS_FEEDVALIDATOR is not set");
    Path fv = Path.of(src);
    assumeTrue(Files.isRegularFile(fv.resolve("demo.py")), "no demo.py in " + fv);
    assumeTrue(Files.isExecutable(Tools.PYTHON), "no " + Tools.PYTHON);
    try (TestServer server = TestServer.start(SampleFeeds.copySample(dir.resolve("content")),
        Map.of("feeds.language", "en"))) {
      List<Route> routes = new ArrayList<>();
      routes.addAll(SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.RSS));
      routes.addAll(SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.ATOM));
      // demo.py's own calls, for many URLs in one process: importing the validator and
      // setting up its TLS context cost more than validating one feed.
      List<List<String>> chunks = List.of(new ArrayList<>(), new ArrayList<>());
      for (int i = 0; i < routes.size(); i++) {
        chunks.get(i % chunks.size()).add(server.url(routes.get(i).path()));
      }
      ExecutorService pool = Executors.newFixedThreadPool(chunks.size());
      try {
        List<Future<Tools.Result>> results = new ArrayList<>();
        for (List<String> urls : chunks) {
          List<String> command = new ArrayList<>(List.of(Tools.PYTHON.toString(), "-c", BATCH));
          command.addAll(urls);
          results.add(pool.submit(() -> Tools.run(fv, Map.of(), 300, command)));
        }
        List<String> complaints = new ArrayList<>();
        int validated = 0;
        for (Future<Tools.Result> f : results) {
          Tools.Result r = f.get(330, TimeUnit.SECONDS);
          assertThat(r.exit()).as("%s", r).isZero();
          for (String line : r.out().lines().toList()) {
            JsonNode report = JSON.readTree(line);
            validated++;
            if (!report.get("messages").isEmpty()) {
              complaints.add(report.get("url").asText() + ": " + report.get("messages"));
            }
          }
        }
        assertThat(validated).as("feeds validated").isEqualTo(routes.size());
        assertThat(complaints).as("W3C feed validator").isEmpty();
      } finally {
        pool.shutdownNow();
      }
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
}
