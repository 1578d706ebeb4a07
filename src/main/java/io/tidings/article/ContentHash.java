package io.tidings.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * The 64-bit content hash of an article: the first 8 bytes (big-endian) of the SHA-256 of an
 * explicit serialization, so that every replica on every JDK computes the same value (a
 * record's {@code toString()} has no promised format). Snapshot versions, ETags of API
 * answers and {@code X-Tidings-Snapshot} all derive from it.
 *
 * <p>The serialization, version 1. It starts with the string {@code "tidings-article-1"}, then
 * writes the article's fields in this order: id, title, publishedAt, originalUrl, webUrl,
 * ampWebUrl, cdnAmpWebUrl, excerpt, category, type, quality, heat, published, provider,
 * topics, images, related, body. Its elements:
 * <ul>
 *   <li>a string: its UTF-8 length as a 4-byte big-endian signed integer, then its UTF-8
 *       bytes; null is the length -1 and no bytes;
 *   <li>a number, a boolean, an instant: the string of its decimal form, {@code true} or
 *       {@code false}, or ISO-8601 in UTC ({@link Instant#toString()}); null as above;
 *   <li>a list: its size as a 4-byte big-endian integer, then each element;
 *   <li>a provider: name, domain, key; a topic: name, key; an image: url, width, height,
 *       cached; a related article: title, excerpt, publishedAt, webUrl, ampWebUrl,
 *       cdnAmpWebUrl, type, provider, quality, images.
 * </ul>
 * A change of this format changes every version and tag once; give it a new version string.
 */
public final class ContentHash {
  private static final String FORMAT = "tidings-article-1";

  private final MessageDigest digest;

  private ContentHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hash of everything {@code a} says but its own hash. */
  public static long of(Article a) {
    ContentHash h = new ContentHash();
    h.text(FORMAT);
    h.text(a.id()).text(a.title()).value(a.publishedAt()).text(a.originalUrl())
        .text(a.webUrl()).text(a.ampWebUrl()).text(a.cdnAmpWebUrl()).text(a.excerpt())
        .text(a.category()).text(a.type()).value(a.quality()).value(a.heat())
        .value(a.published()).provider(a.provider());
    h.size(a.topics());
    for (Topic t : a.topics()) {
      h.text(t.name()).text(t.key());
    }
    h.images(a.images());
    h.size(a.related());
    for (Related r : a.related()) {
      h.text(r.title()).text(r.excerpt()).value(r.publishedAt()).text(r.webUrl())
          .text(r.ampWebUrl()).text(r.cdnAmpWebUrl()).text(r.type()).provider(r.provider())
          .value(r.quality()).images(r.images());
    }
    h.text(a.body());
    byte[] d = h.digest.digest();
    long out = 0;
    for (int i = 0; i < 8; i++) {
      out = (out << 8) | (d[i] & 0xff);
    }
    return out;
  }

  private ContentHash provider(Provider p) {
    return p == null ? text(null) : text(p.name()).text(p.domain()).text(p.key());
  }

  private ContentHash images(List<Image> images) {
    size(images);
    for (Image i : images) {
      text(i.url()).value(i.width()).value(i.height()).value(i.cached());
    }
    return this;
  }

  private ContentHash value(Object v) {
    return text(v == null ? null : v.toString());
  }

  private ContentHash text(String s) {
    if (s == null) {
      integer(-1);
      return this;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    integer(b.length);
    digest.update(b);
    return this;
  }

  private void size(List<?> list) {
    integer(list.size());
  }

  private void integer(int n) {
    digest.update((byte) (n >>> 24));
    digest.update((byte) (n >>> 16));
    digest.update((byte) (n >>> 8));
    digest.update((byte) n);
  }
}
