package io.tidings.catalog;

import static io.tidings.catalog.Changes.broken;
import static io.tidings.catalog.Changes.file;
import static io.tidings.catalog.Changes.gone;
import static io.tidings.catalog.Changes.ids;
import static io.tidings.testing.Articles.article;
import static io.tidings.testing.Articles.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drafts, duplicate identities and files that stop parsing. */
class CatalogRulesTest {

  @Test
  void draftsAreHiddenAndCounted() {
    Catalog catalog = new Catalog(false);
    Snapshot s = catalog.apply(List.of(
        file("a.txt", article("a").topics("AI")),
        file("draft.txt", article("draft").topics("AI").draft())));
    assertThat(ids(s)).containsExactly("a");
    assertThat(ids(s.topic("ai").articles())).containsExactly("a");
    assertThat(s.hiddenDrafts()).isEqualTo(1);

    s = catalog.apply(List.of(file("draft.txt", article("draft").topics("AI"))));
    assertThat(ids(s)).containsExactly("a", "draft");
    assertThat(s.hiddenDrafts()).isZero();

    s = catalog.apply(List.of(file("a.txt", article("a").topics("AI").draft())));
    assertThat(ids(s)).containsExactly("draft");
    assertThat(s.hiddenDrafts()).isEqualTo(1);

    s = catalog.apply(List.of(gone("a.txt")));
    assertThat(s.hiddenDrafts()).isZero();
  }

  @Test
  void draftsAreShownWhenTheOperatorOptsIn() {
    Catalog catalog = new Catalog(true);
    Snapshot s = catalog.apply(List.of(
        file("a.txt", article("a")),
        file("draft.txt", article("draft").topics("AI").draft())));
    assertThat(ids(s)).containsExactly("a", "draft");
    assertThat(ids(s.topic("ai").articles())).containsExactly("draft");
    assertThat(s.hiddenDrafts()).isZero();
  }

  @Test
  void ofTwoFilesWithOneIdentityTheLaterPublishedWins() {
    FileChange older = file("x/old.txt", article("d").title("old").at("2023-10-17T10:00:00Z"));
    FileChange newer = file("y/new.txt", article("d").title("new").at("2023-10-17T12:00:00Z"));
    Catalog together = new Catalog(false);
    together.apply(List.of(newer, older));
    Catalog newerFirst = new Catalog(false);
    newerFirst.apply(List.of(newer));
    newerFirst.apply(List.of(older));
    Catalog olderFirst = new Catalog(false);
    olderFirst.apply(List.of(older));
    olderFirst.apply(List.of(newer));

    for (Catalog c : List.of(together, newerFirst, olderFirst)) {
      Snapshot s = c.current();
      assertThat(s.articles()).extracting(Article::title).containsExactly("new");
      assertThat(s.duplicates()).containsExactly(
          new Duplicate(url("d"), "y/new.txt", List.of("x/old.txt")));
    }

    Snapshot s = olderFirst.apply(List.of(gone("y/new.txt")));
    assertThat(s.articles()).extracting(Article::title).containsExactly("old");
    assertThat(s.duplicates()).isEmpty();
  }

  @Test
  void anIdentityPublishedAtTheSameInstantGoesToTheFirstPath() {
    Catalog catalog = new Catalog(false);
    catalog.apply(List.of(file("b.txt", article("d").title("from b"))));
    Snapshot s = catalog.apply(List.of(file("a.txt", article("d").title("from a"))));
    assertThat(s.articles()).extracting(Article::title).containsExactly("from a");
    assertThat(s.duplicates()).containsExactly(new Duplicate(url("d"), "a.txt", List.of("b.txt")));
  }

  @Test
  void aFileThatChangesIdentityLeavesItsOldOne() {
    Catalog catalog = new Catalog(false);
    catalog.apply(List.of(file("a.txt", article("one")), file("b.txt", article("one"))));
    Snapshot s = catalog.apply(List.of(file("b.txt", article("two"))));
    assertThat(ids(s)).containsExactlyInAnyOrder("one", "two");
    assertThat(s.duplicates()).isEmpty();
  }

  @Test
  void aFileThatStopsParsingKeepsItsLastGoodArticleUntilItParsesAgain() {
    Catalog catalog = new Catalog(false);
    Snapshot good = catalog.apply(List.of(file("a.txt", article("a").title("v1")),
        file("b.txt", article("b"))));
    Article v1 = good.articles().get(0);

    Snapshot stale = catalog.apply(List.of(broken("a.txt")));
    assertThat(stale.articles()).contains(v1);
    assertThat(stale.size()).isEqualTo(2);
    assertThat(stale.problems()).hasSize(1);
    FileProblem problem = stale.problems().get(0);
    assertThat(problem.stale()).isTrue();
    assertThat(problem.error().file()).isEqualTo("a.txt");
    assertThat(problem.error().reason()).contains("no closing '---'");
    assertThat(stale.staleFiles()).isEqualTo(1);

    Snapshot fixed = catalog.apply(List.of(file("a.txt", article("a").title("v2"))));
    assertThat(fixed.problems()).isEmpty();
    assertThat(fixed.articles()).extracting(Article::title).contains("v2").doesNotContain("v1");
  }

  @Test
  void aFileThatNeverParsedIsAProblemButNotStale() {
    Catalog catalog = new Catalog(false);
    Snapshot s = catalog.apply(List.of(broken("a.txt"), file("b.txt", article("b"))));
    assertThat(ids(s)).containsExactly("b");
    assertThat(s.problems()).singleElement().satisfies(p -> {
      assertThat(p.stale()).isFalse();
      assertThat(p.error().file()).isEqualTo("a.txt");
    });
    assertThat(s.staleFiles()).isZero();
  }

  @Test
  void deletingAStaleFileRemovesItsArticleAndItsProblem() {
    Catalog catalog = new Catalog(false);
    catalog.apply(List.of(file("a.txt", article("a")), file("b.txt", article("b"))));
    catalog.apply(List.of(broken("a.txt")));
    Snapshot s = catalog.apply(List.of(gone("a.txt")));
    assertThat(ids(s)).containsExactly("b");
    assertThat(s.problems()).isEmpty();
    assertThat(catalog.knownFiles()).containsExactly("b.txt");
  }

  @Test
  void problemsAreListedInFileOrder() {
    Catalog catalog = new Catalog(false);
    Snapshot s = catalog.apply(List.of(broken("z.txt"), broken("a/b.txt"), broken("m.txt")));
    assertThat(s.problems()).extracting(p -> p.error().file())
        .containsExactly("a/b.txt", "m.txt", "z.txt");
  }
}
