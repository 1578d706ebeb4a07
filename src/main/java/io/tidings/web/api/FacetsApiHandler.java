package io.tidings.web.api;

import io.tidings.catalog.Facet;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.Scope;
import io.tidings.web.feeds.FeedLinks;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.tidings.web.pages.Pages;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /api/topics} (by key) and {@code /api/providers} (most active first): each with its
 * key, name, count, newest date, page and feed URLs. The schema is in docs/pages-api.md.
 */
public final class FacetsApiHandler implements Handler<RoutingContext> {
  static final String JSON = "application/json; charset=utf-8";

  private final Supplier<Snapshot> snapshot;
  private final RepresentationCache views;
  private final BaseUrl baseUrl;
  private final FeedQuery.Limits limits;
  private final Responses.Policy policy;
  /** TOPIC or PROVIDER. */
  private final Scope scope;

  public FacetsApiHandler(Supplier<Snapshot> snapshot, RepresentationCache views, BaseUrl baseUrl,
      FeedQuery.Limits limits, String cacheControl, Scope scope) {
    this.snapshot = snapshot;
    this.views = views;
    this.baseUrl = baseUrl;
    this.limits = limits;
    this.policy = new Responses.Policy(cacheControl, true);
    this.scope = scope;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Snapshot s = snapshot.get();
    String base = baseUrl.of(ctx.request());
    views.view(ctx.vertx().getOrCreateContext(), s.version(),
            "api " + base + ' ' + scope.parameter(), JSON,
            () -> json(s, base).encodePrettily().getBytes(StandardCharsets.UTF_8))
        .onSuccess(r -> Responses.send(ctx, r, policy))
        .onFailure(ctx::fail);
  }

  JsonObject json(Snapshot s, String base) {
    List<Facet> facets = new ArrayList<>(scope.index(s).values());
    if (scope == Scope.PROVIDER) {
      facets.sort(Pages.MOST_ACTIVE);
    }
    JsonArray list = new JsonArray();
    for (Facet f : facets) {
      if (f.key().isEmpty()) {
        continue;
      }
      JsonObject feeds = new JsonObject();
      for (FeedLinks.Link l : FeedLinks.of(base, scope, f.key(), limits)) {
        feeds.put(l.format(), l.url());
      }
      JsonObject o = new JsonObject()
          .put("key", f.key())
          .put("name", f.name());
      if (scope == Scope.PROVIDER) {
        o.put("domain", f.articles().get(0).provider().domain());
      }
      list.add(o.put("count", f.count())
          .put("newest", f.newest() == null ? null : f.newest().toString())
          .put("url", FeedLinks.page(base, scope, f.key()))
          .put("feeds", feeds));
    }
    return new JsonObject()
        .put("version", s.versionHex())
        .put(scope.segment(), list);
  }
}
