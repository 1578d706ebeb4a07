package io.tidings.web.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way a {@link Representation} is sent, for feeds, pages, OPML, the API and assets
 * alike: ETag, Last-Modified, conditional GET (304), gzip when the client takes it, the
 * Cache-Control, CORS, HEAD, and which request headers the answer varies by.
 */
public final class Responses {
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
   * @param byAccept whether the URL answers by Accept too (a feed, or its HTML view for a
   *     browser): {@code Vary: Accept-Encoding, Accept}
   */
  public record Policy(String cacheControl, boolean cors, boolean byAccept) {
    /** A route whose answers vary by Accept-Encoding only. */
    public Policy(String cacheControl, boolean cors) {
      this(cacheControl, cors, false);
    }
  }

  /**
   * Whether the client would rather have an HTML page than a feed (a browser opening a feed
   * URL): its Accept weighs HTML above every type a feed is sent as (q-values honoured).
   */
  public static boolean prefersHtml(HttpServerRequest req) {
    return Conditional.prefersHtml(req.getHeader(HttpHeaders.ACCEPT));
  }

  private Responses() {}

  /** Sends {@code r} (or 304) unless the connection is gone; header names as always spelled. */
  public static void send(RoutingContext ctx, Representation r, Policy policy) {
    write(ctx, r, r, policy.cacheControl(), policy.cors(), policy.byAccept(), false);
  }

  /**
   * Sends {@code delta}, the items of {@code full} that are new or changed since the state the
   * client named, as {@code 226 IM Used} (RFC 3229 with {@code A-IM: feed}): the validators of
   * {@code full} (the state the client holds once it has merged the delta), {@code IM: feed},
   * and {@code Cache-Control: no-store, im} so that no cache mistakes it for the feed.
   */
  public static void sendDelta(RoutingContext ctx, Representation full, Representation delta,
      Policy policy) {
    write(ctx, full, delta, "no-store, im", policy.cors(), policy.byAccept(), true);
  }

  private static void write(RoutingContext ctx, Representation r, Representation bytes,
      String cacheControl, boolean cors, boolean byAccept, boolean delta) {
    HttpServerResponse res = ctx.response();
    if (res.closed()) {
      return;
    }
    HttpServerRequest req = ctx.request();
    boolean gzip = Conditional.acceptsGzip(req.getHeader(HttpHeaders.ACCEPT_ENCODING));
    String vary = byAccept ? "Accept-Encoding, Accept" : "Accept-Encoding";
    res.putHeader("ETag", gzip ? r.gzipEtag() : r.etag())
        .putHeader("Cache-Control", r.cacheControl() != null && !delta ? r.cacheControl()
            : cacheControl)
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
    res.putHeader("Content-Type", r.contentType());
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
