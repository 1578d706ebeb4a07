package io.tidings.bench;

import io.tidings.article.Article;
import io.tidings.article.Provider;
import io.tidings.article.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the strings of the retained articles go, by field: estimated bytes (String object plus
 * its byte array, 64-bit JVM with compressed oops) and the part that repeats a value already seen
 * elsewhere in the catalog under another object, i.e. what canonicalizing (interning) would save.
 * An estimate for suggestions, not a measurement.
 */
final class HeapBreakdown {
  private final Map<String, long[]> byField = new LinkedHashMap<>(); // count, bytes, duplicate bytes
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Boolean> counted = new IdentityHashMap<>();
  private long total;
  private long duplicate;

  private HeapBreakdown() {}

  static void print(Article[] articles) {
    HeapBreakdown b = new HeapBreakdown();
    for (Article a : articles) {
      b.article(a);
    }
    int n = articles.length;
    System.out.printf(Locale.ROOT, "  strings of the %,d visible articles by field (estimate: String"
        + " + byte[] per distinct object; 'repeat' = equal to a value already held by another"
        + " object, what canonicalizing would save):%n", n);
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(b.byField.entrySet());
    rows.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
    for (Map.Entry<String, long[]> e : rows) {
      long[] v = e.getValue();
      if (v[1] == 0) {
        continue;
      }
      System.out.printf(Locale.ROOT, "    %-26s %,10d strings %8.2f per article %,7.0f B/article,"
          + " repeat %,6.0f B/article (%3.0f%%)%n", e.getKey(), v[0], v[0] / (double) n,
          v[1] / (double) n, v[2] / (double) n, 100.0 * v[2] / v[1]);
    }
    System.out.printf(Locale.ROOT, "    %-26s %,10d strings %8.2f per article %,7.0f B/article,"
        + " repeat %,6.0f B/article (%3.0f%%); per-object overhead alone (40 B per String)"
        + " %,.0f B/article%n", "all strings", b.counted.size(), b.counted.size() / (double) n,
        b.total / (double) n, b.duplicate / (double) n, 100.0 * b.duplicate / Math.max(1, b.total),
        40.0 * b.counted.size() / n);
  }

  private void article(Article a) {
    add("article.id", a.id());
    add("article.title", a.title());
    add("article.originalUrl", a.originalUrl());
    add("article.webUrl", a.webUrl());
    add("article.category", a.category());
    add("article.type", a.type());
    provider("article.provider", a.provider());
    for (Topic t : a.topics()) {
      add("topic.name", t.name());
      add("topic.key", t.key());
    }
    // excerpt, AMP addresses, body, images and related entries are one byte array, decoded
    // on each call: what they hold is that array's size, not the strings an accessor returns.
    long[] v = byField.computeIfAbsent("article.packed (byte[])", k -> new long[3]);
    long bytes = ((16 + a.packedSize() + 7) / 8) * 8;
    v[0]++;
    v[1] += bytes;
    total += bytes;
  }

  private void provider(String field, Provider p) {
    if (p == null) {
      return;
    }
    add(field + ".name", p.name());
    add(field + ".domain", p.domain());
    add(field + ".key", p.key());
  }

  private void add(String field, String s) {
    long[] v = byField.computeIfAbsent(field, k -> new long[3]);
    if (s == null || counted.put(s, Boolean.TRUE) != null) {
      return; // absent, or an object already counted (shared)
    }
    long bytes = size(s);
    v[0]++;
    v[1] += bytes;
    total += bytes;
    if (!seen.add(s)) {
      v[2] += bytes;
      duplicate += bytes;
    }
  }

  /** String (24 B) + byte[] (16 B header + content, Latin-1 or UTF-16, aligned to 8). */
  static long size(String s) {
    boolean latin1 = true;
    for (int i = 0; i < s.length() && latin1; i++) {
      latin1 = s.charAt(i) < 256;
    }
    long content = latin1 ? s.length() : 2L * s.length();
    return 24 + ((16 + content + 7) / 8) * 8;
  }
}
