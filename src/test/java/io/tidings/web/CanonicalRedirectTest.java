package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A feed asked for by any other spelling than its self link's is a 301 to that self link
 * (relative to the path asked for), in every format and for HEAD; following it reaches a 200
 * whose rel="self" is the URL fetched, and a canonical URL is served at once.
 */
@TidingsServer
class CanonicalRedirectTest {
  private static final HttpClient NO_FOLLOW = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern SELF = Pattern.compile(
      "<(?:atom:)?link[^>]*href=\"([^\"]*)\"[^>]*rel=\"self\"|rel=\"self\"[^>]*href=\"([^\"]*)\""
      + "|\"feed_url\":\"([^\"]*)\"");

  static TestServer server;

  private static HttpResponse<byte[]> send(String method, String target) throws Exception {
    return NO_FOLLOW.send(HttpRequest.newBuilder(URI.create(server.url(target)))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String self(byte[] body) {
    Matcher m = SELF.matcher(new String(body, StandardCharsets.UTF_8));
    assertThat(m.find()).isTrue();
    for (int g = 1; g <= 3; g++) {
      if (m.group(g) != null) {
        return m.group(g).replace("&#x26;", "&").replace("&amp;", "&");
      }
    }
    throw new AssertionError();
  }

  @Test
  void everyOtherSpellingIsA301ToTheSelfLink() throws Exception {
    Map<String, String> cases = Map.of(
        "/feed.EXT?topic=ai&limit=2", "feed.EXT?limit=2&topic=ai",
        "/feed.EXT?TOPIC=AI&q=AI&limit=2", "feed.EXT?limit=2&q=ai&topic=ai",
        "/feed.EXT?limit=50", "feed.EXT",
        "/feed.EXT?utm_source=x", "feed.EXT",
        "/topics/AI/feed.EXT", "../../topics/ai/feed.EXT",
        "/topics/Machine%20Learning/feed.EXT?limit=3", "../../topics/machine-learning/feed.EXT?limit=3",
        "/providers/www.reuters.com/feed.EXT?topic=ai", "../../providers/reuters.com/feed.EXT?topic=ai",
        // An archive page holds its whole month: a limit is no part of its URL.
        "/feed.EXT?limit=5&archive=2023-10", "feed.EXT?archive=2023-10",
        "/topics/AI/feed.EXT?q=AI&ARCHIVE=2023-10", "../../topics/ai/feed.EXT?archive=2023-10&q=ai");
    for (String ext : List.of("rss", "atom", "json")) {
      for (Map.Entry<String, String> c : cases.entrySet()) {
        String asked = c.getKey().replace("EXT", ext);
        String location = c.getValue().replace("EXT", ext);
        for (String method : List.of("GET", "HEAD")) {
          HttpResponse<byte[]> r = send(method, asked);
          assertThat(r.statusCode()).as("%s %s", method, asked).isEqualTo(301);
          assertThat(r.headers().firstValue("Location")).as(asked).hasValue(location);
          assertThat(r.body()).isEmpty();
        }
        URI target = URI.create(server.url(asked)).resolve(location);
        HttpResponse<byte[]> followed = send("GET", target.getRawPath()
            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        assertThat(followed.statusCode()).as("%s from %s", target, asked).isEqualTo(200);
        // A JSON Feed archive page names its feed (feed_url is the feed's identifier), not itself.
        String self = ext.equals("json")
            ? target.toString().replaceFirst("archive=[0-9-]+&?", "").replaceFirst("\\?$", "")
            : target.toString();
        assertThat(self(followed.body())).as("self of %s", target).isEqualTo(self);
      }
    }
  }

  @Test
  void aCanonicalUrlAndABadQueryAreNotRedirected() throws Exception {
    for (String canonical : List.of("/feed.rss", "/feed.atom?limit=2&topic=ai",
        "/topics/ai/feed.json?q=chip", "/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/feed.rss")) {
      HttpResponse<byte[]> r = send("GET", canonical);
      assertThat(r.statusCode()).as(canonical).isEqualTo(200);
      assertThat(self(r.body())).isEqualTo(server.url(canonical));
    }
    assertThat(send("GET", "/feed.rss?limit=abc&topic=AI").statusCode()).isEqualTo(400);
    assertThat(send("GET", "/feed.xml?topic=AI").statusCode()).isEqualTo(404);
    // A path's topic that the query contradicts: an empty feed that no canonical query spells.
    assertThat(send("GET", "/topics/ai/feed.rss?topic=space").statusCode()).isEqualTo(200);
  }
}
