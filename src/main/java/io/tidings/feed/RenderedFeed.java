package io.tidings.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A feed's bytes, ready to send as they are: identity and gzip bodies, a strong ETag derived
 * from the bytes, and Last-Modified (the newest item's date; null for an empty feed).
 */
public record RenderedFeed(FeedFormat format, byte[] body, byte[] gzip, String etag,
    Instant lastModified) {

  static RenderedFeed of(FeedFormat format, byte[] body, Instant lastModified) {
    return new RenderedFeed(format, body, gzip(body), etagOf(body), lastModified);
  }

  /** The ETag of the gzip body: the same entity, another representation, so another tag. */
  public String gzipEtag() {
    return etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  /** Memory the entry holds, for the cache's byte bound. */
  long weight() {
    return body.length + gzip.length + 128L;
  }

  /** A strong ETag derived from the bytes: equal bytes, equal tags, on every replica. */
  public static String etagOf(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bytes gzip-compressed; deterministic (no time or name in the header). */
  public static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
