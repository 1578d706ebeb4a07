package io.tidings;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.testing.Articles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * content.hideFuture on a real server with the real clock: an article dated a moment ahead is
 * in no output until its time, then appears in the feeds by itself (no file touched); one
 * dated far ahead stays out; with hideFuture off both are served at once.
 */
@Tag("slow")
class ScheduledArticlesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void anArticleDatedSecondsAheadAppearsOnItsOwnWhenItsTimeComes() throws Exception {
    Articles.write(dir, "now.txt", article("now").at("2024-01-01T00:00:00Z").text());
    Articles.write(dir, "far.txt", article("far").at("2999-01-01T00:00:00Z").text());

    try (TestServer server = TestServer.start(dir)) {
      // Far enough ahead that a loaded machine still sees it held back (checked below).
      Instant soon = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8);
      Articles.write(dir, "soon.txt", article("soon").topics("Later").at(soon.toString()).text());
      AtomicReference<JsonNode> held = new AtomicReference<>();
      await("soon.txt to be read and held back").atMost(Duration.ofSeconds(10)).until(() -> {
        held.set(status(server));
        return held.get().get("scheduled").get("count").asInt() == 2;
      });
      assertThat(held.get().get("articles").asInt()).isEqualTo(1);
      assertThat(held.get().get("scheduled").get("next").asText()).isEqualTo(soon.toString());
      assertThat(feedIds(server)).containsExactly("now");
      assertThat(JSON.readTree(server.text("/api/topics")).get("topics")).isEmpty();
      assertThat(server.text("/topics/later")).doesNotContain("Title of soon");
      assertThat(Instant.now()).as("the checks of the held-back state ran before its time"
          + " (else the machine was too slow for this test)").isBefore(soon);

      await("the scheduled article in /feed.json").atMost(Duration.ofSeconds(15)).until(
          () -> feedIds(server).contains("soon"));
      assertThat(Instant.now()).as("not before its time").isAfterOrEqualTo(soon);
      assertThat(feedIds(server)).containsExactly("soon", "now");
      JsonNode status = status(server);
      assertThat(status.get("articles").asInt()).isEqualTo(2);
      assertThat(status.get("scheduled").get("count").asInt()).isEqualTo(1);
      assertThat(status.get("scheduled").get("next").asText()).isEqualTo("2999-01-01T00:00:00Z");
      assertThat(JSON.readTree(server.text("/api/topics")).get("topics").get(0).get("key")
          .asText()).isEqualTo("later");
    }
  }

  @Test
  void withHideFutureOffFutureArticlesAreServedAtOnce() throws Exception {
    Articles.write(dir, "now.txt", article("now").at("2024-01-01T00:00:00Z").text());
    Articles.write(dir, "far.txt", article("far").at("2999-01-01T00:00:00Z").text());

    try (TestServer server = TestServer.start(dir, Map.of("content.hideFuture", "false"))) {
      assertThat(feedIds(server)).containsExactly("far", "now");
      assertThat(JSON.readTree(server.text("/status")).get("scheduled").get("count").asInt())
          .isZero();
    }
  }

  private static JsonNode status(TestServer server) {
    try {
      return JSON.readTree(server.get("/status").body());
    } catch (Exception e) {
      throw new AssertionError("cannot read /status", e);
    }
  }

  private static List<String> feedIds(TestServer server) {
    try {
      List<String> ids = new ArrayList<>();
      for (JsonNode item : JSON.readTree(server.get("/feed.json").body()).get("items")) {
        ids.add(Articles.shortId(item.get("id").asText()));
      }
      return ids;
    } catch (Exception e) {
      throw new AssertionError("cannot read /feed.json", e);
    }
  }
}
