package io.tidings.web.events;

import io.tidings.web.http.Json;
import io.tidings.feed.BadQueryException;
import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.Scope;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.QueryParams;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.function.BooleanSupplier;

/**
 * {@code /events}: server-sent events of the articles that enter, change in or leave a filter
 * (the feeds' query parameters). See {@link EventStreams} for the streams themselves.
 */
public final class EventsHandler implements Handler<RoutingContext> {
  private final EventStreams streams;
  private final BaseUrl baseUrl;
  private final FeedQuery.Limits limits;
  private final BooleanSupplier stopping;

  public EventsHandler(EventStreams streams, BaseUrl baseUrl, FeedQuery.Limits limits,
      BooleanSupplier stopping) {
    this.streams = streams;
    this.baseUrl = baseUrl;
    this.limits = limits;
    this.stopping = stopping;
  }

  @Override
  public void handle(RoutingContext ctx) {
    FeedQuery filter;
    try {
      filter = FeedQuery.parse(QueryParams.folded(ctx.queryParams()), limits);
    } catch (BadQueryException e) {
      ctx.fail(new HttpException(400, e.getMessage()));
      return;
    }
    HttpServerResponse res = ctx.response();
    if (stopping.getAsBoolean()) {
      unavailable(res, "the server is stopping; reconnect to another replica");
      return;
    }
    if (!streams.counters().tryOpen()) {
      unavailable(res, "too many event streams are open (push.maxClients); retry later");
      return;
    }
    // The feed to refetch after a reset: the JSON Feed with the same filter.
    String feed = new FeedRequest(FeedFormat.JSON, Scope.ALL, "", filter, baseUrl.of(ctx.request()))
        .selfUrl(limits);
    res.putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Access-Control-Allow-Origin", "*")
        // nginx buffers proxied responses unless told not to; events must pass at once.
        .putHeader("X-Accel-Buffering", "no");
    streams.open(res, filter, Json.compact(new Reset(feed)),
        ctx.request().getHeader("Last-Event-ID"), String.valueOf(ctx.request().remoteAddress()));
  }

  private static void unavailable(HttpServerResponse res, String message) {
    res.setStatusCode(503)
        .putHeader("Retry-After", "5")
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(message + "\n");
  }

  /** The payload of a reset event: the feed to refetch. */
  record Reset(String feed) {}
}
