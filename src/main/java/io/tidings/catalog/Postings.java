package io.tidings.catalog;

import io.tidings.article.Article;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * One term's articles, newest first, in blocks of about {@value #BLOCK}: a change copies the
 * blocks it lands in and the short array of blocks, not the whole list, so that a common
 * term's list (most of the catalog) costs a few hundred references a change, not all of them.
 */
final class Postings extends AbstractList<Article> implements RandomAccess {
  static final int BLOCK = 128;
  static final Postings EMPTY = new Postings(new Article[0][], new int[0]);

  private final Article[][] blocks;
  /** {@code ends[b]}: how many articles blocks 0..b hold. */
  private final int[] ends;

  private Postings(Article[][] blocks, int[] ends) {
    this.blocks = blocks;
    this.ends = ends;
  }

  @Override
  public Article get(int index) {
    if (blocks.length == 1) {
      return blocks[0][index];
    }
    int b = Arrays.binarySearch(ends, index + 1);
    b = b >= 0 ? b : -b - 1;
    return blocks[b][index - (b == 0 ? 0 : ends[b - 1])];
  }

  @Override
  public int size() {
    return ends.length == 0 ? 0 : ends[ends.length - 1];
  }

  /** These postings without {@code removed}, with {@code added} (sorted newest first). */
  Postings with(Set<Article> removed, List<Article> added) {
    if (blocks.length == 0) {
      List<Article[]> one = new ArrayList<>(1);
      one.add(Ordering.merge(new Article[0], Set.of(), added));
      return of(one);
    }
    List<List<Article>> addedTo = new ArrayList<>(blocks.length);
    List<Set<Article>> removedFrom = new ArrayList<>(blocks.length);
    for (int b = 0; b < blocks.length; b++) {
      addedTo.add(null);
      removedFrom.add(null);
    }
    for (Article a : added) {
      int b = blockOf(a);
      if (addedTo.get(b) == null) {
        addedTo.set(b, new ArrayList<>());
      }
      addedTo.get(b).add(a);
    }
    for (Article a : removed) {
      int b = blockOf(a);
      if (removedFrom.get(b) == null) {
        removedFrom.set(b, Ordering.identitySet());
      }
      removedFrom.get(b).add(a);
    }
    List<Article[]> out = new ArrayList<>(blocks.length + 1);
    for (int b = 0; b < blocks.length; b++) {
      if (addedTo.get(b) == null && removedFrom.get(b) == null) {
        out.add(blocks[b]);
      } else {
        out.add(Ordering.merge(blocks[b],
            removedFrom.get(b) == null ? Set.of() : removedFrom.get(b),
            addedTo.get(b) == null ? List.of() : addedTo.get(b)));
      }
    }
    return of(out);
  }

  /** The block an article belongs in: the first whose oldest is not newer than it, or the last. */
  private int blockOf(Article a) {
    int lo = 0;
    int hi = blocks.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      Article[] block = blocks[mid];
      if (Ordering.compare(block[block.length - 1], a) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The postings of articles already sorted newest first: what {@link #with} makes from none. */
  static Postings ofSorted(Article[] sorted) {
    return of(java.util.Collections.singletonList(sorted));
  }

  /** Drops empty blocks and splits any over twice the size. */
  private static Postings of(List<Article[]> raw) {
    List<Article[]> kept = new ArrayList<>(raw.size());
    for (Article[] block : raw) {
      if (block.length > 2 * BLOCK) {
        for (int from = 0; from < block.length; from += BLOCK) {
          kept.add(Arrays.copyOfRange(block, from, Math.min(block.length, from + BLOCK)));
        }
      } else if (block.length > 0) {
        kept.add(block);
      }
    }
    if (kept.isEmpty()) {
      return EMPTY;
    }
    int[] ends = new int[kept.size()];
    int total = 0;
    for (int b = 0; b < ends.length; b++) {
      total += kept.get(b).length;
      ends[b] = total;
    }
    return new Postings(kept.toArray(new Article[0][]), ends);
  }
}
