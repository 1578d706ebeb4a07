package io.tidings.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import io.tidings.article.Parsed;
import io.tidings.article.Provider;
import io.tidings.article.Topic;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The snapshot build costs what changed: an article with N topics costs O(N) reads of its
 * topics, not one read of them all per topic (which made 144,871 topics a stall). Counted,
 * not timed: the topics list counts every element read.
 */
class CatalogLinearBuildTest {
  private static final int N = 5_000;

  /** A list that counts how many of its elements are read. */
  private static final class CountingList extends AbstractList<Topic> {
    final List<Topic> topics;
    final AtomicLong reads = new AtomicLong();

    CountingList(List<Topic> topics) {
      this.topics = topics;
    }

    @Override
    public Topic get(int i) {
      reads.incrementAndGet();
      return topics.get(i);
    }

    @Override
    public int size() {
      return topics.size();
    }
  }

  private static Article article(String id, List<Topic> topics, long hash) {
    return new Article("https://example.com/" + id, "t " + id, Instant.parse("2023-10-17T16:45:00Z"),
        "https://example.com/" + id, "https://example.com/" + id, null, null, null, null, null,
        null, null, true, Provider.of("Example", "example.com"), topics, List.of(), List.of(),
        null, hash);
  }

  private static List<Topic> topics(String prefix, int n) {
    List<Topic> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Topic.of(prefix + i));
    }
    return out;
  }

  @Test
  void addingEditingAndRemovingAnArticleOfManyTopicsReadsEachTopicAFewTimes() {
    Catalog catalog = new Catalog(false);
    catalog.apply(List.of(new FileChange("other.txt",
        Parsed.of(article("other", topics("Topic ", 10), 1L)))));

    CountingList many = new CountingList(topics("Topic ", N));
    catalog.apply(List.of(new FileChange("many.txt", Parsed.of(article("many", many, 2L)))));
    assertThat(catalog.current().topics()).hasSize(N);
    assertThat(catalog.current().topic("topic-0").count()).isEqualTo(2);
    assertThat(many.reads.get()).as("topic reads to add %,d topics", N).isLessThan(10L * N);

    CountingList edited = new CountingList(topics("topic ", N)); // the other spelling
    long before = many.reads.get();
    catalog.apply(List.of(new FileChange("many.txt", Parsed.of(article("many", edited, 3L)))));
    assertThat(many.reads.get() - before + edited.reads.get())
        .as("topic reads to replace %,d topics", N).isLessThan(20L * N);
    // One article each way: the tie goes to the first in code point order.
    assertThat(catalog.current().topic("topic-0").name()).isEqualTo("Topic 0");
    assertThat(catalog.current().topic("topic-4999").name()).isEqualTo("topic 4999");

    before = edited.reads.get();
    catalog.apply(List.of(Changes.gone("many.txt")));
    assertThat(edited.reads.get() - before).as("topic reads to remove %,d topics", N)
        .isLessThan(10L * N);
    assertThat(catalog.current().topics()).hasSize(10);
    assertThat(catalog.current().topic("topic-0").name()).isEqualTo("Topic 0");
  }
}
