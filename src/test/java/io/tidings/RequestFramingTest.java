package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.RawHttp;
import io.tidings.testing.TidingsServer;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Request framing on a raw socket (RFC 9112): a request whose body or head the server refuses
 * is answered once and its connection closed, so that no byte after it, a pipelined request
 * in particular, is ever read as a request (request smuggling); a Host header missing,
 * repeated or invalid is a 400 (RFC 9112, 3.2).
 */
@TidingsServer
class RequestFramingTest {
  /** Sent after each refused request on the same connection: it must never be answered. */
  private static final String SMUGGLED =
      "GET /health?smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

  static TestServer server;

  /**
   * Sends {@code head} (with what follows it) and a pipelined request; returns the one
   * answer, after checking that there was one and then the connection was closed.
   */
  static String answeredOnceThenClosed(String raw) throws IOException {
    try (RawHttp http = new RawHttp(server.port(), 64 * 1024)) {
      http.write(raw + SMUGGLED);
      String all = http.readUntilClosed(10_000);
      Matcher m = STATUS_LINE.matcher(all);
      List<String> statuses = m.results().map(r -> r.group(1)).toList();
      assertThat(statuses).as("responses to %s", raw).hasSize(1);
      assertThat(all).as("answered after %s", raw).doesNotContain("\"status\"");
      assertThat(all.toLowerCase()).contains("connection: close");
      return all;
    }
  }

  @Test
  void aRequestWithABodyIsAnsweredOnceAndItsConnectionClosed() throws Exception {
    String get = "GET /feed.rss HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (String framing : List.of(
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        "Transfer-Encoding: identity\r\n\r\n",
        "Transfer-Encoding: gzip\r\n\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "Content-Length: 5\r\n\r\nhello",
        "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
        "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        "Content-Length: 5, 5\r\n\r\nhello",
        "Content-Length: 0\r\nContent-Length: 5\r\n\r\nhello",
        "Content-Length: x\r\n\r\n")) {
      String answer = answeredOnceThenClosed(get + framing);
      assertThat(RawHttp.status(answer)).as(framing).isIn(400, 413);
    }
    for (String method : List.of("POST", "PUT")) {
      assertThat(RawHttp.status(answeredOnceThenClosed(method + " /feed.rss HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")))
          .isEqualTo(405);
    }
  }

  @Test
  void aHostHeaderMissingRepeatedOrInvalidIsA400() throws Exception {
    for (String hosts : List.of(
        "Host: 127.0.0.1\r\nHost: 127.0.0.1\r\n",
        "Host: 127.0.0.1\r\nHost: evil.example\r\n",
        "Host: evil.example\r\nX-A: 1\r\nHost: 127.0.0.1\r\n",
        "",
        "Host: 127.0.0.1:99999\r\n",
        "Host: 127.0.0.1:0\r\n",
        "Host: :8080\r\n",
        "Host: evil.example@127.0.0.1\r\n",
        "Host: a b\r\n",
        "Host: evil.example/x\r\n",
        "Host: evil\"example\r\n",
        "Host: evil.example:80:80\r\n")) {
      for (String path : List.of("/feed.rss", "/", "/opml")) {
        String answer = answeredOnceThenClosed("GET " + path + " HTTP/1.1\r\n" + hosts
            + "\r\n");
        assertThat(RawHttp.status(answer)).as(hosts).isEqualTo(400);
        assertThat(answer).as(hosts).contains("Host header");
      }
    }
    assertThat(answeredOnceThenClosed("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"))
        .contains("the request has 2 Host headers; exactly one is allowed");
    assertThat(answeredOnceThenClosed("GET / HTTP/1.1\r\n\r\n"))
        .contains("an HTTP/1.1 request must have a Host header");
    assertThat(answeredOnceThenClosed("GET / HTTP/1.1\r\nHost: x:99999\r\n\r\n"))
        .contains("the Host header \"x:99999\" is not a host name");
  }

  @Test
  void wellFramedRequestsStillShareAConnection() throws Exception {
    try (RawHttp http = new RawHttp(server.port(), 64 * 1024)) {
      http.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"
          + "GET /health HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n"
          + "GET /health HTTP/1.1\r\nHost: feeds.example.com\r\nConnection: close\r\n\r\n");
      String all = http.readUntilClosed(10_000);
      assertThat(STATUS_LINE.matcher(all).results().map(r -> r.group(1)).toList())
          .containsExactly("200", "200", "200");
    }
    // HTTP/1.0 needs no Host.
    try (RawHttp http = new RawHttp(server.port(), 64 * 1024)) {
      http.write("GET /health HTTP/1.0\r\n\r\n");
      assertThat(RawHttp.status(http.readUntilClosed(10_000))).isEqualTo(200);
    }
  }
}
