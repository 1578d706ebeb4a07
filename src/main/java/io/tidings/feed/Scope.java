package io.tidings.feed;

import io.tidings.article.Keys;
import io.tidings.catalog.Facet;
import io.tidings.catalog.Snapshot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What a path names before the feed's own file: every article ({@code /feed.rss}), one topic
 * ({@code /topics/ai/feed.rss}) or one provider ({@code /providers/reuters.com/feed.rss}). The
 * same scopes name the HTML pages, the API's lists and the OPML lists.
 */
public enum Scope {
  ALL("", ""),
  TOPIC("topic", "topics"),
  PROVIDER("provider", "providers");

  private final String parameter;
  private final String segment;

  Scope(String parameter, String segment) {
    this.parameter = parameter;
    this.segment = segment;
  }

  /** The query parameter that names the same filter ({@code topic}, {@code provider}); "" for ALL. */
  public String parameter() {
    return parameter;
  }

  /** The path's first segment ({@code topics}, {@code providers}); "" for ALL. */
  public String segment() {
    return segment;
  }

  /** The scope that {@code ?by=} or a query parameter names ("topic", "provider"), or null. */
  public static Scope byParameter(String name) {
    return switch (name) {
      case "topic" -> TOPIC;
      case "provider" -> PROVIDER;
      default -> null;
    };
  }

  /** The key that a path segment or parameter value names; "" for ALL. */
  public String key(String raw) {
    return switch (this) {
      case ALL -> "";
      case TOPIC -> Keys.topic(raw);
      case PROVIDER -> providerKey(raw);
    };
  }

  /** The path of the HTML page of {@code key}: {@code /}, {@code /topics/ai}. */
  public String pagePath(String key) {
    return this == ALL ? "/" : "/" + segment + "/" + pathSegment(key);
  }

  /** The snapshot's index of this scope, by key; empty for ALL. */
  public Map<String, Facet> index(Snapshot s) {
    return switch (this) {
      case ALL -> Map.of();
      case TOPIC -> s.topics();
      case PROVIDER -> s.providers();
    };
  }

  /** A provider is named by its domain (a host name, IDN or punycode alike) or by its name. */
  static String providerKey(String raw) {
    return Keys.providerLookup(raw);
  }

  static String pathSegment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
