package io.tidings.load;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an article file of the churn writer says about itself: each file carries its own
 * identity, edit generation, topics, provider and search word in its excerpt, so that any
 * feed item can be checked against the file version it came from, without asking the writer.
 *
 * @param seq the article's number; also fixes its publication time, so feeds order by it
 * @param gen how many times the article was edited; in the title and in the excerpt
 */
record Marked(int seq, int gen, Set<String> topics, String provider, String word) {
  static final String ID_PREFIX = "https://churn.example/w";
  static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");
  private static final Pattern MARK = Pattern.compile(
      "churn-mark seq=(\\d+) gen=(\\d+) topics=([a-z,-]+) provider=([a-z0-9.]+) word=([a-z]+)");
  private static final Pattern TITLE = Pattern.compile("Churn w(\\d+) generation (\\d+) ([a-z]+)");

  Marked {
    topics = Set.copyOf(new TreeSet<>(topics));
  }

  String id() {
    return ID_PREFIX + seq;
  }

  Instant published() {
    return EPOCH.plusSeconds(60L * seq);
  }

  String title() {
    return "Churn w" + seq + " generation " + gen + " " + word;
  }

  String excerpt() {
    return "churn-mark seq=" + seq + " gen=" + gen + " topics=" + String.join(",",
        new TreeSet<>(topics)) + " provider=" + provider + " word=" + word;
  }

  /** "Churn 2" for churn2.example: the provider's name, which feeds show as the author. */
  String providerName() {
    return "Churn " + provider.substring("churn".length(), provider.indexOf('.'));
  }

  Marked edited(int newGen, Set<String> newTopics, String newProvider, String newWord) {
    return new Marked(seq, newGen, newTopics, newProvider, newWord);
  }

  /** The whole article file (docs/format.md). */
  String fileText() {
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: \"").append(title()).append("\"\n");
    s.append("publishedDateTime: ").append(published()).append('\n');
    s.append("originalUrl: \"").append(id()).append("\"\n");
    s.append("excerpt: \"").append(excerpt()).append("\"\n");
    s.append("provider:\n  name: \"").append(providerName()).append("\"\n  domain: ")
        .append(provider).append('\n');
    s.append("topics:\n");
    for (String t : new TreeSet<>(topics)) {
      s.append("  - \"").append(t).append("\"\n");
    }
    return s.append("---\n").toString();
  }

  /** The mark in an excerpt (or a whole file), or null when there is none. */
  static Marked parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = MARK.matcher(text);
    if (!m.find()) {
      return null;
    }
    return new Marked(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Set.copyOf(Arrays.asList(m.group(3).split(","))), m.group(4), m.group(5));
  }

  /**
   * Whether a title agrees with this mark (same article, same generation, same word): a
   * title from one file version beside an excerpt from another is an item torn in two.
   */
  boolean agreesWithTitle(String title) {
    Matcher m = title == null ? null : TITLE.matcher(title);
    return m != null && m.matches() && Integer.parseInt(m.group(1)) == seq
        && Integer.parseInt(m.group(2)) == gen && m.group(3).equals(word);
  }
}
