package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.testing.RawHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold connections rather than use them: a head trickled a byte at a time
 * (slowloris) is cut by http.headerTimeout on a new connection and by http.keepAliveTimeout on
 * a kept-alive one, although bytes keep arriving (so the idle time-out never fires); a
 * kept-alive connection stays open at least as long as its responses promise
 * ({@code Keep-Alive: timeout}); connections over http.maxConnections are closed at once,
 * counted over every event loop together.
 */
@Tag("slow")
class SlowClientsTest {
  private static final long HEADER_TIMEOUT_MS = 1000;
  private static final long KEEP_ALIVE_MS = 3000;

  @TempDir Path dir;
  private TestServer server;
  private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
  private final List<RawHttp> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    trickler.shutdownNow();
    for (RawHttp s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private TestServer start(Map<String, String> settings) throws Exception {
    Path content = TestServer.copySample(Files.createDirectories(dir.resolve("content")));
    server = TestServer.start(content, settings);
    return server;
  }

  private RawHttp connect() throws IOException {
    RawHttp s = new RawHttp(server.port(), 64 * 1024);
    sockets.add(s);
    return s;
  }

  /** Writes one byte of a header value every 100 ms until the socket refuses; counts them. */
  private AtomicInteger trickle(RawHttp s) {
    AtomicInteger sent = new AtomicInteger();
    trickler.scheduleAtFixedRate(() -> {
      try {
        s.write("a");
        sent.incrementAndGet();
      } catch (IOException closed) {
        throw new RuntimeException(closed); // ends this schedule
      }
    }, 100, 100, TimeUnit.MILLISECONDS);
    return sent;
  }

  /** Asserts the server closes {@code s} near {@code deadlineMs}, while bytes still arrive. */
  private void assertCutAt(long deadlineMs, RawHttp s, long startNanos, AtomicInteger sent)
      throws IOException {
    assertThat(s.closedWithin(10_000)).as("closed by the server").isTrue();
    long tookMs = (System.nanoTime() - startNanos) / 1_000_000;
    assertThat(tookMs).as("ms until closed").isBetween(deadlineMs - 200, deadlineMs + 4000);
    // Bytes kept arriving, and the idle time-out is 60 s: the head deadline cut it.
    assertThat(sent.get()).as("bytes trickled in the %d ms before the cut", tookMs)
        .isPositive();
  }

  private TestServer startWithDeadlines() throws Exception {
    return start(Map.of("http.headerTimeout", HEADER_TIMEOUT_MS + "ms",
        "http.keepAliveTimeout", KEEP_ALIVE_MS + "ms", "http.idleTimeout", "60s"));
  }

  /** One request on {@code s}, whole and at once; returns the response head. */
  private static String exchange(RawHttp s) throws IOException {
    s.send("/health");
    String head = s.readHead();
    assertThat(head).as("a response").isNotNull();
    s.readBody(RawHttp.contentLength(head));
    assertThat(RawHttp.status(head)).isEqualTo(200);
    return head;
  }

  @Test
  void aHeadTrickledAByteAtATimeIsCutAtTheDeadline() throws Exception {
    startWithDeadlines();
    RawHttp s = connect();
    long start = System.nanoTime();
    s.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    AtomicInteger sent = trickle(s);
    assertCutAt(HEADER_TIMEOUT_MS, s, start, sent);
    // Meanwhile and afterwards, everyone else is served.
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.metric("tidings_http_connections_head_timeouts_total")).isEqualTo(1.0);
  }

  @Test
  void aKeptAliveConnectionGetsTheKeepAliveDeadlineForItsNextHead() throws Exception {
    startWithDeadlines();
    RawHttp s = connect();
    exchange(s); // answered, the connection stays open
    // The deadline runs from the end of the response, a moment before this.
    long start = System.nanoTime();
    s.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    AtomicInteger sent = trickle(s);
    assertCutAt(KEEP_ALIVE_MS, s, start, sent);
    assertThat(server.metric("tidings_http_connections_keepalive_expired_total"))
        .isEqualTo(1.0);
  }

  @Test
  void anIdleKeptAliveConnectionLastsAtLeastWhatTheResponsePromised() throws Exception {
    startWithDeadlines();
    RawHttp s = connect();
    String head = exchange(s);
    long start = System.nanoTime();
    // 3 s less a margin of 1 s: the whole seconds a client may keep the connection idle.
    assertThat(head).containsIgnoringCase("\r\nKeep-Alive: timeout=2\r\n");
    long promisedMs = 2000;
    assertThat(s.closedWithin(promisedMs - 100)).as("closed before the promised time").isFalse();
    exchange(s); // used at the end of the promise: still served, and the deadline starts anew
    long again = System.nanoTime();
    assertThat(s.closedWithin(KEEP_ALIVE_MS + 4000)).as("closed at last").isTrue();
    assertThat((System.nanoTime() - again) / 1_000_000).isBetween(KEEP_ALIVE_MS - 200,
        KEEP_ALIVE_MS + 4000);
    assertThat((again - start) / 1_000_000).isGreaterThanOrEqualTo(promisedMs - 100);
  }

  @Test
  void byDefaultResponsesPromise25SecondsOfTheThirty() throws Exception {
    start(Map.of());
    RawHttp s = connect();
    assertThat(exchange(s)).containsIgnoringCase("\r\nKeep-Alive: timeout=25\r\n");
    // Every kind of answer: a feed, a 304, an error.
    s.send("/feed.atom");
    String feed = s.readHead();
    s.readBody(RawHttp.contentLength(feed));
    assertThat(feed).startsWith("HTTP/1.1 200").containsIgnoringCase("Keep-Alive: timeout=25");
    s.send("/no/such/page");
    String missing = s.readHead();
    s.readBody(RawHttp.contentLength(missing));
    assertThat(missing).startsWith("HTTP/1.1 404").containsIgnoringCase("Keep-Alive: timeout=25");
  }

  @Test
  void noKeepAliveIsPromisedWhenTheConnectionCloses() throws Exception {
    startWithDeadlines();
    RawHttp s = connect();
    s.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    String response = s.readToEnd();
    assertThat(response).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("keep-alive:");
    RawHttp old = connect();
    old.write("GET /health HTTP/1.0\r\nHost: x\r\n\r\n");
    assertThat(old.readToEnd()).startsWith("HTTP/1.0 200")
        .doesNotContainIgnoringCase("keep-alive: timeout");
    // A refusal that closes the connection (a body is never read) promises nothing either.
    RawHttp body = connect();
    body.write("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    assertThat(body.readToEnd()).startsWith("HTTP/1.1 413").containsIgnoringCase(
        "Connection: close").doesNotContainIgnoringCase("keep-alive:");
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAtTheDeadline() throws Exception {
    startWithDeadlines();
    RawHttp s = connect();
    long start = System.nanoTime();
    assertThat(s.closedWithin(10_000)).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(HEADER_TIMEOUT_MS - 200,
        HEADER_TIMEOUT_MS + 4000);
  }

  @Test
  void connectionsOverTheLimitAreClosedCountingEveryEventLoop() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort(); // a fixed port, so that two event loops serve it
    }
    start(Map.of("http.port", Integer.toString(port), "http.eventLoops", "2",
        "http.maxConnections", "3"));
    List<RawHttp> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RawHttp s = connect();
      s.send("/health");
      String head = s.readHead();
      assertThat(RawHttp.status(head)).isEqualTo(200);
      s.readBody(RawHttp.contentLength(head));
      held.add(s);
    }
    // Spread over two loops (2 + 1), a per-loop count would let this one in.
    RawHttp fourth = connect();
    assertThat(fourth.closedWithin(5_000)).as("the 4th connection is closed").isTrue();
    // The three held ones still work.
    for (RawHttp s : held) {
      s.send("/health");
      assertThat(RawHttp.status(s.readHead())).isEqualTo(200);
    }
    // One closes: a new connection is served again.
    held.get(0).close();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      try (RawHttp again = new RawHttp(server.port(), 64 * 1024)) {
        again.send("/health");
        String head = again.readHead();
        assertThat(head).isNotNull();
        assertThat(RawHttp.status(head)).isEqualTo(200);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    // The 4th, and any tried while the close of the first was on its way.
    assertThat(server.metric("tidings_http_connections_refused_total"))
        .isGreaterThanOrEqualTo(1.0);
  }
}
