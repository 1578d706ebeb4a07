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
    write(ctx, r, r, policy.cacheControl(), policy.cors(), false);
  }

  /**
   * Sends {@code delta}, the items of {@code full} that are new or changed since the state the
   * client named, as {@code 226 IM Used} (RFC 3229 with {@code A-IM: feed}): the validators of
   * {@code full} (the state the client holds once it has merged the delta), {@code IM: feed},
   * and {@code Cache-Control: no-store, im} so that no cache mistakes it for the feed.
   */
  public static void sendDelta(RoutingContext ctx, Representation full, Representation delta,
      Policy policy) {
    write(ctx, full, delta, "no-store, im", policy.cors(), true);
  }

  private static void write(RoutingContext ctx, Representation r, Representation bytes,
      String cacheControl, boolean cors, boolean delta) {
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
    String vary = r.negotiable() ? "Accept-Encoding, Accept" : "Accept-Encoding";
    res.putHeader("ETag", asXml ? (gzip ? r.xmlGzipEtag() : r.xmlEtag())
            : (gzip ? r.gzipEtag() : r.etag()))
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Vary", delta ? vary + ", A-IM" : vary);
    if (cors) {
      res.putHeader("Access-Control-Allow-Origin", "*");
    }
    if (r.snapshot() != null) {
      res.putHeader(SNAPSHOT_HEADER, r.snapshot());
    }
    if (r.lastModifiedHttp() != null) {
      res.putHeader("Last-Modified", r.lastModifiedHttp());
    }
    if (delta) {
      res.setStatusCode(226).setStatusMessage("IM Used").putHeader("IM", "feed");
    } else if (notModified(req, r)) {
      res.setStatusCode(304).end();
      return;
    }
    res.putHeader("Content-Type", asXml ? BROWSER_TYPE : r.contentType());
    if (gzip) {
      res.putHeader("Content-Encoding", "gzip");
    }
    if (req.method() == HttpMethod.HEAD) {
      // The headers of GET and no body: Vert.x does not drop the body of HEAD over HTTP/2.
      int length = gzip ? bytes.gzip().length() : bytes.body().length();
      res.putHeader("Content-Length", Integer.toString(length)).end();
      return;
    }
    // The shared buffer: Vert.x writes a slice of it, so every response sends the same bytes.
    res.end(gzip ? bytes.gzip() : bytes.body());
  }

  /** Whether If-None-Match names one of {@code r}'s tags (weakly), or is {@code *}. */
  public static boolean matches(Representation r, String ifNoneMatch) {
    return r.matches(ifNoneMatch);
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
