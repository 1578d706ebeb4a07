package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.testing.Articles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process with TIDINGS_LOG_FORMAT=json and the access log on: every line it prints,
 * from start-up to exit, is one JSON object in Elastic Common Schema fields, and the events an
 * operator looks for are there, the access log's with its http fields.
 */
class JsonLogsTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyLineFromStartToExitIsAJsonObject(@TempDir Path dir) throws Exception {
    Articles.write(dir, "good.txt", Articles.text("good", "Good \"quoted\" 人工智能", "AI"));
    Articles.write(dir, "broken.txt", "---\ntitle: \"unclosed\n---\n");
    try (TidingsProcess server = TidingsProcess.start(dir, Map.of(
        "TIDINGS_LOG_FORMAT", "json", "TIDINGS_HTTP_ACCESS_LOG", "true"))) {
      server.awaitLine("\"ready\"", Duration.ofSeconds(60));
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> feed = client.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + "/feed.json?q=good"))
          .header("Authorization", "Bearer never-logged").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(feed.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(messages(server, "io.tidings.access"))
          .anyMatch(m -> m.startsWith("GET /feed.json 200 ")));
      server.terminate();
      assertThat(server.awaitExit(Duration.ofSeconds(30))).isZero();

      List<JsonNode> events = new ArrayList<>();
      for (String line : server.lines()) {
        JsonNode event = json.readTree(line);
        assertThat(event.isObject()).as(line).isTrue();
        assertThat(Instant.parse(event.path("@timestamp").asText())).as(line).isNotNull();
        assertThat(event.path("log.level").asText()).as(line)
            .isIn("ERROR", "WARN", "INFO", "DEBUG");
        assertThat(event.path("log.logger").asText()).as(line).isNotEmpty();
        assertThat(event.path("process.thread.name").asText()).as(line).isNotEmpty();
        assertThat(event.path("ecs.version").asText()).as(line).isNotEmpty();
        assertThat(event.has("message")).as(line).isTrue();
        events.add(event);
      }
      assertThat(events).anySatisfy(e -> {
        assertThat(e.path("log.level").asText()).isEqualTo("WARN");
        assertThat(e.path("message").asText()).startsWith("broken.txt:");
      });
      assertThat(events).anySatisfy(e -> {
        assertThat(e.path("log.logger").asText()).isEqualTo("io.tidings.access");
        assertThat(e.path("http.request.method").asText()).isEqualTo("GET");
        assertThat(e.path("url.path").asText()).isEqualTo("/feed.json");
        assertThat(e.path("http.route").asText()).isEqualTo("/feed.{format}");
        assertThat(e.path("http.response.status_code").asInt()).isEqualTo(200);
        assertThat(e.path("http.response.body.bytes").asLong())
            .isEqualTo(feed.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(e.path("event.duration").isIntegralNumber()).isTrue();
        assertThat(e.path("event.duration").asLong()).isPositive();
      });
      assertThat(events).anySatisfy(e ->
          assertThat(e.path("message").asText()).startsWith("SIGTERM: stopping"));
      assertThat(events.get(events.size() - 1).path("message").asText()).isEqualTo("stopped");
      assertThat(String.join("\n", server.lines())).doesNotContain("never-logged", "q=good");
    }
  }

  private List<String> messages(TidingsProcess server, String logger) {
    List<String> out = new ArrayList<>();
    for (String line : server.lines()) {
      JsonNode event;
      try {
        event = json.readTree(line);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
      if (event.path("log.logger").asText().equals(logger)) {
        out.add(event.path("message").asText());
      }
    }
    return out;
  }
}
