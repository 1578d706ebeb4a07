package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that ask to upgrade a plain connection to HTTP/2 (the JDK's HttpClient does by
 * default) stay on HTTP/1.1 and get every cached feed whole. With the upgrade accepted, the
 * JDK client hung or failed with a frame error on feeds answered from the cache.
 */
@TidingsServer
class PlainHttpVersionTest {
  static TestServer server;

  @Test
  void freshDefaultClientsGetCachedFeedsWholeOverHttp11() throws Exception {
    String[] paths = {"/feed.json", "/feed.atom", "/topics/ai/feed.json", "/feed.rss", "/"};
    for (String p : paths) {
      assertThat(server.get(p).statusCode()).as("warm %s", p).isEqualTo(200);
    }
    for (int i = 0; i < 20; i++) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_2);
      for (String p : paths) {
        HttpResponse<byte[]> r = client.sendAsync(
            HttpRequest.newBuilder(URI.create(server.url(p))).build(),
            HttpResponse.BodyHandlers.ofByteArray()).get(20, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as("client %d %s", i, p).isEqualTo(200);
        assertThat(r.version()).as("client %d %s", i, p).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body().length).as("client %d %s", i, p)
            .isEqualTo(Integer.parseInt(r.headers().firstValue("Content-Length").orElseThrow()));
      }
    }
  }
}
