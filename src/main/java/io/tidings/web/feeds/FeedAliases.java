package io.tidings.web.feeds;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The feed paths that people and tools try first ({@code /feed}, {@code /rss}, {@code
 * /rss.xml}, {@code /index.xml}, {@code /atom.xml}): a 301 to the canonical feed, the query
 * kept. The Location is relative, as the feeds' own canonical redirects are; every alias sits
 * at the root, so {@code feed.rss} resolves to {@code /feed.rss}. HEAD gets the same answer.
 */
public final class FeedAliases implements Handler<RoutingContext> {
  /** Each alias and the canonical feed it names. */
  public static final Map<String, String> TARGETS = Map.of(
      "/feed", "feed.rss",
      "/rss", "feed.rss",
      "/rss.xml", "feed.rss",
      "/index.xml", "feed.rss",
      "/atom.xml", "feed.atom");

  private final String target;
  private final String cacheControl;

  public FeedAliases(String alias, String cacheControl) {
    this.target = TARGETS.get(alias);
    if (target == null) {
      throw new IllegalArgumentException("not a feed alias: " + alias);
    }
    this.cacheControl = cacheControl;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String query = ctx.request().query();
    ctx.response().setStatusCode(301)
        .putHeader("Location", query == null || query.isEmpty() ? target : target + '?' + query)
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Content-Length", "0")
        .end();
  }
}
