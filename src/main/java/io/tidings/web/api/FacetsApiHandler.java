package io.tidings.web.api;

import io.tidings.web.http.Json;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            () -> Json.pretty(json(s, base)))
        .onSuccess(r -> Responses.send(ctx, r, policy))
        .onFailure(ctx::fail);
  }

  Facets json(Snapshot s, String base) {
    List<Facet> facets = new ArrayList<>(scope.index(s).values());
    if (scope == Scope.PROVIDER) {
      facets.sort(Pages.MOST_ACTIVE);
    }
    List<Entry> list = new ArrayList<>();
    for (Facet f : facets) {
      if (f.key().isEmpty()) {
        continue;
      }
      Map<String, String> feeds = new LinkedHashMap<>();
      for (FeedLinks.Link l : FeedLinks.of(base, scope, f.key(), limits)) {
        feeds.put(l.format(), l.url());
      }
      String domain = scope == Scope.PROVIDER ? f.articles().get(0).provider().domain() : null;
      list.add(new Entry(f.key(), f.name(), domain, f.count(),
          f.newest() == null ? null : f.newest().toString(),
          FeedLinks.page(base, scope, f.key()), feeds));
    }
    return new Facets(s.versionHex(), scope.segment(), list);
  }

  /** The answer: the version, then the list under the scope's name ({@code topics}, ...). */
  record Facets(String version, @JsonIgnore String segment, @JsonIgnore List<Entry> list) {
    @JsonAnyGetter
    Map<String, List<Entry>> listed() {
      return Map.of(segment, list);
    }
  }

  /** One topic or provider; {@code domain} is there for providers only. */
  record Entry(String key, String name,
      @JsonInclude(JsonInclude.Include.NON_NULL) String domain, int count, String newest,
      String url, Map<String, String> feeds) {}
}
