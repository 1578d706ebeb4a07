package io.tidings.catalog;

import static io.tidings.catalog.Changes.file;
import static io.tidings.catalog.Changes.gone;
import static io.tidings.catalog.Changes.ids;
import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When ingest wakes to release scheduled articles (content.hideFuture), on a clock moved by hand. */
class ScheduledReleaseTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private final TestClock clock = new TestClock(NOW);
  private final Catalog catalog = new Catalog(false, true, clock);
  private final ScheduledRelease release = new ScheduledRelease(catalog);

  @Test
  void sleepsUntilTheArticleIsDueAndOneMillisecondMoreAtMostARecheck() {
    assertThat(ScheduledRelease.sleep(NOW, NOW.plusSeconds(10))).isEqualTo(Duration.ofMillis(10_001));
    assertThat(ScheduledRelease.sleep(NOW, NOW.plusNanos(1_500_000))).isEqualTo(Duration.ofMillis(2));
    assertThat(ScheduledRelease.sleep(NOW, NOW)).isEqualTo(Duration.ofMillis(1));
    // Overdue (a late timer, a clock that jumped ahead): at once.
    assertThat(ScheduledRelease.sleep(NOW, NOW.minusSeconds(5))).isEqualTo(Duration.ofMillis(1));
    // Far off: checked again after a minute, as the wall clock may jump meanwhile.
    assertThat(ScheduledRelease.sleep(NOW, NOW.plus(Duration.ofDays(3))))
        .isEqualTo(ScheduledRelease.RECHECK.plusMillis(1));
    assertThat(ScheduledRelease.sleep(NOW, NOW.plus(ScheduledRelease.RECHECK)))
        .isEqualTo(ScheduledRelease.RECHECK.plusMillis(1));
  }

  @Test
  void nothingHeldBackNeedsNoWakeUp() {
    catalog.apply(List.of(file("past.txt", article("past").at("2024-05-01T09:00:00Z"))));
    assertThat(release.arm()).isNull();
    assertThat(release.stillRight(false)).isFalse();
    assertThat(release.stillRight(true)).isFalse();
  }

  @Test
  void aWakeUpStaysWhileTheSoonestDueTimeStaysAndMovesWhenAnEditChangesIt() {
    catalog.apply(List.of(file("a.txt", article("a").at("2024-05-01T11:00:00Z"))));
    assertThat(release.arm()).isEqualTo(ScheduledRelease.RECHECK.plusMillis(1));
    assertThat(release.stillRight(true)).isTrue();
    assertThat(release.stillRight(false)).as("a wake-up that already ran").isFalse();

    // A later article does not move it; an earlier one does.
    catalog.apply(List.of(file("b.txt", article("b").at("2024-05-01T12:00:00Z"))));
    assertThat(release.stillRight(true)).isTrue();
    catalog.apply(List.of(file("c.txt", article("c").at("2024-05-01T10:00:20Z"))));
    assertThat(release.stillRight(true)).isFalse();
    assertThat(release.arm()).isEqualTo(Duration.ofMillis(20_001));

    // The soonest one deleted: the next is due later.
    catalog.apply(List.of(gone("c.txt")));
    assertThat(release.stillRight(true)).isFalse();
    assertThat(release.arm()).isEqualTo(ScheduledRelease.RECHECK.plusMillis(1));
  }

  @Test
  void aWakeUpReleasesWhatIsDueAndNothingBefore() {
    catalog.apply(List.of(
        file("soon.txt", article("soon").at("2024-05-01T10:00:30Z")),
        file("also.txt", article("also").at("2024-05-01T10:00:30Z")),
        file("later.txt", article("later").at("2024-05-01T10:05:00Z"))));
    assertThat(release.arm()).isEqualTo(Duration.ofMillis(30_001));

    clock.advance(Duration.ofSeconds(29)); // woken early
    assertThat(release.release()).isZero();
    assertThat(release.stillRight(true)).as("released: armed again").isFalse();
    assertThat(release.arm()).isEqualTo(Duration.ofMillis(1_001));

    clock.advance(Duration.ofSeconds(1));
    assertThat(release.release()).isEqualTo(2);
    assertThat(ids(catalog.current())).containsExactlyInAnyOrder("soon", "also");
    assertThat(release.arm()).as("4.5 minutes away").isEqualTo(
        ScheduledRelease.RECHECK.plusMillis(1));

    clock.advance(Duration.ofMinutes(10)); // a clock that jumped: released on the next wake-up
    assertThat(release.release()).isEqualTo(1);
    assertThat(release.arm()).isNull();
  }
}
