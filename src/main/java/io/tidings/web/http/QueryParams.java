package io.tidings.web.http;

import io.tidings.feed.FeedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's query parameters by the names that {@link FeedQuery#parse} expects, whatever
 * their case: {@code ?TOPIC=ai} is {@code ?topic=ai}, as values are case-blind too.
 */
public final class QueryParams {
  /** The parameters a feed knows, by their lower-case spelling. */
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    for (String name : FeedQuery.PARAMETERS) {
      NAMES.put(name.toLowerCase(Locale.ROOT), name);
    }
  }

  private QueryParams() {}

  /**
   * Each name with its values in order. {@code ownNames} are the caller's own parameters (the
   * API's {@code offset}), matched in any case too; other names are kept as given.
   */
  public static Map<String, List<String>> folded(Iterable<Map.Entry<String, String>> query,
      String... ownNames) {
    Map<String, List<String>> params = new HashMap<>();
    for (Map.Entry<String, String> p : query) {
      String name = NAMES.getOrDefault(p.getKey().toLowerCase(Locale.ROOT), p.getKey());
      for (String own : ownNames) {
        if (own.equalsIgnoreCase(name)) {
          name = own;
        }
      }
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(p.getValue());
    }
    return params;
  }
}
