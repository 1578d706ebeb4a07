package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container's health probe: 200 is healthy (0), anything else or no answer is not (1). */
class HealthCheckTest {
  private HttpServer server;
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> path = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      path.set(exchange.getRequestURI().getPath());
      byte[] body = "ok\n".getBytes();
      exchange.sendResponseHeaders(status.get(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Map<String, String> envForPort(int port) {
    return Map.of("TIDINGS_HTTP_PORT", Integer.toString(port));
  }

  @Test
  void healthyOn200AtThePortOfTheEnvironment() {
    assertThat(HealthCheck.run(new String[0], envForPort(server.getAddress().getPort()))).isZero();
    assertThat(path.get()).isEqualTo("/health");
  }

  @Test
  void unhealthyOn503() {
    status.set(503);
    assertThat(HealthCheck.run(new String[0], envForPort(server.getAddress().getPort())))
        .isEqualTo(1);
  }

  @Test
  void unhealthyWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    assertThat(HealthCheck.run(new String[0], envForPort(port))).isEqualTo(1);
    assertThat(HealthCheck.run(new String[] {"not a url"}, Map.of())).isEqualTo(1);
  }

  @Test
  void anExplicitUrlWins() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere";
    assertThat(HealthCheck.run(new String[] {url}, envForPort(1))).isZero();
    assertThat(path.get()).isEqualTo("/elsewhere");
  }

  @Test
  void findsTheServerWhereTheEnvironmentPutsIt() {
    assertThat(HealthCheck.defaultUrl(Map.of())).isEqualTo("http://127.0.0.1:8080/health");
    assertThat(HealthCheck.defaultUrl(Map.of("TIDINGS_HTTP_HOST", "0.0.0.0",
        "TIDINGS_HTTP_PORT", "9090"))).isEqualTo("http://127.0.0.1:9090/health");
    assertThat(HealthCheck.defaultUrl(Map.of("TIDINGS_HTTP_HOST", "10.1.2.3")))
        .isEqualTo("http://10.1.2.3:8080/health");
    assertThat(HealthCheck.defaultUrl(Map.of("TIDINGS_HTTP_HOST", "::1")))
        .isEqualTo("http://[::1]:8080/health");
  }
}
