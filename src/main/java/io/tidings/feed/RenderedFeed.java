package io.tidings.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A feed's bytes, ready to send as they are: identity and gzip bodies, a strong ETag derived
 * from the bytes, Last-Modified (the newest item's date; null for an empty feed), and the
 * version of the newest snapshot that these bytes are known to be the rendering of.
 *
 * @param snapshot {@link io.tidings.catalog.Snapshot#versionHex()} of the snapshot the bytes
 *     were rendered from, or of a later one that the render cache checked they still match
 */
public record RenderedFeed(FeedFormat format, byte[] body, byte[] gzip, String etag,
    String gzipEtag, Instant lastModified, String lastModifiedHttp, String snapshot) {

  /** IMF-fixdate (RFC 9110, 5.6.7), the only form a sender may write: a two-digit day. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /**
   * The tags and the HTTP date are made once here, not on each of the many requests that the
   * cached feed answers.
   */
  static RenderedFeed of(FeedFormat format, byte[] body, Instant lastModified, String snapshot) {
    String etag = etagOf(body);
    // The gzip body is the same entity in another representation, so it has another tag.
    return new RenderedFeed(format, body, gzip(body), etag,
        etag.substring(0, etag.length() - 1) + "-gz\"", lastModified,
        lastModified == null ? null : HTTP_DATE.format(lastModified), snapshot);
  }

  /** The same bytes, vouched for by a later snapshot that renders them identically. */
  RenderedFeed at(String laterSnapshot) {
    return laterSnapshot.equals(snapshot) ? this
        : new RenderedFeed(format, body, gzip, etag, gzipEtag, lastModified, lastModifiedHttp,
            laterSnapshot);
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
