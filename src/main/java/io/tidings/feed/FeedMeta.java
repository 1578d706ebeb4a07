package io.tidings.feed;

import java.time.Instant;

/**
 * What a feed says about itself.
 *
 * @param selfUrl the absolute URL the feed is served at (canonical query)
 * @param htmlUrl the absolute URL of the page for people with the same filter
 * @param updated the newest item's date; null for an empty feed
 * @param catalogUpdated the newest visible article's date in the whole catalog, null when it
 *     holds none: what an empty feed that must carry a date (Atom) is updated at
 * @param ttlMinutes RSS ttl
 * @param stylesheet the href of the XSLT that browsers show the feed with, or null for none
 * @param hub the WebSub hub that subscribers may subscribe to this feed at, or null for none
 * @param history the RFC 5005 links of the feed or archive page
 */
public record FeedMeta(String title, String description, String selfUrl, String htmlUrl,
    String language, int ttlMinutes, Instant updated, Instant catalogUpdated, String stylesheet,
    String hub, History history) {

  /** RFC 5005's namespace: {@code fh:archive} marks an archive document. */
  static final String HISTORY_NS = "http://purl.org/syndication/history/1.0";

  /**
   * Where a document stands in its feed's history (RFC 5005, 4).
   *
   * @param current the feed itself (its subscription document) when this is an archive page,
   *     else null
   * @param prevArchive the next older archive page, or null for none
   * @param nextArchive the next newer archive page (archive pages only), or null for none
   */
  public record History(String current, String prevArchive, String nextArchive) {
    static final History NONE = new History(null, null, null);

    boolean archive() {
      return current != null;
    }
  }

  /** The feed's id: an archive page shares its feed's (one logical feed, RFC 5005 4). */
  String feedId() {
    return history.archive() ? history.current() : selfUrl;
  }

  static final String GENERATOR = "Tidings";
  static final String GENERATOR_URI = "https://github.com/tidings";

  /**
   * The date a feed is updated at: its newest item's; for an empty feed, the newest article's
   * in the catalog (the moment as of which the feed is known to be empty: the same on every
   * replica and after every restart); with no article at all, the Unix epoch, time's zero.
   */
  Instant updatedOrCatalog() {
    if (updated != null) {
      return updated;
    }
    return catalogUpdated != null ? catalogUpdated : Instant.EPOCH;
  }
}
