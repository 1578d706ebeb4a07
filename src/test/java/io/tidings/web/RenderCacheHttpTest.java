package io.tidings.web;

import static io.tidings.web.FeedHttp.EXTENSIONS;
import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ids;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.tidings.web.http.RepresentationCache.CacheStats;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render cache seen over HTTP: precise invalidation, stable tags, one render per feed. */
class RenderCacheHttpTest {
  /** 014: SpaceX launches Starlink..., topic Space only, provider spacenews.com. */
  private static final String SPACE_ONLY = "014_4de3bb69a43928f7.txt";
  /** 001: Arm prices IPO..., topics Markets and AI, Reuters, heat 118. */
  private static final String ARM = "001_c419c1c117d501dc.txt";

  @TempDir
  Path dir;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(FeedHttp.copySample(dir));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private int hiddenDrafts() {
    return FeedHttp.json(ok(server, "/status").body()).path("drafts").path("hidden").asInt(-1);
  }

  private CacheStats stats() {
    return server.verticle().cache().stats();
  }

  /** Every format of each route ({@code /feed}, {@code /feed?q=x}), fetched now: path to response. */
  private Map<String, HttpResponse<byte[]>> fetchAll(List<String> routes) {
    Map<String, HttpResponse<byte[]>> out = new LinkedHashMap<>();
    for (String route : routes) {
      for (String ext : EXTENSIONS) {
        String path = route.contains("?") ? route.replace("?", "." + ext + "?")
            : route + "." + ext;
        out.put(path, ok(server, path));
      }
    }
    return out;
  }

  @Test
  void aChangeInTopicXChangesXAndLeavesTopicYCachedAndUntouched() {
    List<String> others = List.of("/topics/climate/feed", "/topics/security/feed",
        "/providers/reuters.com/feed");
    Map<String, HttpResponse<byte[]>> xBefore = fetchAll(List.of("/topics/space/feed"));
    Map<String, HttpResponse<byte[]>> yBefore = fetchAll(others);
    assertThat(text(xBefore.get("/topics/space/feed.json"))).doesNotContain("EDITED");

    Path file = dir.resolve(SPACE_ONLY);
    FeedHttp.rewrite(file, FeedHttp.read(file).replace("title: \"SpaceX launches",
        "title: \"EDITED SpaceX launches"));
    String before = etag(xBefore.get("/topics/space/feed.json"));
    FeedHttp.await("the Space feed to change", () ->
        !etag(ok(server, "/topics/space/feed.json")).equals(before));

    Map<String, HttpResponse<byte[]>> xAfter = fetchAll(List.of("/topics/space/feed"));
    for (String path : xAfter.keySet()) {
      assertThat(text(xAfter.get(path))).as(path).contains("EDITED SpaceX launches");
      assertThat(etag(xAfter.get(path))).as(path).isNotEqualTo(etag(xBefore.get(path)));
    }
    CacheStats mid = stats();
    Map<String, HttpResponse<byte[]>> yAfter = fetchAll(others);
    CacheStats end = stats();
    for (String path : yBefore.keySet()) {
      assertThat(yAfter.get(path).body()).as(path).isEqualTo(yBefore.get(path).body());
      assertThat(etag(yAfter.get(path))).as(path).isEqualTo(etag(yBefore.get(path)));
    }
    assertThat(end.renders()).as("topic Y was served from the cache, not rendered again")
        .isEqualTo(mid.renders());
    assertThat(end.hits()).isGreaterThanOrEqualTo(mid.hits() + yBefore.size());
  }

  @Test
  void anArticleAddedOrRemovedChangesItsFeedsOnly() throws Exception {
    HttpResponse<byte[]> climate = ok(server, "/topics/climate/feed.rss");
    String space = etag(ok(server, "/topics/space/feed.json"));
    Articles.write(dir, "new/probe.txt", Articles.article("probe").title("Probe to Europa")
        .at("2024-01-01T00:00:00Z").topics("Space").text());
    FeedHttp.await("the new article in the Space feed", () ->
        ids(ok(server, "/topics/space/feed.json").body()).contains(Articles.url("probe")));
    assertThat(etag(ok(server, "/topics/space/feed.json"))).isNotEqualTo(space);
    assertThat(header(ok(server, "/topics/space/feed.rss"), "Last-Modified"))
        .isEqualTo("Mon, 01 Jan 2024 00:00:00 GMT");

    Files.delete(dir.resolve("new/probe.txt"));
    FeedHttp.await("the removed article to leave the Space feed", () ->
        !ids(ok(server, "/topics/space/feed.json").body()).contains(Articles.url("probe")));
    assertThat(etag(ok(server, "/topics/space/feed.json"))).isEqualTo(space);
    HttpResponse<byte[]> climateAfter = ok(server, "/topics/climate/feed.rss");
    assertThat(climateAfter.body()).isEqualTo(climate.body());
    assertThat(etag(climateAfter)).isEqualTo(etag(climate));
  }

  @Test
  void aHeatOnlyChangeLeavesEveryFeedByteForByte() {
    List<String> routes = List.of("/feed", "/topics/ai/feed", "/topics/markets/feed",
        "/providers/reuters.com/feed", "/topics/climate/feed");
    Map<String, HttpResponse<byte[]>> before = fetchAll(routes);
    before.putAll(fetchAll(List.of("/feed?minQuality=60&q=arm")));
    assertThat(hiddenDrafts()).isEqualTo(2);

    Path file = dir.resolve(ARM);
    String original = FeedHttp.read(file);
    assertThat(original).contains("heat: 118\n");
    FeedHttp.rewrite(file, original.replace("heat: 118\n", "heat: 119\n"));
    // A draft written after it shows in no feed, but in /status: once it is there, the heat
    // change (written first) has been read too.
    Articles.write(dir, "zz-marker.txt", Articles.article("marker").topics("AI").draft().text());
    FeedHttp.await("the marker draft (and the heat change before it) to be read",
        () -> hiddenDrafts() == 3);
    assertThat(FeedHttp.json(ok(server, "/status").body()).path("filesWithErrors").asInt())
        .isZero();

    Map<String, HttpResponse<byte[]>> after = fetchAll(routes);
    after.putAll(fetchAll(List.of("/feed?minQuality=60&q=arm")));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String path : before.keySet()) {
      HttpResponse<byte[]> b = before.get(path);
      HttpResponse<byte[]> a = after.get(path);
      assertThat(text(a)).as(path).isEqualTo(text(b));
      assertThat(etag(a)).as(path).isEqualTo(etag(b));
      assertThat(header(a, "Last-Modified")).as(path).isEqualTo(header(b, "Last-Modified"));
    }
  }

  @Test
  void concurrentFirstRequestsForOneFeedRenderItOnce() throws Exception {
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (String path : List.of("/topics/security/feed.atom", "/feed.rss?q=ai",
          "/providers/reuters.com/feed.json?topic=markets", "/feed.json?limit=500")) {
        long rendersBefore = stats().renders();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          answers.add(pool.submit(() -> {
            go.await();
            return server.get(path);
          }));
        }
        go.countDown();
        List<byte[]> bodies = new ArrayList<>();
        for (Future<HttpResponse<byte[]>> f : answers) {
          HttpResponse<byte[]> r = f.get(30, TimeUnit.SECONDS);
          assertThat(r.statusCode()).isEqualTo(200);
          bodies.add(r.body());
        }
        assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
        assertThat(bodies.get(0)).isNotEmpty();
        assertThat(stats().renders()).as("renders of " + path).isEqualTo(rendersBefore + 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
