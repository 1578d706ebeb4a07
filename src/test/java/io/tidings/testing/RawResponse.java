package io.tidings.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/** The bytes of one whole HTTP/1.1 response, read as {@link RawHttp.Answer}. */
final class RawResponse {
  private RawResponse() {}

  /** {@code what} names the request in errors; {@code head}: the answer to a HEAD request. */
  static RawHttp.Answer parse(byte[] raw, boolean head, String what) throws IOException {
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
    return new RawHttp.Answer(status, headers, body);
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
