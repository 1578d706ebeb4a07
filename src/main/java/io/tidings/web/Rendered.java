package io.tidings.web;

import io.tidings.feed.RenderedFeed;

/**
 * A page, API answer, OPML list or asset, ready to send: its bytes, their gzip, and a strong
 * ETag derived from the bytes, so equal content gives equal tags on every replica.
 */
record Rendered(String contentType, byte[] body, byte[] gzip, String etag) {

  static Rendered of(String contentType, byte[] body) {
    return new Rendered(contentType, body, RenderedFeed.gzip(body), RenderedFeed.etagOf(body));
  }

  /** The gzip body is another representation of the same entity, so it has its own tag. */
  String gzipEtag() {
    return etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  long weight() {
    return body.length + gzip.length + 128L;
  }
}
