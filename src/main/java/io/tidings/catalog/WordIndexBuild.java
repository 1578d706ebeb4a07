package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.search.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * The terms of a large batch of articles (the first scan, a restart) at once: each term to the
 * positions, in the batch, of the articles that hold it. The batch is cut into one slice per
 * core, each tokenized into a map of its own (the calling thread takes the first slice, the
 * common pool the others), and the maps are joined in slice order, so every term's positions
 * stay ascending. Only ints are kept per article: no set of terms outlives its article's turn,
 * which matters when a hundred thousand articles already fill most of the heap.
 */
final class WordIndexBuild {
  /** Articles from which a change from an empty index is built this way. */
  static final int BULK = 1_000;

  private WordIndexBuild() {}

  /** A growing list of positions, ascending. */
  static final class Positions {
    int[] at = new int[2];
    int size;

    void add(int i) {
      if (size == at.length) {
        at = Arrays.copyOf(at, size * 2);
      }
      at[size++] = i;
    }

    void addAll(Positions later) {
      if (size + later.size > at.length) {
        at = Arrays.copyOf(at, Math.max(size + later.size, size * 2));
      }
      System.arraycopy(later.at, 0, at, size, later.size);
      size += later.size;
    }
  }

  /** Every term of {@code articles} to the positions of the articles that hold it. */
  static Map<String, Positions> positions(List<Article> articles) {
    int n = articles.size();
    int slices = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / BULK));
    int per = (n + slices - 1) / slices;
    List<CompletableFuture<Map<String, Positions>>> others = new ArrayList<>(slices - 1);
    for (int s = 1; s < slices; s++) {
      int from = s * per;
      int to = Math.min(n, from + per);
      others.add(CompletableFuture.supplyAsync(() -> slice(articles, from, to),
          ForkJoinPool.commonPool()));
    }
    Map<String, Positions> all = slice(articles, 0, Math.min(n, per));
    for (CompletableFuture<Map<String, Positions>> later : others) {
      later.join().forEach((term, p) -> {
        Positions mine = all.putIfAbsent(term, p);
        if (mine != null) {
          mine.addAll(p);
        }
      });
    }
    return all;
  }

  private static Map<String, Positions> slice(List<Article> articles, int from, int to) {
    Map<String, Positions> out = new HashMap<>();
    Set<String> terms = new HashSet<>();
    for (int i = from; i < to; i++) {
      Article a = articles.get(i);
      terms.clear();
      Words.terms(a.title(), terms);
      if (a.excerpt() != null) {
        Words.terms(a.excerpt(), terms);
      }
      for (String t : terms) {
        out.computeIfAbsent(t, k -> new Positions()).add(i);
      }
    }
    return out;
  }
}
