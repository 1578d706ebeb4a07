package io.tidings.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.ingest.IngestStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /health} alone on a router: 200 "ok" when the first scan is done and ingest makes
 * progress; 503 with a one-line reason while starting, stalled or stopping; never cached.
 */
@ExtendWith(VertxExtension.class)
class HealthHandlerTest {
  private static final IngestStatus READY =
      new IngestStatus("native", null, true, false, null, 3, 0, 0, 0);
  private static final IngestStatus STARTING =
      new IngestStatus("native", null, false, false, null, 0, 0, 0, 0);

  private static IngestStatus busy(Duration busyFor, Duration stallTimeout) {
    return new IngestStatus("poll", null, true, false, null, 3, 0, 0, 0, busyFor, stallTimeout);
  }

  @Test
  void readyAndIdleIsOk(Vertx vertx, VertxTestContext test) {
    check(vertx, test, READY, false, 200, "ok\n");
  }

  @Test
  void busyForExactlyTheStallTimeoutIsNotYetStalled(Vertx vertx, VertxTestContext test) {
    check(vertx, test, busy(Duration.ofSeconds(60), Duration.ofSeconds(60)), false, 200, "ok\n");
  }

  @Test
  void beforeTheFirstScanItIsStarting(Vertx vertx, VertxTestContext test) {
    check(vertx, test, STARTING, false, 503,
        "starting: the first scan of the content directory is not done\n");
  }

  @Test
  void busyOverTheStallTimeoutIsStalled(Vertx vertx, VertxTestContext test) {
    check(vertx, test, busy(Duration.ofSeconds(90), Duration.ofSeconds(60)), false, 503,
        "stalled: the ingest thread's task has made no progress for 90 s, over"
            + " content.stallTimeout (60 s); changed files are not being read (see the log)\n");
  }

  @Test
  void stoppingWinsOverEveryOtherState(Vertx vertx, VertxTestContext test) {
    check(vertx, test, STARTING, true, 503, "stopping: the server is shutting down\n");
  }

  @Test
  void stoppingWhileReadyIsStopping(Vertx vertx, VertxTestContext test) {
    check(vertx, test, READY, true, 503, "stopping: the server is shutting down\n");
  }

  private static void check(Vertx vertx, VertxTestContext test, IngestStatus status,
      boolean stopping, int expectedStatus, String expectedBody) {
    get(vertx, new HealthHandler(() -> status, () -> stopping))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(expectedStatus);
          assertThat(r.bodyAsString()).isEqualTo(expectedBody);
          assertThat(r.getHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
          assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
          test.completeNow();
        })));
  }

  private static Future<HttpResponse<Buffer>> get(Vertx vertx, HealthHandler handler) {
    Router router = Router.router(vertx);
    router.get("/health").handler(handler);
    return vertx.createHttpServer().requestHandler(router).listen(0)
        .compose(server -> WebClient.create(vertx)
            .get(server.actualPort(), "localhost", "/health").send());
  }
}
