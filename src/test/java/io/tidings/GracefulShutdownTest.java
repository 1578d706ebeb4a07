package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.testing.Articles;
import io.tidings.testing.RawHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real process while a big feed is on its way to a client that reads slowly:
 * the response is finished, nobody new gets in, /health never says 200 again, exit code 0.
 * And the grace is a bound: a client that never reads is cut when it runs out.
 */
@Tag("slow")
class GracefulShutdownTest {
  private static final int ARTICLES = 300;
  /** Far more than the socket buffers of both sides: the server is still writing at SIGTERM. */
  private static final String BIG_FEED = "/feed.json?limit=500";

  @TempDir
  static Path content;

  @BeforeAll
  static void bigArticles() {
    String words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(400);
    for (int i = 0; i < ARTICLES; i++) {
      Articles.write(content, "a" + i + ".txt", Articles.article("a" + i).title("Article " + i)
          .topics("AI").excerpt(words + i).text());
    }
  }

  @Test
  void requestInFlightFinishesHealthStopsAndTheProcessExitsZero() throws Exception {
    try (TidingsProcess server = TidingsProcess.start(content,
        Map.of("TIDINGS_HTTP_SHUTDOWN_GRACE", "20s"))) {
      server.awaitLine("Main - ready", Duration.ofSeconds(90));
      RawHttp keptAlive = new RawHttp(server.port(), 64 * 1024);
      keptAlive.send("/health");
      String healthy = keptAlive.readHead();
      assertThat(RawHttp.status(healthy)).isEqualTo(200);
      keptAlive.readBody(RawHttp.contentLength(healthy));

      RawHttp slow = new RawHttp(server.port(), 4096);
      slow.send(BIG_FEED);
      String head = slow.readHead();
      assertThat(RawHttp.status(head)).isEqualTo(200);
      long length = RawHttp.contentLength(head);
      assertThat(length).isGreaterThan(10L << 20);
      byte[] start = slow.readBody(1024); // in flight: the rest waits on the server's side

      server.terminate();
      server.awaitLine("SIGTERM: stopping", Duration.ofSeconds(10));

      // Nobody new gets in, and the connection kept alive gets no 200 from /health any more:
      // the stopping server answers 503 or (Vert.x closes idle connections at once) nothing.
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(
          () -> new Socket("127.0.0.1", server.port()).close())
          .isInstanceOf(ConnectException.class));
      String after = sendOrNull(keptAlive, "/health");
      if (after != null) {
        assertThat(RawHttp.status(after)).isEqualTo(503);
      }
      assertThat(server.process().isAlive()).as("still draining the slow response").isTrue();

      byte[] rest = slow.readBody(Long.MAX_VALUE);
      assertThat(start.length + (long) rest.length).as("body bytes").isEqualTo(length);
      JsonNode feed = new ObjectMapper().readTree(concat(start, rest));
      assertThat(feed.path("items")).hasSize(ARTICLES);

      assertThat(server.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(server.lines()).anyMatch(l -> l.contains("Main - stopped"));
    }
  }

  @Test
  void theGraceBoundsTheWaitForAClientThatNeverReads() throws Exception {
    try (TidingsProcess server = TidingsProcess.start(content,
        Map.of("TIDINGS_HTTP_SHUTDOWN_GRACE", "1s"))) {
      server.awaitLine("Main - ready", Duration.ofSeconds(90));
      RawHttp stuck = new RawHttp(server.port(), 4096);
      stuck.send(BIG_FEED);
      long length = RawHttp.contentLength(stuck.readHead());

      long t0 = System.nanoTime();
      server.terminate();
      assertThat(server.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
      assertThat((long) stuck.readBody(Long.MAX_VALUE).length).as("cut short").isLessThan(length);
    }
  }

  private static String sendOrNull(RawHttp connection, String path) {
    try {
      connection.send(path);
      return connection.readHead();
    } catch (IOException closed) {
      return null;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
