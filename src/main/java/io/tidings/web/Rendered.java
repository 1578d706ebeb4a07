package io.tidings.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A page, API answer, OPML list or asset, ready to send: its bytes, their gzip, and a strong
 * ETag derived from the bytes, so equal content gives equal tags on every replica.
 */
record Rendered(String contentType, byte[] body, byte[] gzip, String etag) {

  static Rendered of(String contentType, byte[] body) {
    return new Rendered(contentType, body, gzip(body), etagOf(body));
  }

  /** The gzip body is another representation of the same entity, so it has its own tag. */
  String gzipEtag() {
    return etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  long weight() {
    return body.length + gzip.length + 128L;
  }

  static String etagOf(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
