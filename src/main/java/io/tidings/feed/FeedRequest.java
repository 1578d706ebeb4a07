package io.tidings.feed;

/**
 * One feed asked for: its format, the path's scope (everything, a topic, a provider), the
 * query and the base URL its links start with. Two requests that would give the same bytes
 * have the same {@link #cacheKey()}.
 *
 * @param scope what the path names
 * @param scopeKey the topic or provider key of the path, "" for every article
 */
public record FeedRequest(FeedFormat format, Scope scope, String scopeKey, FeedQuery query,
    String baseUrl) {
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
    String q = query.canonicalQuery(scope, limits);
    String path = path();
    return baseUrl + (path.startsWith("//") ? path.substring(1) : path) + (q.isEmpty() ? "" : "?" + q);
  }

  public String cacheKey() {
    return format.extension() + ' ' + baseUrl + ' ' + scope.parameter() + ':' + scopeKey + ' ' + query.key();
  }
}
