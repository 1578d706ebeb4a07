package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many event streams on two event loops: each loop sends every frame from one buffer shared by
 * its streams, so every client must still get every byte of every event, once, in order, and a
 * client that comes back gets the frames it missed whole.
 */
class FanOutTest {
  private static final int CLIENTS = 200;
  static Vertx clients;

  @BeforeAll
  static void start() {
    clients = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void everyClientOnTwoLoopsGetsEachEventOnceInOrderAndResumes(@TempDir Path dir)
      throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort(); // a fixed port, so that two event loops serve it
    }
    Path staging = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-staging")
        .resolve("folder"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Articles.write(staging, "f" + i + ".md", Articles.text("f" + i, "Folder " + i, "AI"));
      expected.add(Articles.url("f" + i));
    }
    try (TestServer server = TestServer.start(dir, Map.of("http.port", Integer.toString(port),
        "http.eventLoops", "2"))) {
      List<SseClient> all = new ArrayList<>();
      try {
        for (int c = 0; c < CLIENTS; c++) {
          all.add(SseClient.connect(clients, server.port(), "/events"));
        }
        // Single files (a batch each, or a few together), then a folder: one batch of three.
        for (int i = 0; i < 5; i++) {
          Articles.write(dir, "s" + i + ".md", Articles.text("s" + i, "Single " + i, "AI"));
          expected.add(Articles.url("s" + i));
        }
        Files.move(staging, dir.resolve("folder"));
        List<SseClient.Event> reference = events(all.get(0), expected.size());
        assertThat(reference).extracting(e -> EventsTest.data(e).get("id").asText())
            .containsExactlyInAnyOrderElementsOf(expected);
        for (int c = 1; c < CLIENTS; c++) {
          // The same events, whole (the data parses, the ids match) and in the same order.
          assertThat(events(all.get(c), expected.size())).as("client %d", c)
              .isEqualTo(reference);
        }
        String last = reference.get(reference.size() - 1).id();
        for (SseClient sse : all) {
          await().atMost(Duration.ofSeconds(10)).until(() -> sse.lastEventId().equals(last));
          assertThat(sse.drain()).as("nothing more").isEmpty();
        }

        // One client goes away, misses two events, comes back with its Last-Event-ID: it gets
        // exactly those two, the frames the others got, and nothing again.
        SseClient gone = all.remove(CLIENTS - 1);
        String resumeFrom = gone.lastEventId();
        gone.close();
        for (int i = 0; i < 2; i++) {
          Articles.write(dir, "m" + i + ".md", Articles.text("m" + i, "Missed " + i, "AI"));
        }
        List<SseClient.Event> missed = events(all.get(0), 2);
        try (SseClient back = SseClient.connect(clients, server.port(), "/events",
            Map.of("Last-Event-ID", resumeFrom))) {
          assertThat(events(back, 2)).isEqualTo(missed);
          assertThat(events(all.get(1), 2)).isEqualTo(missed);
          String now = missed.get(1).id();
          await().atMost(Duration.ofSeconds(10)).until(() -> back.lastEventId().equals(now));
          assertThat(back.drain()).isEmpty();
        }
      } finally {
        for (SseClient sse : all) {
          sse.close();
        }
      }
    }
  }

  /** The next {@code n} events of a client, each an {@code added} one with a JSON item. */
  private static List<SseClient.Event> events(SseClient sse, int n) throws Exception {
    List<SseClient.Event> got = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SseClient.Event e = sse.next(Duration.ofSeconds(20));
      assertThat(e.type()).isEqualTo("added");
      assertThat(EventsTest.data(e).get("title").asText()).isNotBlank();
      got.add(e);
    }
    return got;
  }
}
