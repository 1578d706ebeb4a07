package io.tidings.web.api;

import io.tidings.article.Article;
import io.tidings.article.Image;
import io.tidings.article.Topic;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.nio.charset.StandardCharsets;
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
            () -> json(s, base, query, from).encodePrettily().getBytes(StandardCharsets.UTF_8))
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

  JsonObject json(Snapshot s, String base, FeedQuery query, int offset) {
    // One more than a page tells whether there is a next one.
    List<Article> found = Selection.run(s, query, offset, query.limit() + 1);
    boolean more = found.size() > query.limit();
    JsonArray articles = new JsonArray();
    for (Article a : more ? found.subList(0, query.limit()) : found) {
      articles.add(article(a, base));
    }
    String canonical = query.canonicalQuery(Scope.ALL, limits);
    String next = more ? base + "/api/articles?" + (canonical.isEmpty() ? "" : canonical + "&")
        + "offset=" + (offset + query.limit()) : null;
    return new JsonObject()
        .put("version", s.versionHex())
        .put("query", canonical)
        .put("offset", offset)
        .put("limit", query.limit())
        .put("articles", articles)
        .put("next", next);
  }

  static JsonObject article(Article a, String base) {
    JsonArray topics = new JsonArray();
    for (Topic t : a.topics()) {
      if (!t.key().isEmpty()) {
        topics.add(new JsonObject().put("key", t.key()).put("name", t.name())
            .put("url", FeedLinks.page(base, Scope.TOPIC, t.key())));
      }
    }
    JsonArray images = new JsonArray();
    for (Image i : a.images()) {
      images.add(new JsonObject().put("url", i.url()).put("width", i.width())
          .put("height", i.height()));
    }
    String providerKey = a.provider().key();
    return new JsonObject()
        .put("id", a.id())
        .put("title", a.title())
        .put("url", a.webUrl())
        .put("originalUrl", a.originalUrl())
        .put("published", a.publishedAt().toString())
        .put("excerpt", a.excerpt())
        .put("category", a.category())
        .put("type", a.type())
        .put("quality", a.quality())
        .put("provider", new JsonObject()
            .put("key", providerKey)
            .put("name", a.provider().name())
            .put("domain", a.provider().domain())
            .put("url", providerKey.isEmpty() ? null : FeedLinks.page(base, Scope.PROVIDER,
                providerKey)))
        .put("topics", topics)
        .put("images", images);
  }
}
