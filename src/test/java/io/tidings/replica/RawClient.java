package io.tidings.replica;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket with the request headers exactly as given, Host included (the
 * JDK client refuses to set Host): what a reverse proxy sends to each replica behind it.
 */
final class RawClient {
  private RawClient() {}

  /** What a client sees of one answer: status, every header (names lower case), body bytes. */
  record Answer(int status, SortedMap<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null ? null : v.get(0);
    }

    /** What differs from {@code other}, in words; empty when nothing does. */
    String difference(Answer other) {
      List<String> out = new ArrayList<>();
      if (status != other.status) {
        out.add("status " + status + " vs " + other.status);
      }
      if (!headers.equals(other.headers)) {
        TreeMap<String, List<String>> all = new TreeMap<>(headers);
        all.putAll(other.headers);
        for (String name : all.keySet()) {
          if (!java.util.Objects.equals(headers.get(name), other.headers.get(name))) {
            out.add(name + ": " + headers.get(name) + " vs " + other.headers.get(name));
          }
        }
      }
      if (!Arrays.equals(body, other.body)) {
        out.add("body of " + body.length + " vs " + other.body.length + " bytes");
      }
      return String.join("; ", out);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends one request on a new connection ({@code Connection: close}) and reads the answer. */
  static Answer send(int port, String method, String target, Map<String, String> headers)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(30_000);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      StringBuilder request = new StringBuilder()
          .append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return parse(in.readAllBytes(), method.equals("HEAD"), method + " " + target);
    }
  }

  private static Answer parse(byte[] raw, boolean head, String what) throws IOException {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      throw new IOException("no complete response head for " + what + ": "
          + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    SortedMap<String, List<String>> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    if (head || status == 304 || status == 204) {
      body = new byte[0];
    } else if (headers.containsKey("transfer-encoding")) {
      body = dechunk(body, what);
    } else if (headers.containsKey("content-length")) {
      long length = Long.parseLong(headers.get("content-length").get(0));
      if (body.length != length) {
        throw new IOException(what + ": Content-Length " + length + " but " + body.length
            + " bytes arrived");
      }
    }
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (true) {
      int eol = indexOf(chunked, new byte[] {'\r', '\n'}, i);
      if (eol < 0) {
        throw new IOException(what + ": a chunked body cut short");
      }
      String size = new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1);
      int n = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(chunked, eol + 2, n);
      i = eol + 2 + n + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
