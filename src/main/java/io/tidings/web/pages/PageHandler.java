package io.tidings.web.pages;

import io.tidings.catalog.Snapshot;
import io.tidings.feed.Scope;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.tidings.web.http.SecurityPolicy;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.function.Supplier;

/** {@code /}, {@code /topics/{topic}}, {@code /providers/{provider}}: the pages for people. */
public final class PageHandler implements Handler<RoutingContext> {
  private static final String HTML = "text/html; charset=utf-8";

  private final Supplier<Snapshot> snapshot;
  private final Pages pages;
  private final RepresentationCache views;
  private final BaseUrl baseUrl;
  private final Responses.Policy policy;
  private final Scope scope;

  public PageHandler(Supplier<Snapshot> snapshot, Pages pages, RepresentationCache views,
      BaseUrl baseUrl, String cacheControl, Scope scope) {
    this.snapshot = snapshot;
    this.pages = pages;
    this.views = views;
    this.baseUrl = baseUrl;
    this.policy = new Responses.Policy(cacheControl, false);
    this.scope = scope;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Snapshot s = snapshot.get();
    String base = baseUrl.of(ctx.request());
    String raw = scope == Scope.ALL ? "" : ctx.pathParam("key");
    String key = scope.key(raw);
    if (scope != Scope.ALL && key.isEmpty()) {
      ctx.fail(new HttpException(404, "no " + scope.parameter() + " has an empty key; try /"));
      return;
    }
    // The name as written is shown only until an article brings the real one; it is part of
    // the key, so /topics/AI and /topics/ai may differ until then, each deterministic.
    String cacheKey = "page " + base + ' ' + scope.parameter() + ':' + key + ' ' + raw;
    views.view(ctx.vertx().getOrCreateContext(), s.version(), cacheKey, HTML,
            () -> scope == Scope.ALL ? pages.home(s, base)
                : pages.facet(s, base, scope, key, raw.strip()))
        .onSuccess(r -> {
          SecurityPolicy.page(ctx.response());
          Responses.send(ctx, r, policy);
        })
        .onFailure(ctx::fail);
  }
}
