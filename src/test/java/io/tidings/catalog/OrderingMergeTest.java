package io.tidings.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import io.tidings.article.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The binary-search merge gives exactly what a plain walk gives, for every kind of change. */
class OrderingMergeTest {
  private static Article article(int id, long second) {
    return new Article("https://example.com/" + id, "t" + id, Instant.ofEpochSecond(second),
        "https://example.com/" + id, "https://example.com/" + id, null, null, null, null, null,
        null, null, true, Provider.of("p", "example.com"), List.of(), List.of(), List.of(), null,
        id);
  }

  @Test
  void matchesTheWalkingMergeOnRandomChanges() {
    Random random = new Random(20231017);
    for (int round = 0; round < 2_000; round++) {
      int n = random.nextInt(300);
      List<Article> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // Few distinct seconds, so that ties (broken by id) are common.
        all.add(article(i, random.nextInt(40)));
      }
      Article[] base = Ordering.sorted(all).toArray(new Article[0]);
      Set<Article> removed = Ordering.identitySet();
      int removals = n == 0 ? 0 : random.nextInt(Math.min(n, 6) + 1);
      for (int k = 0; k < removals; k++) {
        removed.add(base[random.nextInt(n)]);
      }
      List<Article> added = new ArrayList<>();
      int additions = random.nextInt(6);
      for (int k = 0; k < additions; k++) {
        added.add(article(10_000 + round * 10 + k, random.nextInt(40)));
      }
      for (Article r : removed) {
        if (random.nextBoolean()) {
          // An edit: the same identity and time again, as a new object.
          added.add(article(Integer.parseInt(r.id().substring(20)), r.publishedAt()
              .getEpochSecond()));
        }
      }
      added.sort(Ordering.NEWEST_FIRST);
      Article[] fast = Ordering.merge(base, removed, added);
      Article[] walked = Ordering.mergeByWalking(base, removed, added);
      assertThat(fast).as("round %d", round).containsExactly(walked);
      assertThat(Arrays.asList(fast)).isSortedAccordingTo(Ordering.NEWEST_FIRST);
    }
  }
}
