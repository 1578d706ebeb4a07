package io.tidings.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields an {@link Article} keeps in one byte array instead of a dozen objects: its
 * excerpt, images, related coverage, AMP addresses and body, in that order (written by {@link
 * PackedWriter}). A string is its length and its Latin-1 bytes, or, when it holds a character
 * above U+00FF, each UTF-16 unit in one to three bytes as UTF-8 would write it (surrogates one
 * by one, so that any string, even a broken one, comes back as it was). An address is kept as
 * what it does not share with a neighbour (the provider's home page, the entry's web address,
 * its AMP address), and an AMP cache address that is exactly what the AMP cache's rule makes of
 * the AMP address as one byte. A reader walks from the start: the array is read rarely (a
 * feed's render, the API, the restart cache), never per request of a cached feed.
 */
final class Packed {
  private final byte[] b;
  private int at;

  Packed(byte[] b) {
    this.b = b;
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  /**
   * The AMP cache's address of a page ({@code https://developers.google.com/amp/cache/overview}):
   * {@code https://} the host with each {@code -} doubled and each {@code .} made a {@code -},
   * {@code .cdn.ampproject.org/c/}, {@code s/} for an https page, then the page's address without
   * its scheme. Null for an address it does not apply to (no http(s), a port or user).
   */
  static String ampCacheUrl(String amp) {
    boolean https = amp.startsWith("https://");
    if (!https && !amp.startsWith("http://")) {
      return null;
    }
    String rest = amp.substring(https ? 8 : 7);
    int end = 0;
    while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    String host = rest.substring(0, end);
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
          || c == '.')) {
        return null;
      }
    }
    if (host.isEmpty()) {
      return null;
    }
    String sub = host.toLowerCase(Locale.ROOT).replace("-", "--").replace('.', '-');
    return "https://" + sub + ".cdn.ampproject.org/c/" + (https ? "s/" : "") + rest;
  }

  int read() {
    return b[at++] & 0xFF;
  }

  long varint() {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int x = read();
      v |= (long) (x & 0x7F) << shift;
      if (x < 0x80) {
        return v;
      }
    }
  }

  Integer optionalInt() {
    long v = varint();
    return v == 0 ? null : (int) unzigzag(v - 1);
  }

  String text() {
    long h = varint();
    if (h == 0) {
      return null;
    }
    h--;
    int n = (int) (h >>> 1);
    int from = at;
    at += n;
    if ((h & 1) != 0) {
      return new String(b, from, n, StandardCharsets.ISO_8859_1);
    }
    char[] out = new char[n];
    int k = 0;
    for (int i = from; i < at; ) {
      int c = b[i++] & 0xFF;
      if (c < 0x80) {
        out[k++] = (char) c;
      } else if (c < 0xE0) {
        out[k++] = (char) ((c & 0x1F) << 6 | b[i++] & 0x3F);
      } else {
        out[k++] = (char) ((c & 0x0F) << 12 | (b[i++] & 0x3F) << 6 | b[i++] & 0x3F);
      }
    }
    return new String(out, 0, k);
  }

  void skipText() {
    long h = varint();
    if (h != 0) {
      at += (int) ((h - 1) >>> 1);
    }
  }

  void skipUrl() {
    int tag = read();
    if (tag == 2) {
      varint();
      varint();
    }
    if (tag == 1 || tag == 2) {
      skipText();
    }
  }

  void skipImages() {
    int n = (int) varint() - 1;
    for (int i = 0; i < n; i++) {
      skipUrl();
      varint();
      varint();
      read();
    }
  }

  String url(String ref, String amp) {
    switch (read()) {
      case 0:
        return null;
      case 1:
        return text();
      case 2:
        int p = (int) varint();
        int q = (int) varint();
        return ref.substring(0, p) + text() + ref.substring(ref.length() - q);
      default:
        return ampCacheUrl(amp);
    }
  }

  Instant instant() {
    int tag = read();
    if (tag == 0) {
      return null;
    }
    long seconds = unzigzag(varint());
    return Instant.ofEpochSecond(seconds, tag == 2 ? varint() : 0);
  }

  Provider provider() {
    switch (read()) {
      case 0:
        return null;
      case 1:
        return Interned.providerAt((int) varint());
      default:
        return new Provider(text(), text(), text());
    }
  }

  List<Image> images(String ref) {
    int n = (int) varint() - 1;
    if (n < 0) {
      return null;
    }
    if (n == 0) {
      return List.of();
    }
    List<Image> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String url = url(ref, null);
      Integer w = optionalInt();
      Integer h = optionalInt();
      int cached = read();
      out.add(new Image(url, w, h, cached == 0 ? null : cached == 2));
    }
    return List.copyOf(out);
  }

  List<Related> related() {
    int n = (int) varint() - 1;
    if (n < 0) {
      return null;
    }
    if (n == 0) {
      return List.of();
    }
    List<Related> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Provider provider = provider();
      String title = text();
      String excerpt = text();
      Instant publishedAt = instant();
      String web = url(provider == null ? null : provider.siteUrl(), null);
      String amp = url(web, null);
      String cdn = url(amp != null ? amp : web, amp);
      String type = text();
      Integer quality = optionalInt();
      out.add(new Related(title, excerpt, publishedAt, web, amp, cdn, type, provider, quality,
          images(web)));
    }
    return List.copyOf(out);
  }
}
