package io.tidings.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library hides: a request whose body
 * is read late or never, a kept-alive connection, a body cut short, request headers exactly
 * as given (Host included, which the JDK client refuses to set).
 *
 * <p>Two ways in: a connection ({@code new RawHttp(port, buffer)}) to write and read at will,
 * or {@link #send} for one whole exchange parsed into an {@link Answer}.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  /** Connects with the system's receive buffer. */
  public RawHttp(int port) throws IOException {
    this(port, 0);
  }

  /**
   * Connects; a small receive buffer keeps most of a big body on the server's side (0: the
   * system's).
   */
  public RawHttp(int port, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    in = socket.getInputStream();
  }

  public void send(String path) throws IOException {
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Sends these bytes as they are: requests that an HTTP client library would not send. */
  public void write(String raw) throws IOException {
    socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** One whole response to a request that asked for {@code Connection: close}: head and body. */
  public String readToEnd() throws IOException {
    return new String(readBody(Long.MAX_VALUE), StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads, dropping what arrives, until the server closes the connection (true) or
   * {@code millis} pass (false).
   */
  public boolean closedWithin(long millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    byte[] sink = new byte[8192];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      socket.setSoTimeout((int) left);
      try {
        if (in.read(sink) < 0) {
          return true;
        }
      } catch (java.net.SocketTimeoutException e) {
        return false;
      } catch (java.net.SocketException reset) {
        return true;
      }
    }
  }

  /**
   * Everything that arrives within {@code millis} or until the server closes: for a response
   * that streams and never ends.
   */
  public String readFor(long millis) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + millis * 1_000_000;
    byte[] chunk = new byte[8192];
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        socket.setSoTimeout((int) left);
        int n = in.read(chunk);
        if (n < 0) {
          break;
        }
        got.write(chunk, 0, n);
      }
    } catch (java.net.SocketTimeoutException | java.net.SocketException end) {
      // the time is up, or the connection was cut: what arrived is the answer
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  /**
   * Everything that arrives until the server closes the connection; fails when it is still
   * open after {@code millis}: for an exchange that must end with the connection closed.
   */
  public String readUntilClosed(long millis) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + millis * 1_000_000;
    byte[] chunk = new byte[8192];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("the connection is still open after " + millis
            + " ms; received: " + head(got.toString(StandardCharsets.ISO_8859_1)));
      }
      socket.setSoTimeout((int) left);
      int n;
      try {
        n = in.read(chunk);
      } catch (java.net.SocketTimeoutException e) {
        continue; // the deadline check above fails
      } catch (java.net.SocketException reset) {
        n = -1;
      }
      if (n < 0) {
        return got.toString(StandardCharsets.ISO_8859_1);
      }
      got.write(chunk, 0, n);
    }
  }

  /** The status lines and headers of what arrived, bodies cut short, for a message. */
  private static String head(String got) {
    return got.length() <= 600 ? got : got.substring(0, 600) + "...";
  }

  /** The status line and headers, or null when the server closed the connection first. */
  public String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  public static int status(String head) {
    return Integer.parseInt(head.substring(9, 12));
  }

  public static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).strip());
      }
    }
    throw new AssertionError("no Content-Length in " + head);
  }

  /** Reads up to {@code max} bytes of body, fewer if the connection ends first. */
  public byte[] readBody(long max) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    try {
      while (body.size() < max) {
        int n = in.read(chunk, 0, (int) Math.min(chunk.length, max - body.size()));
        if (n < 0) {
          break;
        }
        body.write(chunk, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // cut: what arrived is the answer
    }
    return body.toByteArray();
  }

  /** What a client sees of one answer: status, every header (names lower case), body bytes. */
  public record Answer(int status, SortedMap<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null ? null : v.get(0);
    }

    /** What differs from {@code other}, in words; empty when nothing does. */
    public String difference(Answer other) {
      List<String> out = new ArrayList<>();
      if (status != other.status) {
        out.add("status " + status + " vs " + other.status);
      }
      TreeMap<String, List<String>> names = new TreeMap<>(headers);
      names.putAll(other.headers);
      for (String name : names.keySet()) {
        if (!Objects.equals(headers.get(name), other.headers.get(name))) {
          out.add(name + ": " + headers.get(name) + " vs " + other.headers.get(name));
        }
      }
      if (!Arrays.equals(body, other.body)) {
        out.add("body of " + body.length + " vs " + other.body.length + " bytes");
      }
      return String.join("; ", out);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends one request with exactly these headers on a new connection ({@code Connection:
   * close}) and reads the whole answer: what a reverse proxy sends to the server behind it.
   */
  public static Answer send(int port, String method, String target, Map<String, String> headers)
      throws IOException {
    StringBuilder request = new StringBuilder()
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    request.append("Connection: close\r\n\r\n");
    try (RawHttp http = new RawHttp(port)) {
      http.socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
      http.socket.getOutputStream().flush();
      return RawResponse.parse(http.in.readAllBytes(), method.equals("HEAD"), method + " " + target);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
