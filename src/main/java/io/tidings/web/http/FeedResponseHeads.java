package io.tidings.web.http;

import io.vertx.core.http.HttpHeaders;

/**
 * The headers of one cached feed's answers, made once: for each of its two variants (identity
 * or gzip), name and value pairs in the order the
 * router's way writes them (X-Content-Type-Options from CommonHeaders, the feed's
 * SecurityPolicy, then {@link Responses#send}), as pre-encoded ASCII strings. A 304 takes the
 * pairs up to Last-Modified; a 200 all of them.
 */
final class FeedResponseHeads {
  static final CharSequence CONTENT_LENGTH = ascii("Content-Length");

  /** What it was made for: the entry's identity tag and snapshot (a new entry has others). */
  private final String etag;
  private final String snapshot;
  /** By {@code gzip ? 1 : 0}. */
  private final CharSequence[][] variants = new CharSequence[2][];
  private final int conditionalLength;
  private final CharSequence length;
  private final CharSequence gzipLength;

  FeedResponseHeads(Representation r, Responses.Policy policy, boolean feedSecurity) {
    this.etag = r.etag();
    this.snapshot = r.snapshot();
    int common = 0;
    for (int v = 0; v < 2; v++) {
      boolean gzip = v == 1;
      Pairs p = new Pairs();
      p.add("X-Content-Type-Options", "nosniff");
      if (feedSecurity) {
        p.add("Content-Security-Policy", SecurityPolicy.FEED);
        p.add("Referrer-Policy", SecurityPolicy.REFERRER_POLICY);
      }
      p.add("ETag", gzip ? r.gzipEtag() : r.etag());
      p.add("Cache-Control", r.cacheControl() != null ? r.cacheControl() : policy.cacheControl());
      p.add("Vary", policy.byAccept() ? "Accept-Encoding, Accept" : "Accept-Encoding");
      if (policy.cors()) {
        p.add("Access-Control-Allow-Origin", "*");
      }
      if (r.snapshot() != null) {
        p.add(Responses.SNAPSHOT_HEADER, r.snapshot());
      }
      if (r.lastModifiedHttp() != null) {
        p.add("Last-Modified", r.lastModifiedHttp());
      }
      common = p.size;
      p.add("Content-Type", r.contentType());
      if (gzip) {
        p.add("Content-Encoding", "gzip");
      }
      variants[v] = p.toArray();
    }
    this.conditionalLength = common;
    this.length = ascii(Integer.toString(r.body().length()));
    this.gzipLength = ascii(Integer.toString(r.gzip().length()));
  }

  /** Whether these are the headers of {@code r} (and not of an entry it replaced). */
  boolean isFor(Representation r) {
    return r.etag() == etag && r.snapshot() == snapshot;
  }

  CharSequence[] pairs(boolean gzip) {
    return variants[gzip ? 1 : 0];
  }

  /** How many entries of {@link #pairs} a 304 sends. */
  int conditionalLength() {
    return conditionalLength;
  }

  CharSequence contentLength(boolean gzip) {
    return gzip ? gzipLength : length;
  }

  private static CharSequence ascii(String s) {
    return HttpHeaders.createOptimized(s);
  }

  private static final class Pairs {
    private final CharSequence[] items = new CharSequence[32];
    private int size;

    void add(String name, String value) {
      items[size++] = ascii(name);
      items[size++] = ascii(value);
    }

    CharSequence[] toArray() {
      return java.util.Arrays.copyOf(items, size);
    }
  }
}
