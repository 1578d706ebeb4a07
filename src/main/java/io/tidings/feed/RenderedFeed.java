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
 */
public record RenderedFeed(FeedFormat format, byte[] body, int items, Instant updated,
    String snapshot, FeedQuery query, FeedContent content) {

  /** A feed that cannot be the base of a delta. */
  public RenderedFeed(FeedFormat format, byte[] body, int items, Instant updated,
      String snapshot, FeedQuery query) {
    this(format, body, items, updated, snapshot, query, null);
  }
}
