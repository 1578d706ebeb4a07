package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /events} on a real server over a real directory, read by a real SSE client. */
class EventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static Vertx clients;

  @BeforeAll
  static void start() {
    clients = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static JsonNode data(SseClient.Event e) throws Exception {
    return JSON.readTree(e.data());
  }

  static void write(Path dir, String id, String title, String... topics) {
    Articles.write(dir, id + ".md", Articles.text(id, title, topics));
  }

  @Test
  void addedChangedRemovedWithTheArticleAsAJsonFeedItem(@TempDir Path dir) throws Exception {
    write(dir, "old", "Already there", "Space");
    try (TestServer server = TestServer.start(dir);
        SseClient sse = SseClient.connect(clients, server.port(), "/events")) {
      assertThat(sse.response().getHeader("Content-Type")).startsWith("text/event-stream");
      assertThat(sse.response().getHeader("Cache-Control")).isEqualTo("no-store");

      write(dir, "a", "First title", "AI");
      SseClient.Event added = sse.next();
      assertThat(added.type()).isEqualTo("added");
      JsonNode item = data(added);
      assertThat(item.get("id").asText()).isEqualTo(Articles.url("a"));
      assertThat(item.get("title").asText()).isEqualTo("First title");
      assertThat(item.get("tags").get(0).asText()).isEqualTo("AI");
      assertThat(item.has("content_html")).isTrue();
      assertThat(item.get("date_published").asText()).isEqualTo(Articles.DEFAULT_TIME);
      assertThat(added.id()).isNotBlank();

      write(dir, "a", "Second title", "AI");
      SseClient.Event changed = sse.next();
      assertThat(changed.type()).isEqualTo("changed");
      assertThat(data(changed).get("title").asText()).isEqualTo("Second title");
      assertThat(changed.id()).isNotEqualTo(added.id());

      Files.delete(dir.resolve("a.md"));
      SseClient.Event removed = sse.next();
      assertThat(removed.type()).isEqualTo("removed");
      assertThat(data(removed).get("id").asText()).isEqualTo(Articles.url("a"));
      assertThat(data(removed).get("title").asText()).isEqualTo("Second title");
      assertThat(sse.drain()).isEmpty();
    }
  }

  @Test
  void aClientHearsOnlyWhatEntersChangesInOrLeavesItsFilter(@TempDir Path dir)
      throws Exception {
    try (TestServer server = TestServer.start(dir);
        SseClient space = SseClient.connect(clients, server.port(), "/events?topic=SPACE");
        SseClient words = SseClient.connect(clients, server.port(), "/events?q=rocket")) {
      write(dir, "x", "Chips and more chips", "AI");
      write(dir, "y", "A rocket lands", "Space");
      // The first thing each hears is its own article: nothing of the AI one came before.
      SseClient.Event first = space.next();
      assertThat(first.type()).isEqualTo("added");
      assertThat(data(first).get("id").asText()).isEqualTo(Articles.url("y"));
      assertThat(data(words.next()).get("id").asText()).isEqualTo(Articles.url("y"));

      // An article moving into the filter is added there; moving out, removed.
      write(dir, "x", "Chips and more chips", "AI", "Space");
      SseClient.Event in = space.next();
      assertThat(in.type()).isEqualTo("added");
      assertThat(data(in).get("id").asText()).isEqualTo(Articles.url("x"));
      write(dir, "x", "Chips and more chips", "AI");
      SseClient.Event out = space.next();
      assertThat(out.type()).isEqualTo("removed");
      assertThat(data(out).get("id").asText()).isEqualTo(Articles.url("x"));
      // The word filter heard none of x's moves; the next thing it hears is y's change.
      write(dir, "y", "A rocket lands again", "Space");
      SseClient.Event change = words.next();
      assertThat(change.type()).isEqualTo("changed");
      assertThat(data(change).get("title").asText()).isEqualTo("A rocket lands again");
      assertThat(space.next().type()).isEqualTo("changed");
    }
  }

  /**
   * One batch of several events (a folder moved in), fanned out to clients of different
   * filters, two of each: every client gets exactly the events of its filter, once each, in
   * the batch's order; clients with the same filter get the same frames; the next batch
   * follows with no repeat of the first.
   */
  @Test
  void aBatchFansOutToEveryFilterExactlyOnceInOrder(@TempDir Path dir) throws Exception {
    Path staging = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-staging")
        .resolve("batch"));
    String[][] files = {{"b1", "AI"}, {"b2", "Space"}, {"b3", "AI"}, {"b4", "Space"},
        {"b5", "AI"}, {"b6", "Weather"}};
    for (String[] f : files) {
      Articles.write(staging, f[0] + ".md", Articles.text(f[0], "Title " + f[0], f[1]));
    }
    String[] filters = {"/events", "/events?topic=AI", "/events?topic=space", "/events?q=nothing"};
    try (TestServer server = TestServer.start(dir)) {
      java.util.List<SseClient> all = new java.util.ArrayList<>();
      try {
        for (String f : filters) {
          all.add(SseClient.connect(clients, server.port(), f));
          all.add(SseClient.connect(clients, server.port(), f));
        }
        Files.move(staging, dir.resolve("batch"));
        java.util.List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
          SseClient.Event e = all.get(0).next();
          assertThat(e.type()).isEqualTo("added");
          order.add(data(e).get("id").asText());
        }
        assertThat(order).containsExactlyInAnyOrder(java.util.Arrays.stream(files)
            .map(f -> Articles.url(f[0])).toArray(String[]::new));
        for (int k = 1; k < all.size(); k++) {
          int c = k;
          String topic = c / 2 == 1 ? "AI" : c / 2 == 2 ? "Space" : null;
          java.util.List<String> expected = order.stream().filter(id -> java.util.Arrays
              .stream(files).anyMatch(f -> Articles.url(f[0]).equals(id)
                  && (c / 2 == 0 || f[1].equals(topic)))).toList();
          java.util.List<String> got = new java.util.ArrayList<>();
          for (int i = 0; i < expected.size(); i++) {
            SseClient.Event e = all.get(c).next();
            assertThat(e.type()).isEqualTo("added");
            got.add(data(e).get("id").asText());
          }
          assertThat(got).as("client %d, %s", c, filters[c / 2]).isEqualTo(expected);
        }
        // The next batch: each client hears it next, and nothing of the first again.
        write(dir, "next", "Next one", "AI", "Space");
        for (int c = 0; c < all.size(); c++) {
          if (c / 2 == 3) {
            continue;
          }
          SseClient.Event e = all.get(c).next();
          assertThat(data(e).get("id").asText()).as("client %d", c)
              .isEqualTo(Articles.url("next"));
        }
        for (SseClient sse : all) {
          await().atMost(Duration.ofSeconds(10))
              .until(() -> sse.lastEventId().equals(all.get(0).lastEventId()));
          assertThat(sse.drain()).as("events after the last").isEmpty();
        }
      } finally {
        for (SseClient sse : all) {
          sse.close();
        }
      }
    }
  }

  @Test
  void reconnectingWithLastEventIdReplaysExactlyWhatWasMissed(@TempDir Path dir)
      throws Exception {
    try (TestServer server = TestServer.start(dir);
        SseClient watcher = SseClient.connect(clients, server.port(), "/events")) {
      String resumeFrom;
      try (SseClient first = SseClient.connect(clients, server.port(), "/events?topic=ai")) {
        write(dir, "a", "One", "AI");
        assertThat(first.next().type()).isEqualTo("added");
        resumeFrom = first.lastEventId();
        assertThat(watcher.next().id()).isEqualTo(resumeFrom);
      }
      // Missed while away: two AI changes and one that the filter would not have shown.
      write(dir, "b", "Two", "AI");
      SseClient.Event b = watcher.next();
      write(dir, "s", "Elsewhere", "Space");
      watcher.next();
      write(dir, "a", "One, edited", "AI");
      SseClient.Event a = watcher.next();

      try (SseClient again = SseClient.connect(clients, server.port(), "/events?topic=ai",
          Map.of("Last-Event-ID", resumeFrom))) {
        SseClient.Event r1 = again.next();
        SseClient.Event r2 = again.next();
        assertThat(List.of(r1.type(), r1.id(), r2.type(), r2.id()))
            .containsExactly("added", b.id(), "changed", a.id());
        assertThat(data(r2).get("title").asText()).isEqualTo("One, edited");
        // Nothing more was replayed: the next event is a live one.
        write(dir, "c", "Three", "AI");
        SseClient.Event live = again.next();
        assertThat(data(live).get("id").asText()).isEqualTo(Articles.url("c"));
        assertThat(again.drain()).isEmpty();
      }
    }
  }

  @Test
  void aClientWhoseEventsLeftTheLogGetsReset(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(dir, Map.of("push.replay", "2"));
        SseClient watcher = SseClient.connect(clients, server.port(), "/events")) {
      write(dir, "a", "One", "AI");
      String old = watcher.next().id();
      for (String id : List.of("b", "c", "d")) {
        write(dir, id, "Title " + id, "AI");
        watcher.next();
      }
      for (String stale : List.of(old, "someone-else-7", "not an id")) {
        try (SseClient late = SseClient.connect(clients, server.port(), "/events?topic=ai",
            Map.of("Last-Event-ID", stale))) {
          SseClient.Event reset = late.next();
          assertThat(reset.type()).as("after %s", stale).isEqualTo("reset");
          assertThat(data(reset).get("feed").asText())
              .isEqualTo(server.url("/feed.json?topic=ai"));
          assertThat(reset.id()).isEqualTo(watcher.lastEventId());
        }
      }
      // The latest id is still in the log: nothing to replay, no reset.
      try (SseClient current = SseClient.connect(clients, server.port(), "/events",
          Map.of("Last-Event-ID", watcher.lastEventId()))) {
        write(dir, "e", "Title e", "AI");
        SseClient.Event e = current.next();
        assertThat(e.type()).isEqualTo("added");
        assertThat(data(e).get("id").asText()).isEqualTo(Articles.url("e"));
      }
    }
  }

  @Test
  void aClientFilteredFromEveryEventStillResumesWithoutReset(@TempDir Path dir)
      throws Exception {
    try (TestServer server = TestServer.start(dir, Map.of("push.replay", "2"));
        SseClient watcher = SseClient.connect(clients, server.port(), "/events")) {
      String id;
      try (SseClient quiet = SseClient.connect(clients, server.port(), "/events?topic=space")) {
        for (String a : List.of("a", "b", "c")) {
          write(dir, a, "Title " + a, "AI");
          watcher.next();
        }
        // It heard no event, yet it holds the newest id (id lines dispatch nothing).
        await("the quiet client to hold the newest id").atMost(Duration.ofSeconds(10)).until(
            () -> quiet.lastEventId().equals(watcher.lastEventId()));
        assertThat(quiet.drain()).isEmpty();
        id = quiet.lastEventId();
      }
      try (SseClient back = SseClient.connect(clients, server.port(), "/events?topic=space",
          Map.of("Last-Event-ID", id))) {
        write(dir, "s", "Space at last", "Space");
        SseClient.Event e = back.next();
        assertThat(e.type()).isEqualTo("added");
      }
    }
  }

  @Test
  void aClientThatNeverReadsIsCutOffWhileAGoodOneKeepsReceiving(@TempDir Path dir)
      throws Exception {
    try (TestServer server = TestServer.start(dir,
            Map.of("push.clientBuffer", "16KiB", "push.replay", "40"));
        SseClient good = SseClient.connect(clients, server.port(), "/events")) {
      HttpClient slowClient = clients.createHttpClient(
          new HttpClientOptions().setReceiveBufferSize(4096));
      CompletableFuture<Void> slowClosed = new CompletableFuture<>();
      HttpClientResponse slow = slowClient.request(new RequestOptions().setHost("127.0.0.1")
              .setPort(server.port()).setURI("/events").setMethod(HttpMethod.GET))
          .compose(req -> req.send()).map(res -> {
            res.pause(); // reads not a byte of the stream
            res.request().connection().closeHandler(v -> slowClosed.complete(null));
            return res;
          }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(slow.statusCode()).isEqualTo(200);

      // Batches of 20 big articles until the slow one is cut off: the kernel's socket
      // buffers take a few MB first. The good client takes every batch whole meanwhile.
      String excerpt = "word ".repeat(800);
      int written = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (server.metric("tidings_push_clients_cut_off_total") == 0
          && System.nanoTime() < deadline) {
        for (int i = 0; i < 20; i++, written++) {
          Articles.write(dir, "bulk" + written + ".md",
              Articles.article("bulk" + written).topics("AI").excerpt(excerpt).text());
        }
        for (int i = 0; i < 20; i++) {
          assertThat(good.next().type()).isEqualTo("added");
        }
      }
      assertThat(server.metric("tidings_push_clients_cut_off_total"))
          .as("the slow client cut off (%d events written)", written).isEqualTo(1.0);
      assertThat(server.metric("tidings_push_clients")).isEqualTo(1.0);
      // The server closed that connection: a client that reads at last finds its end.
      slow.resume();
      slowClosed.get(30, TimeUnit.SECONDS);
      write(dir, "after", "After the cut", "AI");
      assertThat(data(good.next()).get("id").asText()).isEqualTo(Articles.url("after"));
      slowClient.close();
    }
  }

  @Test
  void streamsOverTheBoundGet503WithRetryAfter(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(dir, Map.of("push.maxClients", "1"))) {
      try (SseClient one = SseClient.connect(clients, server.port(), "/events")) {
        HttpResponse<byte[]> refused = server.get("/events");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(new String(refused.body())).contains("push.maxClients");
        assertThat(server.metric("tidings_push_clients")).isEqualTo(1.0);
        assertThat(server.metric("tidings_push_clients_refused_total")).isEqualTo(1.0);
      }
      // The place is free again once the first stream closes.
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(server.metric("tidings_push_clients")).isZero());
      try (SseClient two = SseClient.connect(clients, server.port(), "/events")) {
        write(dir, "a", "One", "AI");
        assertThat(two.next().type()).isEqualTo("added");
      }
    }
  }

  @Test
  void idleStreamsGetHeartbeatComments(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(dir, Map.of("push.heartbeat", "100ms"));
        SseClient sse = SseClient.connect(clients, server.port(), "/events")) {
      await("three heartbeats").atMost(Duration.ofSeconds(10)).until(() -> sse.comments() >= 3);
      assertThat(sse.drain()).isEmpty();
    }
  }

  @Test
  void noEventCarriesTheSecuredValue(@TempDir Path dir) throws Exception {
    String canary = "SSE-CANARY-7f3a";
    try (TestServer server = TestServer.start(dir);
        SseClient sse = SseClient.connect(clients, server.port(), "/events")) {
      List<SseClient.Event> seen = new ArrayList<>();
      Articles.write(dir, "s.md", Articles.article("s").topics("AI").secured(canary).text());
      seen.add(sse.next());
      Articles.write(dir, "s.md", Articles.article("s").title("Edited").topics("AI")
          .secured(canary + "-2").text());
      seen.add(sse.next());
      java.nio.file.Files.delete(dir.resolve("s.md"));
      seen.add(sse.next());
      assertThat(seen).extracting(SseClient.Event::type)
          .containsExactly("added", "changed", "removed");
      for (SseClient.Event e : seen) {
        assertThat(e.data()).contains(Articles.url("s")).doesNotContain(canary)
            .doesNotContainIgnoringCase("secured");
      }
    }
  }

  @Test
  void aFutureDatedArticleIsAddedWhenItsTimeComes(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(dir);
        SseClient sse = SseClient.connect(clients, server.port(), "/events")) {
      java.time.Instant due = java.time.Instant.now().plusSeconds(3)
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      Articles.write(dir, "soon.md", Articles.article("soon").at(due.toString()).topics("AI")
          .text());
      Articles.write(dir, "now.md", Articles.text("now", "Now", "AI"));
      SseClient.Event first = sse.next();
      assertThat(data(first).get("id").asText()).isEqualTo(Articles.url("now"));
      SseClient.Event released = sse.next(Duration.ofSeconds(20));
      assertThat(released.type()).isEqualTo("added");
      assertThat(data(released).get("id").asText()).isEqualTo(Articles.url("soon"));
      assertThat(java.time.Instant.now()).isAfterOrEqualTo(due);
    }
  }

  @Test
  void aBadFilterIs400(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(dir)) {
      HttpResponse<byte[]> r = server.get("/events?minQuality=lots");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(new String(r.body())).contains("minQuality");
    }
  }

  @Test
  void stoppingTheServerEndsEveryStreamWithoutWaitingForTheGrace(@TempDir Path dir)
      throws Exception {
    TestServer server = TestServer.start(dir, Map.of("http.shutdownGrace", "60s"));
    List<SseClient> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        streams.add(SseClient.connect(clients, server.port(), "/events"));
      }
      long started = System.nanoTime();
      server.close();
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      for (SseClient s : streams) {
        s.ended().get(10, TimeUnit.SECONDS);
      }
      // Open streams would hold the shutdown for the whole 60 s grace.
      assertThat(tookMs).isLessThan(30_000);
    } finally {
      for (SseClient s : streams) {
        s.close();
      }
    }
  }
}
