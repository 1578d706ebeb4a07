package io.tidings.feed;

import java.time.Instant;

/**
 * A feed's bytes and what they describe. HTTP's view of them (tags, gzip, dates) is the web
 * package's.
 *
 * @param items how many items the feed holds
 * @param updated the newest item's date, or null when the feed is empty
 * @param snapshot {@link io.tidings.catalog.Snapshot#versionHex()} of the snapshot rendered
 * @param query what the feed selects: a change touches the feed when it adds or removes an
 *     article that the query matches
 * @param content what the bytes were rendered from (for deltas), or null
 * @param settled an archive page with a newer page after it: it changes only when one of its
 *     own articles does, so it may be cached long ({@link Archive#SETTLED_CACHE_CONTROL})
 */
public record RenderedFeed(FeedFormat format, byte[] body, int items, Instant updated,
    String snapshot, FeedQuery query, FeedContent content, boolean settled) {

  /** A feed or an archive page that may still move, and cannot be the base of a delta. */
  public RenderedFeed(FeedFormat format, byte[] body, int items, Instant updated,
      String snapshot, FeedQuery query) {
    this(format, body, items, updated, snapshot, query, null, false);
  }
}
