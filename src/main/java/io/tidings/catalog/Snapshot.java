package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.article.FileWarning;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every visible article at one moment, newest first, indexed by topic, provider and category
 * key. Never changes after it is made; the HTTP side only ever reads snapshots.
 *
 * @param version a hash of the visible content: the sum, modulo 2^64, of each visible
 *     article's {@link io.tidings.article.ContentHash} spread by SplitMix64's finaliser, so
 *     that equal files give an equal version on every replica, JDK and restart
 * @param articles visible articles, newest first ({@link Ordering#NEWEST_FIRST}); unmodifiable
 * @param topics by topic key; iteration order is the key order
 * @param providers by provider key; iteration order is the key order
 * @param categories by category key; iteration order is the key order
 * @param hiddenDrafts articles with {@code published: false} that are not shown
 * @param scheduled articles dated in the future, held back until their time (content.hideFuture)
 * @param problems files that do not parse, by file, in file order
 * @param duplicates identities claimed by more than one file, in identity order
 * @param search the words of the visible articles' titles and excerpts, to their articles
 * @param warnings authors' slips in files that are articles all the same, by file
 *     ({@link FileWarning#compareTo}): what the parser found, and topics spelt otherwise than
 *     their established name ({@link TopicSpellings})
 */
public record Snapshot(
    long version,
    List<Article> articles,
    Map<String, Facet> topics,
    Map<String, Facet> providers,
    Map<String, Facet> categories,
    int hiddenDrafts,
    Scheduled scheduled,
    List<FileProblem> problems,
    List<Duplicate> duplicates,
    WordIndex search, List<FileWarning> warnings) {

  public static final Snapshot EMPTY = new Snapshot(0L, List.of(), Map.of(), Map.of(),
      Map.of(), 0, Scheduled.NONE, List.of(), List.of(), WordIndex.EMPTY, List.of());

  /** This snapshot with other warnings. */
  Snapshot withWarnings(List<FileWarning> other) {
    return new Snapshot(version, articles, topics, providers, categories, hiddenDrafts,
        scheduled, problems, duplicates, search, other);
  }

  /**
   * Articles held back until their date (content.hideFuture).
   *
   * @param count how many
   * @param next when the soonest is due; null when none is held
   */
  public record Scheduled(int count, Instant next) {
    public static final Scheduled NONE = new Scheduled(0, null);
  }

  public int size() {
    return articles.size();
  }

  /** The version as the 16 hex digits that ETags and /status show. */
  public String versionHex() {
    return String.format("%016x", version);
  }

  public Facet topic(String key) {
    return topics.get(key);
  }

  public Facet provider(String key) {
    return providers.get(key);
  }

  public Facet category(String key) {
    return categories.get(key);
  }

  public long staleFiles() {
    return problems.stream().filter(FileProblem::stale).count();
  }
}
