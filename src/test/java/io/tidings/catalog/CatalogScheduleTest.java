package io.tidings.catalog;

import static io.tidings.catalog.Changes.file;
import static io.tidings.catalog.Changes.gone;
import static io.tidings.catalog.Changes.ids;
import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** content.hideFuture: articles dated after now are held back, then released on their own. */
class CatalogScheduleTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private final TestClock clock = new TestClock(NOW);
  private final Catalog catalog = new Catalog(false, true, clock);
  private final List<SnapshotChange> announced = new ArrayList<>();

  {
    catalog.onChange(announced::add);
  }

  @Test
  void aFutureArticleIsInNoIndexAndNoCountUntilItsTimeThenAppearsAsAnAddition() {
    Snapshot s = catalog.apply(List.of(
        file("past.txt", article("past").topics("AI").provider("P", "p.com").category("news")
            .at("2024-05-01T09:00:00Z")),
        file("soon.txt", article("soon").topics("AI", "Space").provider("Q", "q.com")
            .category("opinion").at("2024-05-01T10:00:30Z")),
        file("later.txt", article("later").topics("AI").at("2024-05-01T11:00:00Z"))));

    assertThat(ids(s)).containsExactly("past");
    assertThat(s.topic("ai").count()).isEqualTo(1);
    assertThat(s.topic("space")).isNull();
    assertThat(s.provider("q.com")).isNull();
    assertThat(s.category("opinion")).isNull();
    assertThat(s.scheduled()).isEqualTo(new Snapshot.Scheduled(2,
        Instant.parse("2024-05-01T10:00:30Z")));
    assertThat(catalog.nextDue()).isEqualTo(Instant.parse("2024-05-01T10:00:30Z"));
    Snapshot held = s;

    // Before its time nothing happens: the same snapshot, no announcement.
    int before = announced.size();
    clock.advance(Duration.ofSeconds(29));
    assertThat(catalog.apply(List.of())).isSameAs(held);
    assertThat(announced).hasSize(before);

    // At its time an empty batch releases it, announced as added like a new file.
    clock.advance(Duration.ofSeconds(1));
    s = catalog.apply(List.of());
    assertThat(ids(s)).containsExactly("soon", "past");
    assertThat(s.topic("space").count()).isEqualTo(1);
    assertThat(s.provider("q.com").count()).isEqualTo(1);
    assertThat(s.scheduled()).isEqualTo(new Snapshot.Scheduled(1,
        Instant.parse("2024-05-01T11:00:00Z")));
    SnapshotChange change = announced.get(announced.size() - 1);
    assertThat(ids(change.added())).containsExactly("soon");
    assertThat(change.removed()).isEmpty();
    assertThat(change.previous()).isSameAs(held);
    assertThat(change.next()).isSameAs(s);
  }

  @Test
  void theVersionIsTheSameAsOfACatalogThatSawTheArticleAsAPastOne() {
    catalog.apply(List.of(file("a.txt", article("a")),
        file("soon.txt", article("soon").at("2024-05-01T10:05:00Z"))));
    clock.advance(Duration.ofMinutes(10));
    Snapshot released = catalog.apply(List.of());

    // A replica started after the article's time never held it back: it must agree.
    TestClock lateClock = new TestClock(NOW);
    lateClock.advance(Duration.ofMinutes(10));
    Snapshot replica = new Catalog(false, true, lateClock).apply(List.of(
        file("soon.txt", article("soon").at("2024-05-01T10:05:00Z")), file("a.txt", article("a"))));
    assertThat(released.version()).isEqualTo(replica.version());
    assertThat(ids(released)).isEqualTo(ids(replica));
    assertThat(released.scheduled()).isEqualTo(Snapshot.Scheduled.NONE);
  }

  @Test
  void editsMoveArticlesInAndOutOfTheSchedule() {
    catalog.apply(List.of(file("a.txt", article("a").at("2024-05-01T09:00:00Z")),
        file("b.txt", article("b").at("2024-05-02T00:00:00Z"))));

    // Back-dated: shown at once.
    Snapshot s = catalog.apply(List.of(file("b.txt", article("b").at("2024-05-01T08:00:00Z"))));
    assertThat(ids(s)).containsExactly("a", "b");
    assertThat(s.scheduled().count()).isZero();
    assertThat(catalog.nextDue()).isNull();

    // Moved into the future: taken out (a removal) and held.
    s = catalog.apply(List.of(file("a.txt", article("a").at("2024-05-01T12:00:00Z"))));
    assertThat(ids(s)).containsExactly("b");
    assertThat(ids(announced.get(announced.size() - 1).removed())).containsExactly("a");
    assertThat(catalog.nextDue()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));

    // Moved to a sooner future time: the schedule follows.
    catalog.apply(List.of(file("a.txt", article("a").at("2024-05-01T10:30:00Z"))));
    assertThat(catalog.nextDue()).isEqualTo(Instant.parse("2024-05-01T10:30:00Z"));

    // Deleted while held: gone from the schedule, and no removal is announced for it.
    int before = announced.size();
    s = catalog.apply(List.of(gone("a.txt")));
    assertThat(s.scheduled()).isEqualTo(Snapshot.Scheduled.NONE);
    assertThat(catalog.nextDue()).isNull();
    assertThat(announced.get(before).removed()).isEmpty();
    assertThat(announced.get(before).added()).isEmpty();
    clock.advance(Duration.ofHours(1));
    assertThat(ids(catalog.apply(List.of()))).containsExactly("b");
  }

  @Test
  void aFutureDraftIsADraftNotAScheduledArticle() {
    Snapshot s = catalog.apply(List.of(
        file("d.txt", article("d").draft().at("2024-05-01T12:00:00Z"))));
    assertThat(s.hiddenDrafts()).isEqualTo(1);
    assertThat(s.scheduled().count()).isZero();
    clock.advance(Duration.ofDays(1));
    s = catalog.apply(List.of(gone("d.txt")));
    assertThat(s.hiddenDrafts()).isZero();
  }

  @Test
  void withHideFutureOffFutureArticlesShowAtOnce() {
    Catalog showAll = new Catalog(false, false, clock);
    Snapshot s = showAll.apply(List.of(file("a.txt", article("a").at("2030-01-01T00:00:00Z"))));
    assertThat(ids(s)).containsExactly("a");
    assertThat(s.scheduled()).isEqualTo(Snapshot.Scheduled.NONE);
    assertThat(showAll.nextDue()).isNull();
  }
}
