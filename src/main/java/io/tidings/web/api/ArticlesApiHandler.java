package io.tidings.web.api;

import io.tidings.web.http.Json;
import io.tidings.article.Article;
import io.tidings.catalog.EstablishedNames;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.BadQueryException;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.Scope;
import io.tidings.feed.Selection;
import io.tidings.web.feeds.FeedLinks;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.QueryParams;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/articles}: the feeds' filters ({@code topic}, {@code provider}, {@code category},
 * {@code q}, {@code minQuality}, {@code limit}) plus {@code offset}, newest first, with the URL
 * of the next page. The schema is in docs/pages-api.md.
 */
public final class ArticlesApiHandler implements Handler<RoutingContext> {
  /** Deeper than this, a client should narrow its filter rather than page on. */
  static final int MAX_OFFSET = 1_000_000;

  private final Supplier<Snapshot> snapshot;
  private final RepresentationCache views;
  private final BaseUrl baseUrl;
  private final FeedQuery.Limits limits;
  private final Responses.Policy policy;

  public ArticlesApiHandler(Supplier<Snapshot> snapshot, RepresentationCache views, BaseUrl baseUrl,
      FeedQuery.Limits limits, String cacheControl) {
    this.snapshot = snapshot;
    this.views = views;
    this.baseUrl = baseUrl;
    this.limits = limits;
    this.policy = new Responses.Policy(cacheControl, true);
  }

  @Override
  public void handle(RoutingContext ctx) {
    FeedQuery query;
    int offset = 0;
    try {
      Map<String, List<String>> params = QueryParams.folded(ctx.queryParams(), "offset");
      query = FeedQuery.parse(params, limits);
      List<String> o = params.getOrDefault("offset", List.of());
      if (o.size() > 1) {
        throw new BadQueryException("offset is given " + o.size() + " times; give it once");
      }
      if (!o.isEmpty() && !o.get(0).isBlank()) {
        offset = parseOffset(o.get(0).strip());
      }
    } catch (BadQueryException e) {
      ctx.fail(new HttpException(400, e.getMessage()));
      return;
    }
    Snapshot s = snapshot.get();
    String base = baseUrl.of(ctx.request());
    int from = offset;
    views.view(ctx.vertx().getOrCreateContext(), s.version(),
            "articles " + base + ' ' + query.key() + ' ' + from, FacetsApiHandler.JSON,
            () -> Json.pretty(json(s, base, query, from)))
        .onSuccess(r -> Responses.send(ctx, r, policy))
        .onFailure(ctx::fail);
  }

  private static int parseOffset(String v) throws BadQueryException {
    try {
      int n = Integer.parseInt(v);
      if (n >= 0 && n <= MAX_OFFSET) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadQueryException("offset must be an integer from 0 to " + MAX_OFFSET + ", got \""
        + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"");
  }

  Page json(Snapshot s, String base, FeedQuery query, int offset) {
    // One more than a page tells whether there is a next one.
    List<Article> found = Selection.run(s, query, offset, query.limit() + 1);
    boolean more = found.size() > query.limit();
    List<Item> articles = (more ? found.subList(0, query.limit()) : found).stream()
        .map(a -> article(EstablishedNames.of(a, s), base)).toList();
    String canonical = query.canonicalQuery(Scope.ALL, limits);
    String next = more ? base + "/api/articles?" + (canonical.isEmpty() ? "" : canonical + "&")
        + "offset=" + (offset + query.limit()) : null;
    return new Page(s.versionHex(), canonical, offset, query.limit(), articles, next);
  }

  static Item article(Article a, String base) {
    List<TopicLink> topics = a.topics().stream().filter(t -> !t.key().isEmpty())
        .map(t -> new TopicLink(t.key(), t.name(), FeedLinks.page(base, Scope.TOPIC, t.key())))
        .toList();
    List<ImageRef> images = a.images().stream()
        .map(i -> new ImageRef(i.url(), i.width(), i.height())).toList();
    String providerKey = a.provider().key();
    return new Item(a.id(), a.title(), a.webUrl(), a.originalUrl(),
        a.publishedAt().toString(), a.excerpt(), a.category(), a.type(), a.quality(),
        new ProviderLink(providerKey, a.provider().name(), a.provider().domain(),
            providerKey.isEmpty() ? null : FeedLinks.page(base, Scope.PROVIDER, providerKey)),
        topics, images);
  }

  /** One page of {@code /api/articles}; {@code next} is null on the last page. */
  record Page(String version, String query, int offset, int limit, List<Item> articles,
      String next) {}

  record Item(String id, String title, String url, String originalUrl, String published,
      String excerpt, String category, String type, Integer quality, ProviderLink provider,
      List<TopicLink> topics, List<ImageRef> images) {}

  record ProviderLink(String key, String name, String domain, String url) {}

  record TopicLink(String key, String name, String url) {}

  record ImageRef(String url, Integer width, Integer height) {}
}
