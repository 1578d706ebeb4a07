package io.tidings.web;

import io.netty.buffer.Unpooled;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a {@link Rendered} body like the feeds are sent: ETag, If-None-Match (304), gzip when
 * the client takes it, Cache-Control, HEAD. No Last-Modified: a page's date is its content's.
 */
final class Responses {
  private Responses() {}

  static void send(RoutingContext ctx, Rendered r, String cacheControl, boolean cors) {
    if (ctx.response().closed()) {
      return;
    }
    boolean gzip = Conditional.acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
    HttpServerResponse res = ctx.response()
        .putHeader("ETag", gzip ? r.gzipEtag() : r.etag())
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Vary", "Accept-Encoding");
    if (cors) {
      res.putHeader("Access-Control-Allow-Origin", "*");
    }
    if (Conditional.notModified(ctx.request().getHeader("If-None-Match"), null, null,
        r.etag(), r.gzipEtag())) {
      res.setStatusCode(304).end();
      return;
    }
    res.putHeader("Content-Type", r.contentType());
    if (gzip) {
      res.putHeader("Content-Encoding", "gzip");
    }
    byte[] bytes = gzip ? r.gzip() : r.body();
    if (ctx.request().method() == HttpMethod.HEAD) {
      res.putHeader("Content-Length", Integer.toString(bytes.length)).end();
      return;
    }
    res.end(BufferInternal.buffer(Unpooled.wrappedBuffer(bytes)));
  }
}
