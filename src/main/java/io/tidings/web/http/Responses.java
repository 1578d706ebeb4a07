package io.tidings.web.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way a {@link Representation} is sent, for feeds, pages, OPML, the API and assets
 * alike: ETag, Last-Modified, conditional GET (304), gzip when the client takes it, the
 * browser's {@code application/xml} view of a feed, Cache-Control, CORS, HEAD.
 */
public final class Responses {
  /** What browsers apply a feed's XSLT to. */
  static final String BROWSER_TYPE = "application/xml; charset=utf-8";
  /**
   * The version of the snapshot whose rendering the response is (docs/feeds.md, "The snapshot
   * header").
   */
  public static final String SNAPSHOT_HEADER = "X-Tidings-Snapshot";

  /**
   * How a route's answers are cached by others.
   *
   * @param cacheControl the Cache-Control value
   * @param cors whether any origin may read them ({@code Access-Control-Allow-Origin: *})
   */
  public record Policy(String cacheControl, boolean cors) {}

  private Responses() {}

  /** Sends {@code r} (or 304) unless the connection is gone; header names as always spelled. */
  public static void send(RoutingContext ctx, Representation r, Policy policy) {
    HttpServerResponse res = ctx.response();
    if (res.closed()) {
      return;
    }
    HttpServerRequest req = ctx.request();
    boolean gzip = Conditional.acceptsGzip(req.getHeader(HttpHeaders.ACCEPT_ENCODING));
    // With the stylesheet on, a browser (it prefers HTML) gets a feed's bytes as
    // application/xml: Chromium shows application/rss+xml and atom+xml as plain text and
    // applies no XSLT to them. Another Content-Type is another representation: own ETags.
    boolean asXml = r.negotiable() && Conditional.prefersHtml(req.getHeader(HttpHeaders.ACCEPT));
    res.putHeader("ETag", asXml ? (gzip ? r.xmlGzipEtag() : r.xmlEtag())
            : (gzip ? r.gzipEtag() : r.etag()))
        .putHeader("Cache-Control",
            r.cacheControl() != null ? r.cacheControl() : policy.cacheControl())
        .putHeader("Vary", r.negotiable() ? "Accept-Encoding, Accept"
            : "Accept-Encoding");
    if (policy.cors()) {
      res.putHeader("Access-Control-Allow-Origin", "*");
    }
    if (r.snapshot() != null) {
      res.putHeader(SNAPSHOT_HEADER, r.snapshot());
    }
    if (r.lastModifiedHttp() != null) {
      res.putHeader("Last-Modified", r.lastModifiedHttp());
    }
    if (notModified(req, r)) {
      res.setStatusCode(304).end();
      return;
    }
    res.putHeader("Content-Type", asXml ? BROWSER_TYPE : r.contentType());
    if (gzip) {
      res.putHeader("Content-Encoding", "gzip");
    }
    if (req.method() == HttpMethod.HEAD) {
      // The headers of GET and no body: Vert.x does not drop the body of HEAD over HTTP/2.
      int length = gzip ? r.gzip().length() : r.body().length();
      res.putHeader("Content-Length", Integer.toString(length)).end();
      return;
    }
    // The shared buffer: Vert.x writes a slice of it, so every response sends the same bytes.
    res.end(gzip ? r.gzip() : r.body());
  }

  /**
   * Whether the client's copy is current. If-None-Match decides when present (weak
   * comparison; any of the entity's tags, {@code *}); If-Modified-Since only without it, and
   * only for what has a date.
   */
  private static boolean notModified(HttpServerRequest req, Representation r) {
    return Conditional.notModified(req.getHeader(HttpHeaders.IF_NONE_MATCH),
        req.getHeader(HttpHeaders.IF_MODIFIED_SINCE), r.lastModified(), r::matches);
  }
}
