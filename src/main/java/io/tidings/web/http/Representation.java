package io.tidings.web.http;

import io.tidings.feed.Archive;
import io.tidings.feed.FeedContent;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.RenderedFeed;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A feed, page, API answer, OPML list or asset, ready to send as it is: identity and gzip
 * bodies, strong ETags derived from the bytes (equal bytes, equal tags, on every replica), and
 * for a feed its Last-Modified and the snapshot it renders. Everything a response needs is made
 * once here, not on each of the many requests that a cached entry answers.
 *
 * @param body the bytes, in a buffer that every response of this entry shares (never written)
 * @param gzip the bytes gzip-compressed, likewise shared
 * @param etag the tag of the identity body
 * @param gzipEtag the tag of the gzip body: another representation of the same entity
 * @param lastModified the newest item's date, or null (pages, empty feeds)
 * @param lastModifiedHttp the same as an IMF-fixdate, or null
 * @param snapshot the snapshot version that the bytes are known to render ({@code
 *     X-Tidings-Snapshot}), or null for what is not a feed
 * @param query what a feed selects, so that a change can tell whether it touches it; null
 *     for what is not a feed
 * @param content what a feed was rendered from, the base of its deltas (RFC 3229); null for
 *     what is not a feed
 * @param cacheControl its own Cache-Control (a settled archive page's), or null for the
 *     route's
 */
public record Representation(String contentType, Buffer body, Buffer gzip, String etag,
    String gzipEtag, Instant lastModified, String lastModifiedHttp, String snapshot, FeedQuery query,
    FeedContent content, String cacheControl) {

  /** IMF-fixdate (RFC 9110, 5.6.7), the only form a sender may write: a two-digit day. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** A page, API answer, OPML list or asset: no date, no snapshot. */
  public static Representation of(String contentType, byte[] bytes) {
    String etag = etagOf(bytes);
    return new Representation(contentType, direct(bytes), direct(gzip(bytes)),
        etag, variant(etag, "-gz"), null, null, null, null, null, null);
  }

  /** A rendered feed. */
  public static Representation of(RenderedFeed feed) {
    byte[] bytes = feed.body();
    String etag = etagOf(bytes);
    String gzipEtag = variant(etag, "-gz");
    Instant updated = feed.updated();
    return new Representation(feed.format().contentType(), direct(bytes),
        direct(gzip(bytes)), etag, gzipEtag, updated,
        updated == null ? null : HTTP_DATE.format(updated), feed.snapshot(), feed.query(),
        feed.content(), feed.settled() ? Archive.SETTLED_CACHE_CONTROL : null);
  }

  /**
   * The bytes in direct (off-heap) memory, read-only and shared by every response: the socket
   * is written from them as they are, where a heap buffer is copied into direct memory on each
   * write. The memory is the JDK's, freed when the buffer is collected.
   */
  static Buffer direct(byte[] bytes) {
    ByteBuffer nio = ByteBuffer.allocateDirect(bytes.length);
    nio.put(bytes).flip();
    return BufferInternal.buffer(Unpooled.wrappedBuffer(nio.asReadOnlyBuffer()));
  }

  /** The same bytes, vouched for by a later snapshot that renders them identically. */
  Representation at(String laterSnapshot) {
    return laterSnapshot.equals(snapshot) ? this
        : new Representation(contentType, body, gzip, etag, gzipEtag, lastModified,
            lastModifiedHttp, laterSnapshot, query, content, cacheControl);
  }

  /** Memory the entry holds, for the cache's byte bound. */
  long weight() {
    return body.length() + gzip.length() + 128L;
  }

  /** Whether If-None-Match names one of this entity's tags (weak comparison, or *). */
  boolean matches(String ifNoneMatch) {
    return Conditional.matchesAny(ifNoneMatch, etag, gzipEtag);
  }

  /** {@code "abc"} and {@code -gz} give {@code "abc-gz"}. */
  private static String variant(String etag, String suffix) {
    return etag.substring(0, etag.length() - 1) + suffix + "\"";
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
  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
