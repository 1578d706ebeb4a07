package io.tidings.catalog;

import static io.tidings.catalog.Changes.file;
import static io.tidings.catalog.Changes.ids;
import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ordering, the topic/provider/category indexes and incremental snapshots. */
class CatalogIndexTest {

  private static List<FileChange> fourArticles() {
    return List.of(
        file("d.txt", article("d").at("2023-10-16T08:00:00Z")),
        file("b.txt", article("b").at("2023-10-17T12:00:00Z")),
        file("c.txt", article("c").at("2023-10-18T09:30:00+02:00")), // 07:30Z, the newest
        file("a.txt", article("a").at("2023-10-17T12:00:00Z")));
  }

  @Test
  void ordersNewestFirstAndBreaksTiesByIdentity() {
    Catalog catalog = new Catalog(false);
    Snapshot s = catalog.apply(fourArticles());
    assertThat(ids(s)).containsExactly("c", "a", "b", "d");
    assertThat(s.size()).isEqualTo(4);
    assertThat(catalog.current()).isSameAs(s);
  }

  @Test
  void orderIsTheSameWhateverOrderAndBatchesTheFilesCameIn() {
    List<FileChange> shuffled = new ArrayList<>(fourArticles());
    Collections.shuffle(shuffled, new Random(7));
    Catalog oneByOne = new Catalog(false);
    for (FileChange c : shuffled) {
      oneByOne.apply(List.of(c));
    }
    Collections.reverse(shuffled);
    Catalog twoBatches = new Catalog(false);
    twoBatches.apply(shuffled.subList(0, 2));
    twoBatches.apply(shuffled.subList(2, 4));
    assertThat(ids(oneByOne.current())).containsExactly("c", "a", "b", "d");
    assertThat(ids(twoBatches.current())).containsExactly("c", "a", "b", "d");
  }

  @Test
  void indexesTopicsProvidersAndCategoriesByKey() {
    Catalog catalog = new Catalog(false);
    Snapshot s = catalog.apply(List.of(
        file("1.txt", article("ai-old").at("2023-01-01T00:00:00Z").topics("AI")
            .provider("Example Org", "www.Example.org").category("News")),
        file("2.txt", article("ai-new").at("2023-02-01T00:00:00Z")
            .topics("ai", "Machine Learning").category("news")),
        file("3.txt", article("ml").at("2023-03-01T00:00:00Z").topics("machine learning")
            .provider("Other", "other.net")),
        file("4.txt", article("plain").at("2023-04-01T00:00:00Z"))));

    assertThat(ids(s.topic("ai").articles())).containsExactly("ai-new", "ai-old");
    assertThat(ids(s.topic("machine-learning").articles())).containsExactly("ml", "ai-new");
    assertThat(s.topic("ai").count()).isEqualTo(2);
    assertThat(s.topic("ai").newest()).isEqualTo(s.topic("ai").articles().get(0).publishedAt());
    assertThat(s.topic("AI")).as("lookups are by key").isNull();
    assertThat(s.topic("sports")).isNull();
    assertThat(s.topics().keySet()).containsExactly("ai", "machine-learning");

    assertThat(ids(s.provider("example.org").articles())).containsExactly("ai-old");
    assertThat(s.provider("example.org").name()).isEqualTo("Example Org");
    assertThat(ids(s.provider("other.net").articles())).containsExactly("ml");
    // Without a provider, the domain of originalUrl is the provider.
    assertThat(ids(s.provider("example.com").articles())).containsExactly("plain", "ai-new");
    assertThat(s.providers().keySet()).containsExactly("example.com", "example.org", "other.net");

    assertThat(ids(s.category("news").articles())).containsExactly("ai-new", "ai-old");
    assertThat(s.categories().keySet()).containsExactly("news");
  }

  @Test
  void aFacetIsNamedByItsCommonestSpelling() {
    Catalog catalog = new Catalog(false);
    catalog.apply(List.of(
        file("1.txt", article("1").topics("ai")),
        file("2.txt", article("2").topics("AI")),
        file("3.txt", article("3").topics("AI"))));
    assertThat(catalog.current().topic("ai").name()).isEqualTo("AI");

    catalog.apply(List.of(file("2.txt", article("2").topics("ai")),
        file("4.txt", article("4").topics("ai"))));
    assertThat(catalog.current().topic("ai").name()).isEqualTo("ai");
  }

  @Test
  void anEditMovesAnArticleBetweenFacetsAndAnEmptyFacetGoes() {
    Catalog catalog = new Catalog(false);
    catalog.apply(List.of(file("1.txt", article("1").topics("AI").category("news")),
        file("2.txt", article("2").topics("AI"))));
    Snapshot s = catalog.apply(List.of(file("1.txt", article("1").topics("Sports"))));
    assertThat(ids(s.topic("ai").articles())).containsExactly("2");
    assertThat(ids(s.topic("sports").articles())).containsExactly("1");
    assertThat(s.category("news")).isNull();
    assertThat(s.categories()).isEmpty();

    s = catalog.apply(List.of(Changes.gone("2.txt")));
    assertThat(s.topic("ai")).isNull();
    assertThat(s.topics().keySet()).containsExactly("sports");
  }

  @Test
  void aOneFileChangeReplacesOnlyThatArticle() {
    Catalog catalog = new Catalog(false);
    List<FileChange> files = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      files.add(file(i + ".txt", article("n" + i)
          .at(String.format("2023-10-%02dT10:00:00Z", 1 + i % 28)).topics(i % 2 == 0 ? "Even" : "Odd")
          .provider("P" + i % 3, "p" + i % 3 + ".org")));
    }
    Snapshot before = catalog.apply(files);
    Article oldSeven = find(before, "n7");

    Snapshot after = catalog.apply(List.of(file("7.txt", article("n7")
        .at(String.format("2023-10-%02dT10:00:00Z", 8)).title("A new title").topics("Odd")
        .provider("P1", "p1.org"))));

    assertThat(after).isNotSameAs(before);
    assertThat(ids(after)).isEqualTo(ids(before));
    Article newSeven = find(after, "n7");
    assertThat(newSeven.title()).isEqualTo("A new title");
    assertThat(newSeven).isNotSameAs(oldSeven);
    for (int i = 0; i < before.size(); i++) {
      if (before.articles().get(i) != oldSeven) {
        assertThat(after.articles().get(i)).as("article %d", i).isSameAs(before.articles().get(i));
      }
    }
    // Facets the change did not touch are the very same objects.
    assertThat(after.topic("even")).isSameAs(before.topic("even"));
    assertThat(after.provider("p0.org")).isSameAs(before.provider("p0.org"));
    assertThat(after.topic("odd").articles()).contains(newSeven).doesNotContain(oldSeven);
    // The previous snapshot never changes.
    assertThat(find(before, "n7")).isSameAs(oldSeven);
    assertThat(before.topic("odd").articles()).contains(oldSeven);
  }

  private static Article find(Snapshot s, String shortId) {
    for (Article a : s.articles()) {
      if (a.id().endsWith("/" + shortId)) {
        return a;
      }
    }
    throw new AssertionError(shortId + " not in snapshot");
  }
}
