package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.config.Config;
import io.tidings.testing.RawHttp;
import io.tidings.web.server.ConnectionGuard;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A response that streams (server-sent events, a heartbeat now and then) under the very limits
 * of the real server ({@link HttpVerticle#server}), made short: it outlives both the head
 * deadline and the idle time-out as long as it keeps writing, and is cut by the idle
 * time-out once it falls silent.
 */
class StreamingUnderLimitsTest {
  private static final long TICK_MS = 250;
  private static final int TICKS = 12; // 3 s: six head deadlines, three idle time-outs

  private Vertx vertx;
  private HttpServer server;

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void serve(Handler<HttpServerRequest> routes) throws Exception {
    Config config = TestServer.config(Map.of("http.port", "0", "http.host", "127.0.0.1",
        "http.headerTimeout", "500ms", "http.idleTimeout", "1s"));
    server = HttpVerticle.server(vertx, config, new ConnectionGuard(config.http().limits()),
        routes).listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Writes {@code ticks} heartbeats {@link #TICK_MS} apart, then ends if {@code end}. */
  private Handler<HttpServerRequest> stream(int ticks, boolean end) {
    return req -> {
      var res = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      res.write(": open\n\n");
      int[] sent = {0};
      vertx.setPeriodic(TICK_MS, id -> {
        if (sent[0] == ticks) {
          vertx.cancelTimer(id);
          if (end) {
            res.end(": end\n\n");
          }
          return;
        }
        sent[0]++;
        res.write(": tick\n\n");
      });
    };
  }

  private static final String REQUEST =
      "GET /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

  @Test
  void aStreamThatKeepsWritingOutlivesTheHeadDeadlineAndTheIdleTimeout() throws Exception {
    serve(stream(TICKS, true));
    try (RawHttp http = new RawHttp(server.actualPort(), 64 * 1024)) {
      long start = System.nanoTime();
      http.write(REQUEST);
      String got = http.readFor(20_000); // to the end of the response: the server closes
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(got).startsWith("HTTP/1.1 200").contains(": open").endsWith(
          ": end\n\n\r\n0\r\n\r\n");
      assertThat(got.split(": tick", -1)).hasSize(TICKS + 1);
      assertThat(tookMs).isGreaterThanOrEqualTo(TICKS * TICK_MS - 100);
    }
  }

  @Test
  void aStreamThatFallsSilentIsCutByTheIdleTimeout() throws Exception {
    serve(stream(2, false));
    try (RawHttp http = new RawHttp(server.actualPort(), 64 * 1024)) {
      long start = System.nanoTime();
      http.write(REQUEST);
      String got = http.readFor(20_000); // until the server cuts it
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(got).startsWith("HTTP/1.1 200").contains(": tick").doesNotContain("0\r\n\r\n");
      // The last byte at about 2 ticks, then 1 s of silence.
      assertThat(tookMs).isBetween(2 * TICK_MS + 900, 2 * TICK_MS + 5000);
    }
  }
}
