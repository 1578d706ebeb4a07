package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.testing.StandardStreams;
import io.tidings.testing.Articles;
import io.tidings.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * docs/format.md: {@code secured} never appears in any output or log. A corpus of the sample
 * articles plus files whose {@code secured} values are canaries in every YAML shape (scalar,
 * quoted with escapes, block, nested map, list, flow style, a syntax error inside it, in a
 * subfolder, in a draft, in a duplicate, changed while the server runs) is served with the
 * access log on and every log line captured; then every endpoint and format is fetched
 * (discovered from the API, as a crawler would), plain and gzip, as a feed reader and as a
 * browser, and {@code check} is run over the same directory. No canary, prefix of one or
 * base64 form of one may appear anywhere, and no search may find an article by it.
 */
class NoLeakTest {
  /** Every canary starts with this, so any piece of one is easy to spot. */
  private static final String MARK = "QZXCANARY";
  /**
   * Endpoints read over a socket for a bounded time while articles change: the event
   * streams, which never end (and a feed, which does). Add any new streaming endpoint here.
   */
  static final List<String> STREAMS = List.of("/events", "/events?topic=probe-later",
      "/events?q=probe", "/feed.atom");
  private static final long STREAM_READ_MS = 3000;

  @TempDir static Path dir;
  static Path content;
  static TestServer server;
  static final List<String> canaries = new ArrayList<>();
  static final List<String> sampleSecured = new ArrayList<>();
  static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  static final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  static Level rootLevel;
  static int fetched;

  private static String canary(String shape) {
    String c = MARK + canaries.size() + shape.replaceAll("[^A-Za-z]", "") + "x"
        + Integer.toHexString(("salt" + canaries.size() + shape).hashCode() & 0xfffffff);
    canaries.add(c);
    return c;
  }

  /** The head of an article file without its secured part. */
  private static String head(int i, String topic) {
    return "---\ntitle: \"Leak probe " + i + "\"\npublishedDateTime: 2023-11-0" + (1 + i % 9)
        + "T10:00:00Z\noriginalUrl: \"https://probe.example.org/a/" + i + "\"\n"
        + "excerpt: \"Probe article number " + i + "\"\n"
        + "provider:\n  name: \"Probe " + (i % 4) + "\"\n  domain: probe" + (i % 4) + ".example.org\n"
        + "topics:\n  - \"" + topic + "\"\n  - \"Probe All\"\n";
  }

  /** YAML shapes of secured, each a function of a fresh canary. */
  private static List<String> shapes() {
    return List.of(
        "secured: " + canary("plain") + "\n",
        "secured: \"" + canary("dq") + "\\n\\t\\u00e9 \\\"quoted\\\" \\x41\"\n",
        "secured: '" + canary("sq") + " it''s'\n",
        "secured: |\n  " + canary("literal") + "\n  second " + canary("literal2") + "\n",
        "secured: >-\n  " + canary("folded") + "\n  folded on\n",
        "secured:\n  blob: " + canary("map") + "\n  iv: \"" + canary("mapiv") + "\"\n",
        "secured:\n  - " + canary("list") + "\n  - {k: " + canary("listmap") + "}\n",
        "secured: {blob: " + canary("flowmap") + ", n: 1}\n",
        "secured: [" + canary("flowlist") + ", 2]\n",
        "secured: !!binary " + Base64.getEncoder().encodeToString(
            canary("binary").getBytes(StandardCharsets.US_ASCII)) + "\n",
        "secured: !!str " + canary("tagged") + "\n",
        "secured: &anchor " + canary("anchored") + "\n",
        "secured:\n\n  " + canary("blankline") + "\n",
        "secured:    " + canary("spaces") + "    # a comment " + canary("comment") + "\n",
        "secured: " + canary("long") + "x".repeat(5000) + "\n",
        "secured: \"" + canary("unicode") + " 人工智能 é \\u2028\"\n",
        "related:\n  - title: Other\n    webUrl: https://other.example.org/x\n    secured: "
            + canary("related") + "\n");
  }

  /** Shapes that break the file, the error being on or inside the secured value. */
  private static List<String> brokenShapes() {
    return List.of(
        "secured: \"" + canary("unclosed") + "\n",
        "secured: " + canary("colon") + ": more\n",
        "secured: [" + canary("unclosedlist") + "\n",
        "secured: {" + canary("unclosedmap") + "\n",
        "secured: \"" + canary("badescape") + "\\q\"\n",
        "secured: |" + canary("badblock") + "\n",
        "secured: " + canary("twice") + "\nsecured: " + canary("twice2") + "\n",
        "\tsecured: " + canary("tab") + "\n",
        "secured: '" + canary("afterquote") + "'x'\n",
        "secured: " + canary("beforebaddate") + "\npublishedDateTime: yesterday\n");
  }

  @BeforeAll
  static void start() throws Exception {
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE); // every line any level would write
    logs.start();
    root.addAppender(logs);

    content = TestServer.copySample(Files.createDirectories(dir.resolve("content")));
    try (Stream<Path> files = Files.walk(content)) {
      Pattern secured = Pattern.compile("(?m)^secured:\\s*\"?([^\"\\n]+)\"?\\s*$");
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Matcher m = secured.matcher(Files.readString(p, StandardCharsets.UTF_8));
        while (m.find()) {
          sampleSecured.add(m.group(1));
        }
      }
    }
    int i = 0;
    for (String shape : shapes()) {
      Articles.write(content, (i % 3 == 0 ? "sub/deeper/" : "") + "probe-" + i + ".txt",
          head(i, "Probe " + (i % 5)) + shape + "---\n");
      i++;
    }
    for (String shape : brokenShapes()) {
      Articles.write(content, "broken/probe-" + i + ".txt", head(i, "Probe Broken") + shape
          + "---\n");
      i++;
    }
    Articles.write(content, "draft.txt", head(i++, "Probe Draft") + "published: false\nsecured: "
        + canary("draft") + "\n---\n");
    // The same identity twice: the conflict is reported in /status.
    Articles.write(content, "dup-a.txt", head(900, "Probe Dup") + "secured: " + canary("dupa")
        + "\n---\n");
    Articles.write(content, "dup-b.txt", head(900, "Probe Dup").replace("2023-11-01",
        "2023-11-02") + "secured: " + canary("dupb") + "\n---\n");
    Articles.write(content, "turns-bad.txt", head(901, "Probe Later") + "secured: "
        + canary("before") + "\n---\n");

    // Drafts served too, so that every file goes through every renderer.
    server = TestServer.start(content, Map.of("http.accessLog", "true",
        "content.includeUnpublished", "true"));
    // While running: a new file, a good file turning bad (stale), a broken one.
    Articles.write(content, "later/new.txt", head(902, "Probe Later") + "secured: "
        + canary("later") + "\n---\n");
    Articles.write(content, "turns-bad.txt", head(901, "Probe Later") + "secured: \""
        + canary("nowbroken") + "\n---\n");
    Articles.write(content, "later/broken.txt", head(903, "Probe Later") + "secured: {"
        + canary("laterbroken") + "\n---\n");
    await("the changes to be served").atMost(Duration.ofSeconds(10)).until(() -> {
      try {
        String status = server.text("/status");
        return server.text("/api/articles?topic=probe-later").contains("/a/902\"")
            && status.contains("turns-bad.txt") && status.contains("later/broken.txt");
      } catch (IOException | InterruptedException e) {
        return false;
      }
    });
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      root.detachAppender(logs);
      root.setLevel(rootLevel);
    }
  }

  /** Everything that must never be seen: each canary, a prefix of it, its base64. */
  private static Set<String> forbidden() {
    Set<String> out = new LinkedHashSet<>();
    out.add(MARK);
    out.add("SECRET"); // the sample files' secured values hold it; nothing else does
    out.add(Base64.getEncoder().encodeToString(MARK.getBytes(StandardCharsets.US_ASCII))
        .substring(0, 8));
    for (String c : canaries) {
      out.add(c.substring(MARK.length())); // the unique rest, alone
      out.add(Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.US_ASCII))
          .substring(0, 16));
    }
    for (String s : sampleSecured) {
      out.add(s.substring(0, 16));
      out.add(s.substring(s.length() - 16));
    }
    return out;
  }

  private static void assertClean(String where, String text) {
    for (String f : forbidden()) {
      assertThat(text).as("%s must not contain %s", where, f).doesNotContain(f);
    }
  }

  private static String body(HttpResponse<byte[]> r) throws IOException {
    byte[] b = r.body();
    if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
        b = in.readAllBytes();
      }
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private static final List<Map<String, String>> CLIENTS = List.of(
      Map.of(),
      Map.of("Accept-Encoding", "gzip", "Accept",
          "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));

  /** Fetches as each kind of client, checks every header and body; returns the plain body. */
  private static String fetch(String path) throws Exception {
    String plain = null;
    for (Map<String, String> client : CLIENTS) {
      HttpResponse<byte[]> r = server.get(path, client);
      fetched++;
      String text = body(r);
      assertClean(path + " " + client + " (" + r.statusCode() + ")",
          r.headers().map() + "\n" + text);
      plain = plain == null ? text : plain;
    }
    return plain;
  }

  @Test
  void theCorpusReallyCarriesTheCanaries() throws Exception {
    assertThat(canaries).hasSizeGreaterThan(30);
    assertThat(sampleSecured).hasSizeGreaterThan(30);
    try (Stream<Path> files = Files.walk(content)) {
      long withMark = files.filter(Files::isRegularFile).filter(p -> {
        try {
          return Files.readString(p).contains(MARK) || Files.readString(p).contains(
              Base64.getEncoder().encodeToString(MARK.getBytes(StandardCharsets.US_ASCII))
                  .substring(0, 8));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).count();
      assertThat(withMark).isGreaterThanOrEqualTo(shapes().size() + brokenShapes().size());
    }
    // The good probes are served, the broken ones reported: the canaries went through it all.
    String status = server.text("/status");
    assertThat(status).contains("broken/probe-" + shapes().size() + ".txt");
    assertThat(server.text("/api/articles?topic=probe-all&limit=500"))
        .contains("/a/0\"", "/a/" + (shapes().size() - 1) + "\"");
  }

  @Test
  void noEndpointFormatOrLogEverShowsOne() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> paths = new ArrayList<>(List.of("/", "/opml", "/opml?by=provider",
        "/opml?format=atom", "/opml?by=provider&format=json", "/api/topics", "/api/providers",
        "/status", "/health", "/metrics", "/assets/feed.xsl", "/nowhere", "/feed.xml",
        "/feed.rss?limit=abc", "/feed.rss?minQuality=x", "/api/articles?offset=-1",
        "/opml?by=nothing", "/topics/%ff/feed.rss", "/topics/no-such-topic",
        "/feed.rss?limit=500", "/feed.json?category=tech,business,news",
        "/topics/AI/feed.atom?minQuality=1", "/providers/probe1.example.org/feed.json"));
    for (String f : List.of("rss", "atom", "json")) {
      paths.add("/feed." + f);
    }
    for (String facet : List.of("topics", "providers")) {
      JsonNode list = json.readTree(fetch("/api/" + facet)).get(facet);
      assertThat(list.size()).as(facet).isGreaterThan(5);
      for (JsonNode item : list) {
        String key = java.net.URLEncoder.encode(item.get("key").asText(),
            StandardCharsets.UTF_8).replace("+", "%20");
        paths.add("/" + facet + "/" + key);
        for (String f : List.of("rss", "atom", "json")) {
          paths.add("/" + facet + "/" + key + "/feed." + f);
        }
        paths.add("/api/articles?" + facet.substring(0, facet.length() - 1) + "=" + key);
      }
    }
    for (String path : paths) {
      fetch(path);
    }
    // Paging through every article, two at a time, following next.
    String next = server.url("/api/articles?limit=2");
    int pages = 0;
    while (next != null) {
      JsonNode page = json.readTree(fetch(next.substring(server.url("").length())));
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }
    assertThat(pages).isGreaterThan(20);
    // Searching for a canary finds nothing: secured is not even searchable. (The answer
    // echoes the query, so it is not searched for canaries itself.)
    for (String c : List.of(canaries.get(0), canaries.get(3), MARK)) {
      JsonNode found = json.readTree(server.text("/api/articles?q=" + c));
      assertThat(found.get("articles").size()).as("articles found by " + c).isZero();
    }
    // Streams, open while articles with secured values are added and changed.
    List<RawHttp> streams = new ArrayList<>();
    try {
      for (String stream : STREAMS) {
        RawHttp http = new RawHttp(server.port(), 64 * 1024);
        streams.add(http);
        http.send(stream);
        String head = http.readHead(); // the stream is open: what follows is live
        assertThat(head).as(stream).startsWith("HTTP/1.1 200");
        assertClean(stream, head);
      }
      Articles.write(content, "later/streamed.txt", head(904, "Probe Later") + "secured: "
          + canary("streamed") + "\n---\n");
      Articles.write(content, "later/new.txt", head(902, "Probe Later").replace("Probe article",
          "Changed probe article") + "secured:\n  - " + canary("changed") + "\n---\n");
      for (int i = 0; i < STREAMS.size(); i++) {
        String got = streams.get(i).readFor(STREAM_READ_MS);
        if (STREAMS.get(i).startsWith("/events")) {
          assertThat(got).as(STREAMS.get(i)).contains("event: added", "/a/904");
        }
        assertClean(STREAMS.get(i), got);
        fetched++;
      }
    } finally {
      for (RawHttp http : streams) {
        http.close();
      }
    }
    assertThat(fetched).isGreaterThan(300);

    // check over the same directory: stdout and stderr.
    StandardStreams.Run run =
        StandardStreams.both(() -> Main.run(new String[] {"check", content.toString()}));
    int exit = run.exit();
    String checked = run.printed();
    assertThat(exit).isEqualTo(1);
    assertThat(checked).contains("broken/probe-" + shapes().size() + ".txt:");
    assertClean("check output", checked);

    List<String> lines = logLines();
    assertThat(lines).anyMatch(l -> l.contains("GET /topics/probe-all/feed.rss 200"));
    assertThat(lines).anyMatch(l -> l.contains("broken/probe-"));
    assertClean("the log", String.join("\n", lines));
  }

  /** Every captured event as text: message, arguments, exceptions with their causes. */
  private static List<String> logLines() {
    List<ILoggingEvent> events;
    synchronized (logs) {
      events = new ArrayList<>(logs.list);
    }
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : events) {
      out.add(e.getFormattedMessage());
      if (e.getArgumentArray() != null) {
        for (Object arg : e.getArgumentArray()) {
          out.add(String.valueOf(arg));
        }
      }
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        out.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    return out;
  }
}
