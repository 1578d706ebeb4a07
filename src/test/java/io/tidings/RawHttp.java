package io.tidings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library hides: a request whose body
 * is read late or never, a kept-alive connection, a body cut short.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  /** Connects; a small receive buffer keeps most of a big body on the server's side. */
  RawHttp(int port, int receiveBuffer) throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer);
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    in = socket.getInputStream();
  }

  void send(String path) throws IOException {
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Sends these bytes as they are: requests that an HTTP client library would not send. */
  void write(String raw) throws IOException {
    socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** One whole response to a request that asked for {@code Connection: close}: head and body. */
  String readToEnd() throws IOException {
    return new String(readBody(Long.MAX_VALUE), StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads, dropping what arrives, until the server closes the connection (true) or
   * {@code millis} pass (false).
   */
  boolean closedWithin(long millis) throws IOException {
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
  String readFor(long millis) throws IOException {
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
  String readUntilClosed(long millis) throws IOException {
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
  String readHead() throws IOException {
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

  static int status(String head) {
    return Integer.parseInt(head.substring(9, 12));
  }

  static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).strip());
      }
    }
    throw new AssertionError("no Content-Length in " + head);
  }

  /** Reads up to {@code max} bytes of body, fewer if the connection ends first. */
  byte[] readBody(long max) throws IOException {
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

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
