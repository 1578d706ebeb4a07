package io.tidings;

import io.tidings.config.Config;
import io.tidings.config.ConfigException;
import io.tidings.config.ConfigLoader;
import io.tidings.metrics.ServerMetrics;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Tidings server for tests: its own Vert.x, a real content directory, a free port.
 * {@link #start} returns once the first scan is done. Requests go through a real HTTP client.
 */
public final class TestServer implements AutoCloseable {
  private final Vertx vertx;
  private final TidingsVerticle verticle;
  /** Follows redirects like a feed reader: a feed asked for by a non-canonical URL is a 301. */
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  private TestServer(Vertx vertx, TidingsVerticle verticle) {
    this.vertx = vertx;
    this.verticle = verticle;
  }

  /** Starts with test-friendly defaults (port 0, 50 ms debounce) plus {@code settings}. */
  public static TestServer start(Path contentDir, Map<String, String> settings) throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("http.port", "0");
    all.put("http.host", "127.0.0.1");
    all.put("content.dir", contentDir.toString());
    all.put("content.debounce", "50ms");
    all.put("content.pollInterval", "200ms");
    all.putAll(settings);
    return start(config(all));
  }

  public static TestServer start(Path contentDir) throws Exception {
    return start(contentDir, Map.of());
  }

  public static TestServer start(Config config) throws Exception {
    ServerMetrics metrics = new ServerMetrics(config.metrics().httpHistograms());
    Vertx vertx = metrics.newVertx();
    TidingsVerticle verticle = new TidingsVerticle(config, metrics);
    try {
      vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw e;
    }
    return new TestServer(vertx, verticle);
  }

  /** The bundled sample content, which tests copy rather than change. */
  public static final Path SAMPLE = Path.of("conf/content");

  /** Copies the sample content (sub-folders too) into {@code target}; returns target. */
  public static Path copySample(Path target) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(SAMPLE)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(SAMPLE.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(to);
        } else {
          java.nio.file.Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return target;
  }

  public static Config config(Map<String, String> settings) throws ConfigException {
    return ConfigLoader.load(null, Map.of(), settings);
  }

  public int port() {
    return verticle.port();
  }

  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port() + pathAndQuery;
  }

  public TidingsVerticle verticle() {
    return verticle;
  }

  public Vertx vertx() {
    return vertx;
  }

  public HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return request("GET", pathAndQuery, Map.of());
  }

  public HttpResponse<byte[]> get(String pathAndQuery, Map<String, String> headers)
      throws IOException, InterruptedException {
    return request("GET", pathAndQuery, headers);
  }

  public HttpResponse<byte[]> request(String method, String pathAndQuery,
      Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
        .timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    // The request timeout bounds only the wait for headers; bound the body too, so that a
    // stalled response fails the test instead of hanging the build.
    try {
      return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
          .get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IOException("no complete response to " + method + " " + pathAndQuery
          + " within 60 s", e);
    }
  }

  /** The value of a metric without labels (or of its first series) in /metrics. */
  public double metric(String name) {
    String text;
    try {
      text = text("/metrics");
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("GET /metrics failed", e);
    }
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no metric " + name + " in /metrics");
  }

  /** The body as UTF-8 text. */
  public String text(String pathAndQuery) throws IOException, InterruptedException {
    return new String(get(pathAndQuery).body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
