package io.tidings.feed;

import java.time.YearMonth;

/**
 * One feed asked for: its format, the path's scope (everything, a topic, a provider), the
 * query and the base URL its links start with. Two requests that would give the same bytes
 * have the same {@link #cacheKey()}.
 *
 * @param scope what the path names
 * @param scopeKey the topic or provider key of the path, "" for every article
 * @param archive the month of the archive document asked for ({@code ?archive=2026-11}), or
 *     null for the feed itself (RFC 5005's subscription document)
 */
public record FeedRequest(FeedFormat format, Scope scope, String scopeKey, FeedQuery query,
    String baseUrl, YearMonth archive) {

  /** The feed itself, not an archive page. */
  public FeedRequest(FeedFormat format, Scope scope, String scopeKey, FeedQuery query,
      String baseUrl) {
    this(format, scope, scopeKey, query, baseUrl, null);
  }

  /** Where the server serves the XSLT that RSS and Atom name. */
  public static final String STYLESHEET_PATH = "/assets/feed.xsl";

  /**
   * The stylesheet's href relative to this feed's path ({@code assets/feed.xsl},
   * {@code ../../assets/feed.xsl}): the same bytes on every replica and behind any host, and
   * same-origin wherever the feed is read from, as browsers require of XSLT.
   */
  public String stylesheetHref() {
    String path = path();
    int depth = (int) path.chars().filter(c -> c == '/').count() - 1;
    return "../".repeat(Math.max(0, depth)) + STYLESHEET_PATH.substring(1);
  }

  /** The canonical path: {@code /feed.rss}, {@code /topics/ai/feed.atom}. */
  public String path() {
    return pagePath() + (scope == Scope.ALL ? "" : "/") + "feed." + format.extension();
  }

  /** The path of the HTML page with the same scope: {@code /}, {@code /topics/ai}. */
  public String pagePath() {
    return scope.pagePath(scopeKey);
  }

  public String selfUrl(FeedQuery.Limits limits) {
    String q = canonicalQuery(limits);
    String path = path();
    return baseUrl + (path.startsWith("//") ? path.substring(1) : path) + (q.isEmpty() ? "" : "?" + q);
  }

  /**
   * The canonical query string: the filter's, after {@code archive=YYYY-MM} for an archive
   * page, which holds its whole month whatever the limit, so that its URL names no limit.
   */
  public String canonicalQuery(FeedQuery.Limits limits) {
    if (archive == null) {
      return query.canonicalQuery(scope, limits);
    }
    String q = query.canonicalQuery(scope, limits);
    return Archive.PARAMETER + "=" + archive + (q.isEmpty() ? "" : "&" + q);
  }

  /** The same feed's archive page of {@code month}, or the feed itself for null. */
  public FeedRequest archive(YearMonth month) {
    return new FeedRequest(format, scope, scopeKey, query, baseUrl, month);
  }

  public String cacheKey() {
    return format.extension() + ' ' + baseUrl + ' ' + scope.parameter() + ':' + scopeKey + ' '
        + query.key() + (archive == null ? "" : " a=" + archive);
  }
}
