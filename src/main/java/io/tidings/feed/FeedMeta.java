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
 */
public record FeedMeta(String title, String description, String selfUrl, String htmlUrl,
    String language, int ttlMinutes, Instant updated, Instant catalogUpdated, String stylesheet,
    String hub) {

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
