package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.article.Keys;
import io.tidings.catalog.WordIndex;
import io.tidings.search.Words;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * A feed's filter, parsed once, validated and canonical: the order and case of parameters do
 * not matter, so two spellings of one query are one cache entry and one ETag. Values of one
 * parameter are alternatives (any matches); different parameters must all match.
 *
 * @param topics topic keys; empty: any
 * @param providers provider keys; empty: any
 * @param categories category keys; empty: any
 * @param words search words, folded and cut as {@link Words#query} does; each must match a
 *     word (or token, or CJK run) of the title or excerpt: the rule is in docs/feeds.md
 * @param minQuality lowest quality, or null
 * @param limit most items
 */
public record FeedQuery(SortedSet<String> topics, SortedSet<String> providers,
    SortedSet<String> categories, SortedSet<String> words, Integer minQuality, int limit) {

  /** A bound on values per parameter, so that no query costs more than a page of work. */
  static final int MAX_VALUES = 50;

  /** The limits a query is checked against. */
  public record Limits(int defaultLimit, int maxLimit) {}

  /**
   * @param params query parameters (name to every value, in any order)
   * @param scope what the path names; {@code scopeValue} its segment as written
   *     ({@code /topics/ai/...} gives topic=ai)
   */
  public static FeedQuery parse(Map<String, List<String>> params, Scope scope,
      String scopeValue, Limits limits) throws BadQueryException {
    SortedSet<String> topics = keys(params.get("topic"), "topic");
    SortedSet<String> providers = keys(params.get("provider"), "provider");
    SortedSet<String> categories = keys(params.get("category"), "category");
    if (scope == Scope.TOPIC) {
      topics = narrow(topics, scope.key(scopeValue));
    } else if (scope == Scope.PROVIDER) {
      providers = narrow(providers, scope.key(scopeValue));
    }
    SortedSet<String> words = new TreeSet<>();
    for (String q : values(params.get("q"))) {
      words.addAll(words(q));
    }
    if (words.size() > MAX_VALUES) {
      throw new BadQueryException("q has " + words.size() + " words; at most " + MAX_VALUES
          + " are allowed");
    }
    Integer minQuality = null;
    String mq = single(params.get("minQuality"), "minQuality");
    if (mq != null) {
      try {
        minQuality = Integer.parseInt(mq.strip());
      } catch (NumberFormatException e) {
        throw new BadQueryException("minQuality must be an integer, got \"" + shorten(mq) + "\"");
      }
    }
    int limit = limits.defaultLimit();
    String l = single(params.get("limit"), "limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l.strip());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > limits.maxLimit()) {
        throw new BadQueryException("limit must be an integer from 1 to " + limits.maxLimit()
            + ", got \"" + shorten(l) + "\"");
      }
    }
    return new FeedQuery(topics, providers, categories, words, minQuality, limit);
  }

  /** A query with no path scope: {@code /feed.rss?...}, the API, event streams. */
  public static FeedQuery parse(Map<String, List<String>> params, Limits limits)
      throws BadQueryException {
    return parse(params, Scope.ALL, "", limits);
  }

  /** The query of a scope alone: what its page lists and its feeds' self links name. */
  public static FeedQuery of(Scope scope, String key, Limits limits) {
    try {
      return parse(Map.of(), scope, key, limits);
    } catch (BadQueryException e) {
      throw new IllegalStateException("a scope alone is always a valid query", e);
    }
  }

  /** The parameters {@link #parse} reads, spelled as it expects them. */
  public static final List<String> PARAMETERS = List.of("topic", "provider", "category", "q",
      "minQuality", "limit");

  /** A path's topic or provider narrows the query: with topic=x in the query too, both must hold. */
  private static SortedSet<String> narrow(SortedSet<String> fromQuery, String fromPath) {
    if (fromQuery.isEmpty() || fromQuery.contains(fromPath)) {
      return new TreeSet<>(List.of(fromPath));
    }
    // Contradictory: no key is empty, so this set matches nothing.
    return new TreeSet<>(List.of(""));
  }

  private static SortedSet<String> keys(List<String> raw, String name) throws BadQueryException {
    SortedSet<String> out = new TreeSet<>();
    for (String v : values(raw)) {
      for (String part : v.split(",")) {
        String key = name.equals("provider") ? Scope.providerKey(part) : Keys.topic(part);
        if (!key.isEmpty()) {
          out.add(key);
        }
      }
    }
    if (out.size() > MAX_VALUES) {
      throw new BadQueryException(name + " has " + out.size() + " values; at most " + MAX_VALUES
          + " are allowed");
    }
    return out;
  }

  private static List<String> values(List<String> raw) {
    return raw == null ? List.of() : raw;
  }

  private static String single(List<String> raw, String name) throws BadQueryException {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.size() > 1 && raw.stream().distinct().count() > 1) {
      throw new BadQueryException(name + " is given " + raw.size() + " times; give it once");
    }
    return raw.get(0).isBlank() ? null : raw.get(0);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Words of a search text as {@link Words#query} cuts them (docs/feeds.md, "q"). */
  static List<String> words(String text) {
    return Words.query(text);
  }

  /** Whether an article passes every filter but the limit. */
  public boolean matches(Article a) {
    return matches(a, false);
  }

  /**
   * @param topicsHold the caller knows the article has one of the topics (it walks their
   *     index), so the topic check is skipped: most of a topic feed's cost otherwise
   */
  boolean matches(Article a, boolean topicsHold) {
    return matchesFacets(a, topicsHold) && (words.isEmpty() || wordsMatch(a));
  }

  /** Whether the article passes every filter but the words and the limit. */
  boolean matchesFacets(Article a, boolean topicsHold) {
    if (!topicsHold && !topics.isEmpty()) {
      boolean any = false;
      for (String t : topics) {
        if (a.hasTopic(t)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    if (!providers.isEmpty() && !providers.contains(a.provider().key())) {
      return false;
    }
    if (!categories.isEmpty() && (a.category() == null || !categories.contains(a.categoryKey()))) {
      return false;
    }
    if (minQuality != null && (a.quality() == null || a.quality() < minQuality)) {
      return false;
    }
    return true;
  }

  /** The words without an index: each word's terms among the article's, checked on the text. */
  private boolean wordsMatch(Article a) {
    java.util.Set<String> terms = WordIndex.termsOf(a);
    for (String w : words) {
      if (!terms.containsAll(Words.lookups(w)) || !Words.exact(w) && !occursIn(w, a)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a word whose lookups are not exact occurs in the title or the excerpt. */
  static boolean occursIn(String word, Article a) {
    if (Words.occursIn(word, a.title())) {
      return true;
    }
    String excerpt = a.excerpt(); // decoded on each call: once here
    return excerpt != null && Words.occursIn(word, excerpt);
  }

  /**
   * The query as a cache key: equal queries, equal keys. Built by hand, on every feed request:
   * a record's own toString goes through String.format, 4 % of a cached 304's time.
   */
  public String key() {
    StringBuilder b = new StringBuilder(64);
    b.append("t=");
    join(b, topics);
    b.append(" p=");
    join(b, providers);
    b.append(" c=");
    join(b, categories);
    // Words may hold a comma (1,000) but never a space: joined by spaces, they stay apart.
    b.append(" w=").append(String.join(" ", words));
    b.append(" q=").append(minQuality).append(" l=").append(limit);
    return b.toString();
  }

  /** Values cannot hold a comma (it separates them in the query), so this is unambiguous. */
  private static void join(StringBuilder b, SortedSet<String> values) {
    boolean first = true;
    for (String v : values) {
      if (!first) {
        b.append(',');
      }
      b.append(v);
      first = false;
    }
  }

  /** The canonical query string (without the path's scope), e.g. {@code q=chip&topic=ai}. */
  public String canonicalQuery(Scope scope, Limits limits) {
    // The path's own topic or provider is not repeated in the query.
    StringJoiner j = new StringJoiner("&");
    add(j, "category", String.join(",", categories));
    if (minQuality != null) {
      add(j, "minQuality", minQuality.toString());
    }
    if (limit != limits.defaultLimit()) {
      add(j, "limit", Integer.toString(limit));
    }
    if (scope != Scope.PROVIDER || providers.size() != 1) {
      add(j, "provider", String.join(",", providers));
    }
    add(j, "q", String.join(" ", words));
    if (scope != Scope.TOPIC || topics.size() != 1) {
      add(j, "topic", String.join(",", topics));
    }
    return j.toString();
  }

  private static void add(StringJoiner j, String name, String value) {
    if (!value.isEmpty()) {
      j.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
          .replace("%2C", ","));
    }
  }
}
