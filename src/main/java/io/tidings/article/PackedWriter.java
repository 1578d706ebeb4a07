package io.tidings.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the fields an {@link Article} reads rarely into one byte array (see {@link Packed} for
 * the layout). Every value comes back exactly: equal values give equal bytes.
 */
final class PackedWriter {
  private byte[] buf = new byte[512];
  private int len;

  byte[] bytes() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  void write(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  void varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** 0 for null, else the zigzag of {@code i} plus one. */
  void optionalInt(Integer i) {
    varint(i == null ? 0 : Packed.zigzag(i) + 1);
  }

  /** 0 for null; else 1 + (byte length << 1 | Latin-1), then the bytes (see {@link Packed}). */
  void text(String s) {
    if (s == null) {
      write(0);
      return;
    }
    int n = s.length();
    boolean latin1 = true;
    int size = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x100) {
        latin1 = false;
      }
      size += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    if (latin1) {
      varint(((long) n << 1 | 1) + 1);
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[len++] = (byte) s.charAt(i);
      }
      return;
    }
    varint(((long) size << 1) + 1);
    ensure(size);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i); // each UTF-16 unit alone, surrogates too: any string comes back
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | c >> 6);
        buf[len++] = (byte) (0x80 | c & 0x3F);
      } else {
        buf[len++] = (byte) (0xE0 | c >> 12);
        buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
        buf[len++] = (byte) (0x80 | c & 0x3F);
      }
    }
  }

  /**
   * {@code s} as the text it shares with {@code ref}: 0 null; 1 and the text; 2, the length of
   * the common prefix, of the common suffix and the text between; 3 the AMP cache's address of
   * {@code amp} ({@link Packed#ampCacheUrl}) when {@code s} is exactly that.
   */
  void url(String s, String ref, String amp) {
    if (s == null) {
      write(0);
      return;
    }
    if (amp != null && s.equals(Packed.ampCacheUrl(amp))) {
      write(3);
      return;
    }
    if (ref == null) {
      write(1);
      text(s);
      return;
    }
    int max = Math.min(s.length(), ref.length());
    int p = 0;
    while (p < max && s.charAt(p) == ref.charAt(p)) {
      p++;
    }
    int q = 0;
    while (q < max - p
        && s.charAt(s.length() - 1 - q) == ref.charAt(ref.length() - 1 - q)) {
      q++;
    }
    if (p + q == 0) {
      write(1);
      text(s);
      return;
    }
    write(2);
    varint(p);
    varint(q);
    text(s.substring(p, s.length() - q));
  }

  void instant(Instant t) {
    if (t == null) {
      write(0);
    } else if (t.getNano() == 0) {
      write(1);
      varint(Packed.zigzag(t.getEpochSecond()));
    } else {
      write(2);
      varint(Packed.zigzag(t.getEpochSecond()));
      varint(t.getNano());
    }
  }

  /** 0 null; 1 and its number in the shared table; 2 and its three strings. */
  void provider(Provider p) {
    if (p == null) {
      write(0);
      return;
    }
    int id = Interned.providerId(p);
    if (id >= 0) {
      write(1);
      varint(id);
    } else {
      write(2);
      text(p.name());
      text(p.domain());
      text(p.key());
    }
  }

  void images(List<Image> images, String ref) {
    if (images == null) {
      write(0);
      return;
    }
    varint(images.size() + 1L);
    for (Image i : images) {
      url(i.url(), ref, null);
      optionalInt(i.width());
      optionalInt(i.height());
      write(i.cached() == null ? 0 : i.cached() ? 2 : 1);
    }
  }

  void related(List<Related> related) {
    if (related == null) {
      write(0);
      return;
    }
    varint(related.size() + 1L);
    for (Related r : related) {
      provider(r.provider());
      text(r.title());
      text(r.excerpt());
      instant(r.publishedAt());
      String web = r.webUrl();
      url(web, r.provider() == null ? null : r.provider().siteUrl(), null);
      url(r.ampWebUrl(), web, null);
      url(r.cdnAmpWebUrl(), r.ampWebUrl() != null ? r.ampWebUrl() : web, r.ampWebUrl());
      text(r.type());
      optionalInt(r.quality());
      images(r.images(), web);
    }
  }
}
