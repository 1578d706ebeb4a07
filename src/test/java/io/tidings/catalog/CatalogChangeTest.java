package io.tidings.catalog;

import static io.tidings.catalog.Changes.broken;
import static io.tidings.catalog.Changes.file;
import static io.tidings.catalog.Changes.gone;
import static io.tidings.catalog.Changes.ids;
import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The snapshot version, and the announcements listeners get. */
class CatalogChangeTest {

  private static List<FileChange> corpus() {
    List<FileChange> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      files.add(file("f" + i + ".txt", article("a" + i)
          .at(String.format("2023-10-%02dT10:00:00Z", 1 + i)).topics("T" + i % 4)));
    }
    files.add(file("draft.txt", article("draft").draft()));
    return files;
  }

  @Test
  void theVersionDependsOnTheFilesNotOnTheOrderTheyCameIn() {
    Catalog all = new Catalog(false);
    long version = all.apply(corpus()).version();
    assertThat(version).isNotZero();

    List<FileChange> shuffled = new ArrayList<>(corpus());
    Collections.shuffle(shuffled, new Random(42));
    Catalog batches = new Catalog(false);
    for (int i = 0; i < shuffled.size(); i += 6) {
      batches.apply(shuffled.subList(i, Math.min(shuffled.size(), i + 6)));
    }
    assertThat(batches.current().version()).isEqualTo(version);
    assertThat(batches.current().versionHex()).isEqualTo(all.current().versionHex()).hasSize(16);

    // A detour (a change, a deletion, their undoing) comes back to the same version.
    Catalog detour = new Catalog(false);
    detour.apply(corpus());
    detour.apply(List.of(file("f3.txt", article("a3").title("edited"))));
    detour.apply(List.of(gone("f4.txt")));
    assertThat(detour.current().version()).isNotEqualTo(version);
    detour.apply(corpus());
    assertThat(detour.current().version()).isEqualTo(version);
  }

  @Test
  void differentContentGivesADifferentVersion() {
    Catalog one = new Catalog(false);
    one.apply(corpus());
    Catalog other = new Catalog(false);
    other.apply(corpus());
    long before = other.current().version();
    other.apply(List.of(file("f5.txt", article("a5").at("2023-10-06T10:00:00Z")
        .topics("T1").excerpt("one more word"))));
    assertThat(other.current().version()).isNotEqualTo(one.current().version())
        .isNotEqualTo(before);

    Catalog fewer = new Catalog(false);
    fewer.apply(corpus().subList(0, 19));
    assertThat(fewer.current().version()).isNotEqualTo(one.current().version());
  }

  @Test
  void listenersGetOneChangePerNewSnapshotWithWhatLeftAndWhatCame() {
    Catalog catalog = new Catalog(false);
    List<SnapshotChange> seen = new ArrayList<>();
    catalog.onChange(seen::add);

    Snapshot first = catalog.apply(corpus());
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).previous()).isSameAs(Snapshot.EMPTY);
    assertThat(seen.get(0).next()).isSameAs(first);
    assertThat(seen.get(0).removed()).isEmpty();
    assertThat(ids(seen.get(0).added())).isEqualTo(ids(first)).hasSize(20);

    // The same content, parsed again into new objects: nothing to announce.
    assertThat(catalog.apply(corpus())).isSameAs(first);
    assertThat(catalog.apply(List.of())).isSameAs(first);
    assertThat(seen).hasSize(1);

    Snapshot second = catalog.apply(List.of(
        file("f2.txt", article("a2").title("edited").at("2023-10-03T10:00:00Z").topics("T2")),
        gone("f7.txt"),
        file("new.txt", article("new").at("2023-11-01T00:00:00Z"))));
    assertThat(seen).hasSize(2);
    SnapshotChange change = seen.get(1);
    assertThat(change.previous()).isSameAs(first);
    assertThat(change.next()).isSameAs(second).isSameAs(catalog.current());
    assertThat(ids(change.added())).containsExactly("new", "a2");
    assertThat(change.added().get(1).title()).isEqualTo("edited");
    // Newest first, like every list of articles, so that whoever relays it is deterministic.
    assertThat(ids(change.removed())).containsExactly("a7", "a2");
    assertThat(change.removed().get(1).title()).isEqualTo("Title of a2");
    assertThat(change.isEmpty()).isFalse();
  }

  @Test
  void aDraftOrAProblemAloneMakesAnEmptyButAnnouncedChange() {
    Catalog catalog = new Catalog(false);
    List<SnapshotChange> seen = new ArrayList<>();
    catalog.onChange(seen::add);
    catalog.apply(List.of(file("a.txt", article("a"))));

    Snapshot withDraft = catalog.apply(List.of(file("d.txt", article("d").draft())));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).isEmpty()).isTrue();
    assertThat(withDraft.hiddenDrafts()).isEqualTo(1);

    Snapshot withProblem = catalog.apply(List.of(broken("b.txt")));
    assertThat(seen).hasSize(3);
    assertThat(seen.get(2).isEmpty()).isTrue();
    assertThat(withProblem.problems()).hasSize(1);
    assertThat(withProblem.version()).isEqualTo(withDraft.version());

    // The same error again is no news.
    assertThat(catalog.apply(List.of(broken("b.txt")))).isSameAs(withProblem);
    assertThat(seen).hasSize(3);
  }
}
