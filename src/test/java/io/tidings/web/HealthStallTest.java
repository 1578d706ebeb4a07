package io.tidings.web;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest thread stuck on one task (a file system that hangs, an open that never returns)
 * reads no new file: /health says so with a 503 once it has been stuck longer than
 * content.stallTimeout, and turns 200 again when the task ends. The stuck task here is a
 * snapshot listener held on a latch, on the ingest thread as a hung read would be.
 */
class HealthStallTest {
  @TempDir
  Path dir;

  @Test
  void healthTurns503WhileIngestIsStuckAndBackTo200() throws Exception {
    Articles.write(dir, "a.txt", article("a").bytes());
    try (TestServer server = TestServer.start(dir, Map.of("content.stallTimeout", "300ms"))) {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch entered = new CountDownLatch(1);
      AtomicBoolean hold = new AtomicBoolean(true);
      server.verticle().ingest().catalog().onChange(change -> {
        if (hold.getAndSet(false)) {
          entered.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
      try {
        Articles.write(dir, "b.txt", article("b").bytes());
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("ingest reached the held task").isTrue();
        await("/health to turn 503").atMost(Duration.ofSeconds(10))
            .until(() -> status(server) == 503);
        HttpResponse<byte[]> stalled = server.get("/health");
        assertThat(new String(stalled.body(), StandardCharsets.UTF_8))
            .startsWith("stalled: the ingest thread's task has made no progress for")
            .contains("content.stallTimeout");
        assertThat(stalled.headers().firstValue("Cache-Control")).hasValue("no-store");
      } finally {
        release.countDown();
      }
      await("/health to turn 200 again").atMost(Duration.ofSeconds(10))
          .until(() -> status(server) == 200);
      Articles.write(dir, "c.txt", article("c").bytes());
      await("c to be served").atMost(Duration.ofSeconds(10)).until(
          () -> server.verticle().ingest().catalog().current().size() == 3);
    }
  }

  private static int status(TestServer server) {
    try {
      return server.get("/health").statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
