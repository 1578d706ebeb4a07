package io.tidings.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One feed URL of the load mix and what it must hold, stated independently of the server:
 * which writer articles it selects, whether the articles the writer does not own (the sample
 * and generated corpus) belong in it, and its limit.
 *
 * @param path path and query, as a client asks for it
 * @param format "rss", "atom" or "json"
 * @param filter which writer articles the feed selects; null for a feed over the static
 *     articles only (a sample topic), whose content is known from the first look at it
 * @param withStatic whether the static articles belong in it (only the unfiltered feeds)
 * @param limit the feed's item limit
 */
record FeedSpec(String path, String format, Predicate<Marked> filter, boolean withStatic,
    int limit) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final List<String> FORMATS = List.of("rss", "atom", "json");
  static final List<String> TOPICS = List.of("churn-a", "churn-b", "churn-c", "churn-d",
      "churn-e");
  static final List<String> PROVIDERS = List.of("churn0.example", "churn1.example",
      "churn2.example", "churn3.example");
  /** Search words: none is a part of another word of the marks or of the static content. */
  static final List<String> WORDS = List.of("quokka", "axolotl", "pangolin");

  /**
   * The unfiltered feed at the largest limit: every visible article while there are fewer
   * than 500 (the test keeps it so), hence the reference that the other feeds of the same
   * snapshot are checked against.
   */
  boolean complete() {
    return filter != null && withStatic && limit == MAX_LIMIT;
  }

  boolean staticOnly() {
    return filter == null;
  }

  /** Every feed that clients poll. */
  static List<FeedSpec> mix() {
    List<FeedSpec> out = new ArrayList<>();
    for (String f : FORMATS) {
      out.add(new FeedSpec("/feed." + f + "?limit=500", f, m -> true, true, MAX_LIMIT));
    }
    // Canonical spellings: any other is a 301 to one of these (docs/feeds.md, "Canonical URLs").
    out.add(new FeedSpec("/feed.rss", "rss", m -> true, true, DEFAULT_LIMIT));
    for (int i = 0; i < TOPICS.size(); i++) {
      String t = TOPICS.get(i);
      String f = FORMATS.get(i % 3);
      out.add(new FeedSpec("/topics/" + t + "/feed." + f, f, m -> m.topics().contains(t), false,
          DEFAULT_LIMIT));
    }
    out.add(new FeedSpec("/topics/churn-a/feed.json", "json",
        m -> m.topics().contains("churn-a"), false, DEFAULT_LIMIT));
    out.add(new FeedSpec("/topics/churn-b/feed.atom?limit=500", "atom",
        m -> m.topics().contains("churn-b"), false, MAX_LIMIT));
    for (int i = 0; i < PROVIDERS.size(); i++) {
      String p = PROVIDERS.get(i);
      String f = FORMATS.get((i + 1) % 3);
      out.add(new FeedSpec("/providers/" + p + "/feed." + f, f, m -> m.provider().equals(p),
          false, DEFAULT_LIMIT));
    }
    out.add(new FeedSpec("/feed.rss?limit=500&q=quokka", "rss", m -> m.word().equals("quokka"),
        false, MAX_LIMIT));
    out.add(new FeedSpec("/feed.json?q=axolotl", "json", m -> m.word().equals("axolotl"), false,
        DEFAULT_LIMIT));
    out.add(new FeedSpec("/feed.atom?limit=20&q=pangolin", "atom",
        m -> m.word().equals("pangolin"), false, 20));
    out.add(new FeedSpec("/topics/churn-a/feed.json?provider=churn1.example", "json",
        m -> m.topics().contains("churn-a") && m.provider().equals("churn1.example"), false,
        DEFAULT_LIMIT));
    out.add(new FeedSpec("/feed.rss?limit=100&topic=churn-c,churn-d", "rss",
        m -> m.topics().contains("churn-c") || m.topics().contains("churn-d"), false, 100));
    out.add(new FeedSpec("/feed.atom?limit=500&provider=churn0.example,churn3.example"
        + "&q=quokka", "atom", m -> (m.provider().equals("churn0.example")
        || m.provider().equals("churn3.example")) && m.word().equals("quokka"), false,
        MAX_LIMIT));
    // Feeds of the sample content, which the writer never touches.
    out.add(new FeedSpec("/topics/ai/feed.rss", "rss", null, true, DEFAULT_LIMIT));
    out.add(new FeedSpec("/topics/ai/feed.json?limit=500", "json", null, true, MAX_LIMIT));
    out.add(new FeedSpec("/providers/reuters.com/feed.atom", "atom", null, true,
        DEFAULT_LIMIT));
    return out;
  }

  @Override
  public String toString() {
    return path;
  }
}
