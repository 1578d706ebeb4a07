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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/articles}: the feeds' filters ({@code topic}, {@code provider}, {@code category},
 * {@code q}, {@code minQuality}, {@code limit}) plus {@code offset} and the sync bounds
 * {@code since} and {@code updatedAfter}, newest first, with the total and the URL of the next
 * page. The schema is in docs/pages-api.md.
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
    int offset;
    Window window;
    try {
      Map<String, List<String>> params = QueryParams.folded(ctx.queryParams(), "offset",
          "since", "updatedAfter");
      query = FeedQuery.parse(params, limits);
      String o = single(params, "offset");
      offset = o == null ? 0 : parseOffset(o);
      window = new Window(instant(params, "since"), instant(params, "updatedAfter"));
    } catch (BadQueryException e) {
      ctx.fail(new HttpException(400, e.getMessage()));
      return;
    }
    Snapshot s = snapshot.get();
    String base = baseUrl.of(ctx.request());
    int from = offset;
    views.view(ctx.vertx().getOrCreateContext(), s.version(),
            "articles " + base + ' ' + query.key() + ' ' + from + ' ' + window,
            FacetsApiHandler.JSON, () -> Json.pretty(json(s, base, query, from, window)))
        .onSuccess(r -> Responses.send(ctx, r, policy))
        .onFailure(ctx::fail);
  }

  /**
   * The incremental-sync bounds: {@code since}, articles published at or after it;
   * {@code updatedAfter}, articles whose {@code updated} is after it. An article's
   * {@code updated} is its {@code publishedDateTime} (as in Atom's {@code updated}): a file has
   * no date of change, and a file's time on disk differs between replicas.
   */
  record Window(Instant since, Instant updatedAfter) {
    boolean holds(Article a) {
      Instant t = a.publishedAt();
      return (since == null || !t.isBefore(since))
          && (updatedAfter == null || t.isAfter(updatedAfter));
    }

    /** The bounds as query parameters, {@code &since=...}, or "". */
    String query() {
      return (since == null ? "" : "&since=" + since)
          + (updatedAfter == null ? "" : "&updatedAfter=" + updatedAfter);
    }
  }

  private static String single(Map<String, List<String>> params, String name)
      throws BadQueryException {
    List<String> v = params.getOrDefault(name, List.of());
    if (v.size() > 1) {
      throw new BadQueryException(name + " is given " + v.size() + " times; give it once");
    }
    return v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
  }

  /** A date-time with an offset ({@code 2026-11-01T08:00:00Z}, {@code ...+02:00}) or a UTC day. */
  private static Instant instant(Map<String, List<String>> params, String name)
      throws BadQueryException {
    String v = single(params, name);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        throw new BadQueryException(name + " must be a date-time with an offset such as "
            + "2026-11-01T08:00:00Z, or a day such as 2026-11-01 (UTC), got \"" + shorten(v)
            + "\"");
      }
    }
  }

  private static String shorten(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
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
        + shorten(v) + "\"");
  }

  Page json(Snapshot s, String base, FeedQuery query, int offset, Window window) {
    // Newest first: the first article outside the window ends it, so the walk stops there.
    List<Article> found = new ArrayList<>(Math.min(query.limit(), 64));
    int[] total = {0};
    Selection.walk(s, query, a -> {
      if (!window.holds(a)) {
        return false;
      }
      int at = total[0]++;
      if (at >= offset && at < offset + query.limit()) {
        found.add(a);
      }
      return true;
    });
    boolean more = total[0] > offset + query.limit();
    List<Item> articles = found.stream().map(a -> article(EstablishedNames.of(a, s), base))
        .toList();
    String canonical = query.canonicalQuery(Scope.ALL, limits) + window.query();
    if (canonical.startsWith("&")) {
      canonical = canonical.substring(1);
    }
    String next = more ? base + "/api/articles?" + (canonical.isEmpty() ? "" : canonical + "&")
        + "offset=" + (offset + query.limit()) : null;
    return new Page(s.versionHex(), canonical, total[0], offset, query.limit(), articles, next);
  }

  static Item article(Article a, String base) {
    List<TopicLink> topics = a.topics().stream().filter(t -> !t.key().isEmpty())
        .map(t -> new TopicLink(t.key(), t.name(), FeedLinks.page(base, Scope.TOPIC, t.key())))
        .toList();
    List<ImageRef> images = a.images().stream()
        .map(i -> new ImageRef(i.url(), i.width(), i.height())).toList();
    String providerKey = a.provider().key();
    return new Item(a.id(), a.title(), a.webUrl(), a.originalUrl(),
        a.publishedAt().toString(), a.publishedAt().toString(), a.excerpt(), a.category(), a.type(), a.quality(),
        new ProviderLink(providerKey, a.provider().name(), a.provider().domain(),
            providerKey.isEmpty() ? null : FeedLinks.page(base, Scope.PROVIDER, providerKey)),
        topics, images);
  }

  /**
   * One page of {@code /api/articles}; {@code total} counts every match (whatever the limit
   * and offset); {@code next} is null on the last page.
   */
  record Page(String version, String query, int total, int offset, int limit,
      List<Item> articles, String next) {}

  /** {@code updated}: the date {@code updatedAfter} compares, today the published one. */
  record Item(String id, String title, String url, String originalUrl, String published,
      String updated, String excerpt, String category, String type, Integer quality, ProviderLink provider,
      List<TopicLink> topics, List<ImageRef> images) {}

  record ProviderLink(String key, String name, String domain, String url) {}

  record TopicLink(String key, String name, String url) {}

  record ImageRef(String url, Integer width, Integer height) {}
}
