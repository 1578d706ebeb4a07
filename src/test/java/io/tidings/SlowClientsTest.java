package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.Await;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold connections rather than use them: a head trickled a byte at a time
 * (slowloris), on a new connection and on a kept-alive one, is cut by http.headerTimeout
 * although bytes keep arriving (so the idle time-out never fires); connections over
 * http.maxConnections are closed at once, counted over every event loop together.
 */
class SlowClientsTest {
  private static final long HEADER_TIMEOUT_MS = 1000;

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

  /** Asserts the server closes {@code s} near the head deadline, while bytes still arrive. */
  private void assertCutByTheHeadDeadline(RawHttp s, long startNanos, AtomicInteger sent)
      throws IOException {
    assertThat(s.closedWithin(10_000)).as("closed by the server").isTrue();
    long tookMs = (System.nanoTime() - startNanos) / 1_000_000;
    assertThat(tookMs).as("ms until closed").isBetween(HEADER_TIMEOUT_MS - 200,
        HEADER_TIMEOUT_MS + 4000);
    // Bytes kept arriving, and the idle time-out is 60 s: the head deadline cut it.
    assertThat(sent.get()).as("bytes trickled in the %d ms before the cut", tookMs)
        .isPositive();
  }

  @Test
  void aHeadTrickledAByteAtATimeIsCutAtTheDeadline() throws Exception {
    start(Map.of("http.headerTimeout", HEADER_TIMEOUT_MS + "ms", "http.idleTimeout", "60s"));
    RawHttp s = connect();
    long start = System.nanoTime();
    s.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    AtomicInteger sent = trickle(s);
    assertCutByTheHeadDeadline(s, start, sent);
    // Meanwhile and afterwards, everyone else is served.
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aKeptAliveConnectionGetsTheSameDeadlineForItsNextHead() throws Exception {
    start(Map.of("http.headerTimeout", HEADER_TIMEOUT_MS + "ms", "http.idleTimeout", "60s"));
    RawHttp s = connect();
    s.send("/health"); // a whole request at once: answered, the connection stays open
    String head = s.readHead();
    s.readBody(RawHttp.contentLength(head));
    // The deadline runs from the end of the response, a moment before this.
    long start = System.nanoTime();
    assertThat(RawHttp.status(head)).isEqualTo(200);
    s.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    AtomicInteger sent = trickle(s);
    assertCutByTheHeadDeadline(s, start, sent);
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAtTheDeadline() throws Exception {
    start(Map.of("http.headerTimeout", HEADER_TIMEOUT_MS + "ms", "http.idleTimeout", "60s"));
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
    Await.untilAsserted(Duration.ofSeconds(10), () -> {
      try (RawHttp again = new RawHttp(server.port(), 64 * 1024)) {
        again.send("/health");
        String head = again.readHead();
        assertThat(head).isNotNull();
        assertThat(RawHttp.status(head)).isEqualTo(200);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }
}
