package io.tidings;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * The container's {@code HEALTHCHECK}: {@code java -cp tidings.jar io.tidings.HealthCheck [URL]}
 * asks {@code /health} of the server on this machine and exits 0 on a 200, 1 on anything else
 * (what Docker reads as healthy and unhealthy). It needs nothing that the JRE image lacks: no
 * curl, no wget, no Vert.x, no logging. Without a URL it finds the server where the container's
 * environment puts it: {@code TIDINGS_HTTP_PORT} (default 8080) and {@code TIDINGS_HTTP_HOST}.
 */
public final class HealthCheck {
  private static final int TIMEOUT_MILLIS = 3_000;

  private HealthCheck() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  static int run(String[] args, Map<String, String> env) {
    String url = args.length > 0 ? args[0] : defaultUrl(env);
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setUseCaches(false);
      int status = connection.getResponseCode();
      drain(connection, status);
      if (status == 200) {
        return 0;
      }
      System.err.println("health check: " + url + " answered " + status);
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("health check: " + url + ": " + e);
      return 1;
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  static String defaultUrl(Map<String, String> env) {
    String port = env.getOrDefault("TIDINGS_HTTP_PORT", "8080").strip();
    String host = env.getOrDefault("TIDINGS_HTTP_HOST", "").strip();
    // A server listening on every address answers on loopback; one bound to a single address
    // answers there only.
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port + "/health";
  }

  private static void drain(HttpURLConnection connection, int status) throws IOException {
    try (InputStream body = status >= 400 ? connection.getErrorStream()
        : connection.getInputStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    }
  }
}
