package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.search.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The search index a snapshot carries: each term of the visible articles' titles and
 * excerpts ({@link Words}) to its articles, newest first. Never changes once made; the next
 * snapshot's index is this one with a change applied, which copies only the shards of the
 * terms the changed articles hold (terms are spread over {@value #SHARDS} shards by hash),
 * and merges only those terms' lists, by binary search and array copies.
 *
 * <p>A posting list ({@link Postings}) holds references to the articles themselves (4 bytes
 * each with compressed references, as an int ordinal would be), in blocks, so a query walks it
 * without a lookup and a change copies one block of it.
 */
public final class WordIndex {
  static final int SHARDS = 4096;
  public static final WordIndex EMPTY = new WordIndex(new Shard[SHARDS], 0, 0, 0);

  private final Shard[] shards;
  private final int terms;
  private final long postings;
  private final long bytes;

  /** One shard's terms in sorted order, each with its articles newest first. */
  private record Shard(String[] terms, Postings[] lists) {}

  private WordIndex(Shard[] shards, int terms, long postings, long bytes) {
    this.shards = shards;
    this.terms = terms;
    this.postings = postings;
    this.bytes = bytes;
  }

  /** How many distinct terms. */
  public int terms() {
    return terms;
  }

  /** How many (term, article) entries. */
  public long postings() {
    return postings;
  }

  /** An estimate of the heap the index holds beyond the articles (terms, lists, shards). */
  public long estimatedBytes() {
    return bytes + align(16 + 4L * SHARDS);
  }

  /** The articles that hold {@code term}, newest first; empty when none does. */
  public List<Article> postings(String term) {
    Shard s = shards[shard(term)];
    if (s == null) {
      return ArticleList.EMPTY;
    }
    int at = java.util.Arrays.binarySearch(s.terms, term);
    return at < 0 ? ArticleList.EMPTY : s.lists[at];
  }

  /** Every term of an article, each once: its title's and its excerpt's. */
  public static Set<String> termsOf(Article a) {
    Set<String> out = new HashSet<>();
    Words.terms(a.title(), out);
    if (a.excerpt() != null) {
      Words.terms(a.excerpt(), out);
    }
    return out;
  }

  private static int shard(String term) {
    int h = term.hashCode();
    return (h ^ (h >>> 12) ^ (h >>> 24)) & (SHARDS - 1);
  }

  /** This index without {@code removed}, with {@code added} (sorted newest first). */
  WordIndex with(Set<Article> removed, List<Article> added) {
    if (removed.isEmpty() && added.isEmpty()) {
      return this;
    }
    if (terms == 0 && removed.isEmpty() && added.size() >= WordIndexBuild.BULK) {
      return of(added);
    }
    Map<String, List<Article>> adds = new HashMap<>();
    for (Article a : added) {
      for (String t : termsOf(a)) {
        adds.computeIfAbsent(t, k -> new ArrayList<>(2)).add(a);
      }
    }
    Map<String, Set<Article>> removes = new HashMap<>();
    for (Article a : removed) {
      for (String t : termsOf(a)) {
        removes.computeIfAbsent(t, k -> Ordering.identitySet()).add(a);
      }
    }
    Map<Integer, Set<String>> byShard = new HashMap<>();
    for (String t : adds.keySet()) {
      byShard.computeIfAbsent(shard(t), k -> new HashSet<>()).add(t);
    }
    for (String t : removes.keySet()) {
      byShard.computeIfAbsent(shard(t), k -> new HashSet<>()).add(t);
    }
    Shard[] next = shards.clone();
    int termCount = terms;
    long postingCount = postings;
    long byteCount = bytes;
    for (Map.Entry<Integer, Set<String>> e : byShard.entrySet()) {
      Shard old = shards[e.getKey()];
      TreeMap<String, Postings> m = new TreeMap<>();
      if (old != null) {
        for (int i = 0; i < old.terms.length; i++) {
          m.put(old.terms[i], old.lists[i]);
        }
        byteCount -= shardBytes(old.terms.length);
      }
      for (String t : e.getValue()) {
        Postings before = m.get(t);
        Postings after = (before == null ? Postings.EMPTY : before).with(
            removes.getOrDefault(t, Set.of()), adds.getOrDefault(t, List.of()));
        if (before != null) {
          termCount--;
          postingCount -= before.size();
          byteCount -= termBytes(t, before.size());
        }
        if (after.size() == 0) {
          m.remove(t);
        } else {
          m.put(t, after);
          termCount++;
          postingCount += after.size();
          byteCount += termBytes(t, after.size());
        }
      }
      if (m.isEmpty()) {
        next[e.getKey()] = null;
      } else {
        next[e.getKey()] = new Shard(m.keySet().toArray(new String[0]),
            m.values().toArray(new Postings[0]));
        byteCount += shardBytes(m.size());
      }
    }
    return new WordIndex(next, termCount, postingCount, byteCount);
  }

  /**
   * The index of {@code added} alone (sorted newest first), built at once: what {@link #with}
   * makes from an empty index, term for term and block for block, without its maps of lists.
   */
  private static WordIndex of(List<Article> added) {
    Article[] articles = added.toArray(new Article[0]);
    Map<String, WordIndexBuild.Positions> byTerm = WordIndexBuild.positions(added);
    int[] count = new int[SHARDS];
    for (String t : byTerm.keySet()) {
      count[shard(t)]++;
    }
    String[][] termsOf = new String[SHARDS][];
    for (String t : byTerm.keySet()) {
      int s = shard(t);
      if (termsOf[s] == null) {
        termsOf[s] = new String[count[s]];
      }
      termsOf[s][--count[s]] = t;
    }
    Shard[] shards = new Shard[SHARDS];
    long postingCount = 0;
    long byteCount = 0;
    for (int s = 0; s < SHARDS; s++) {
      String[] sorted = termsOf[s];
      if (sorted == null) {
        continue;
      }
      java.util.Arrays.sort(sorted);
      Postings[] lists = new Postings[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        WordIndexBuild.Positions p = byTerm.get(sorted[i]);
        Article[] holders = new Article[p.size];
        for (int k = 0; k < p.size; k++) {
          holders[k] = articles[p.at[k]];
        }
        lists[i] = Postings.ofSorted(holders);
        postingCount += p.size;
        byteCount += termBytes(sorted[i], p.size);
      }
      shards[s] = new Shard(sorted, lists);
      byteCount += shardBytes(sorted.length);
    }
    return new WordIndex(shards, byTerm.size(), postingCount, byteCount);
  }

  private static long align(long n) {
    return (n + 7) & ~7L;
  }

  /**
   * The term's String (compact Latin-1 when it can be) and its list: the references, with a
   * block's header and end offset for every {@value Postings#BLOCK} of them (the blocks' exact
   * cut depends on the order of changes; the estimate does not).
   */
  private static long termBytes(String t, int articles) {
    boolean latin1 = true;
    for (int i = 0; i < t.length() && latin1; i++) {
      latin1 = t.charAt(i) < 256;
    }
    long chars = latin1 ? t.length() : 2L * t.length();
    long blocks = (articles + Postings.BLOCK - 1) / Postings.BLOCK;
    return 24 + align(16 + chars) + 4L * articles + 24 * blocks + 48;
  }

  /** The shard record and its two arrays of references. */
  private static long shardBytes(int terms) {
    return 16 + 2 * align(16 + 4L * terms);
  }
}
