package io.tidings.web.feeds;

import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The absolute URLs of one scope's feeds and page (everything, a topic, a provider), spelled
 * exactly as the feeds' own self links are.
 */
public final class FeedLinks {
  /** One feed: {@code label} for people (RSS), {@code type} for autodiscovery. */
  public record Link(String format, String label, String type, String url) {}

  private FeedLinks() {}

  /** The feeds of {@code scope}'s {@code key} ("" for ALL), one per format. */
  public static List<Link> of(String baseUrl, Scope scope, String key, FeedQuery.Limits limits) {
    return sameQuery(new FeedRequest(FeedFormat.RSS, scope, key, FeedQuery.of(scope, key, limits),
        baseUrl), limits);
  }

  /**
   * The feeds of the same query as {@code request} in every format, spelled as their self
   * links: what a feed's HTML view offers besides the format it was opened in.
   */
  public static List<Link> sameQuery(FeedRequest request, FeedQuery.Limits limits) {
    List<Link> out = new ArrayList<>(3);
    for (FeedFormat f : FeedFormat.values()) {
      FeedRequest r = new FeedRequest(f, request.scope(), request.scopeKey(), request.query(),
          request.baseUrl());
      String type = f.contentType().substring(0, f.contentType().indexOf(';'));
      out.add(new Link(f.extension(), label(f), type, r.selfUrl(limits)));
    }
    return out;
  }

  /** The absolute URL of the page of a scope: {@code base/}, {@code base/topics/ai}. */
  public static String page(String baseUrl, Scope scope, String key) {
    return baseUrl + scope.pagePath(key);
  }

  /** The URL of one format's feed of a scope. */
  public static String feed(String baseUrl, Scope scope, String key, FeedFormat format,
      FeedQuery.Limits limits) {
    return new FeedRequest(format, scope, key, FeedQuery.of(scope, key, limits), baseUrl)
        .selfUrl(limits);
  }

  private static String label(FeedFormat f) {
    return switch (f) {
      case RSS -> "RSS";
      case ATOM -> "Atom";
      case JSON -> "JSON Feed";
    };
  }
}
