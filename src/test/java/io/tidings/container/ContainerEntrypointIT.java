package io.tidings.container;

import static io.tidings.testing.Articles.article;
import static io.tidings.testing.Articles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.testing.Processes;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image without a Docker engine: the Dockerfile's run stage laid out in a folder
 * ({@link ContainerRoot}), then its ENTRYPOINT and HEALTHCHECK run word for word against the jar
 * that {@code mvn verify} has just packaged, as Docker would run them.
 */
class ContainerEntrypointIT {
  private static final Duration START = Duration.ofSeconds(120);
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path tmp;

  private Dockerfile docker;
  private ContainerRoot image;
  private Process server;

  @BeforeEach
  void layOutTheImage() throws IOException {
    Path jar = Path.of("target", "tidings.jar");
    assertThat(jar).as("the packaged jar; run this test with mvn verify").isRegularFile();
    docker = Dockerfile.read(Path.of("Dockerfile"));
    image = new ContainerRoot(tmp.resolve("image"), Path.of("").toAbsolutePath(), docker);
    // What `docker run -v "$PWD/my-articles:/content"` would mount.
    Path content = image.inside("/content");
    write(content, "one.txt", article("one").title("First in the volume").text());
    write(content, "deep/two.md", article("two").title("Second in the volume")
        .at("2023-10-18T08:00:00Z").text());
    write(content, "draft.txt", article("three").title("A draft").draft().text());
  }

  @AfterEach
  void stopTheServer() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void entrypointServesTheVolumeHealthcheckPassesAndSigtermStopsIt() throws Exception {
    int port = freePort();
    Map<String, String> run = Map.of("TIDINGS_HTTP_PORT", Integer.toString(port));
    Path log = tmp.resolve("server.log");
    server = image.command(docker.last().entrypoint(), run)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();

    await("/health to answer 200").atMost(START).until(() -> {
      if (!server.isAlive()) {
        throw new AssertionError("the entrypoint exited with " + server.exitValue() + ": "
            + read(log));
      }
      return status(port, "/health") == 200;
    });
    // The articles come from the volume (TIDINGS_CONTENT_DIR) and nowhere else; drafts hidden.
    String feed = get(port, "/feed.json").body();
    assertThat(feed).contains("First in the volume", "Second in the volume")
        .doesNotContain("A draft");
    JsonNode status = new ObjectMapper().readTree(get(port, "/status").body());
    assertThat(status.get("articles").asInt()).isEqualTo(2);
    assertThat(status.at("/drafts/hidden").asInt()).isEqualTo(1);
    assertThat(status.at("/content/directory").asText())
        .isEqualTo(image.inside("/content").toString());

    // The HEALTHCHECK command, as Docker runs it inside the container.
    List<String> probe = docker.last().healthcheck().command();
    Processes.Result healthy = Processes.run(image.command(probe, run), tmp, START);
    assertThat(healthy.exit()).as(healthy.stderr()).isZero();

    // docker stop sends SIGTERM to PID 1, which the exec form makes the JVM itself.
    long pid = server.pid();
    assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command()))
        .hasValueSatisfying(c -> assertThat(c).endsWith("java"));
    server.destroy(); // SIGTERM
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    // 143 is the JVM's answer to SIGTERM today; 0 once shutdown is graceful.
    assertThat(server.exitValue()).as(read(log)).isIn(0, 143);

    Processes.Result gone = Processes.run(image.command(probe, run), tmp, START);
    assertThat(gone.exit()).as("the probe must fail once the server is gone").isEqualTo(1);
  }

  @Test
  void withoutTheContentVariableTheImageWouldFindNoContent() throws Exception {
    // The baked-in config points at conf/content, which the image does not have: the ENV is
    // what makes /content the content directory. Proves the test above depends on it.
    List<String> argv = docker.last().entrypoint();
    ProcessBuilder pb = image.command(argv, Map.of("TIDINGS_HTTP_PORT", "0"));
    pb.environment().remove("TIDINGS_CONTENT_DIR");
    Processes.Result r = Processes.run(pb, tmp, START);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("content directory", "does not exist");
  }

  @Test
  void checkRunsThroughTheEntrypointOnTheVolume() {
    // docker run --rm -v "$PWD/my-articles:/content" tidings check /content
    List<String> argv = new ArrayList<>(docker.last().entrypoint());
    argv.addAll(List.of("check", "/content"));
    Processes.Result clean = Processes.run(image.command(argv, Map.of()), tmp, START);
    assertThat(clean.exit()).as(clean.stderr()).isZero();
    assertThat(clean.stdoutLines()).containsExactly(image.inside("/content")
        + ": 3 files, 2 articles, 0 scheduled, 1 draft, 0 errors, 0 duplicates");

    write(image.inside("/content"), "broken.txt", article("four").at("soon").text());
    Processes.Result broken = Processes.run(image.command(argv, Map.of()), tmp, START);
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.stdoutLines()).hasSize(2).first().asString()
        .startsWith(image.inside("/content/broken.txt") + ":3: publishedDateTime \"soon\"");
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response;
  }

  private int status(int port, String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(2)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
