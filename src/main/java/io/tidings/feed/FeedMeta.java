package io.tidings.feed;

import java.time.Instant;

/**
 * What a feed says about itself.
 *
 * @param selfUrl the absolute URL the feed is served at (canonical query)
 * @param htmlUrl the absolute URL of the page for people with the same filter
 * @param updated the newest item's date; null for an empty feed
 * @param ttlMinutes RSS ttl
 * @param stylesheet the href of the XSLT that browsers show the feed with, or null for none
 * @param hub the WebSub hub that subscribers may subscribe to this feed at, or null for none
 */
public record FeedMeta(String title, String description, String selfUrl, String htmlUrl,
    String language, int ttlMinutes, Instant updated, String stylesheet, String hub) {

  static final String GENERATOR = "Tidings";
  static final String GENERATOR_URI = "https://github.com/tidings";
}
