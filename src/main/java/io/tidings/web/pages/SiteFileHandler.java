package io.tidings.web.pages;

import io.tidings.catalog.Snapshot;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * {@code /robots.txt} and {@code /sitemap.xml}: views of the snapshot and the base URL, made
 * on the render pool and cached per snapshot, sent with ETags and 304s like the pages.
 */
public final class SiteFileHandler implements Handler<RoutingContext> {
  /** Which of the two. */
  public enum Kind { ROBOTS, SITEMAP }

  private final Supplier<Snapshot> snapshot;
  private final RepresentationCache views;
  private final BaseUrl baseUrl;
  private final Responses.Policy policy;
  private final Kind kind;

  public SiteFileHandler(Supplier<Snapshot> snapshot, RepresentationCache views,
      BaseUrl baseUrl, String cacheControl, Kind kind) {
    this.snapshot = snapshot;
    this.views = views;
    this.baseUrl = baseUrl;
    this.policy = new Responses.Policy(cacheControl, false);
    this.kind = kind;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Snapshot s = snapshot.get();
    String base = baseUrl.of(ctx.request());
    boolean robots = kind == Kind.ROBOTS;
    views.view(ctx.vertx().getOrCreateContext(), s.version(),
            (robots ? "robots " : "sitemap ") + base,
            robots ? "text/plain; charset=utf-8" : "application/xml; charset=utf-8",
            () -> robots ? Sitemap.robots(base) : Sitemap.xml(s, base))
        .onSuccess(r -> Responses.send(ctx, r, policy))
        .onFailure(ctx::fail);
  }
}
