package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.catalog.SnapshotChange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * content.hideFuture through ingest, with the real clock: the release is moved when an edit
 * changes which article is due first, and happens on the ingest thread with no file event.
 */
class IngestScheduleTest {
  @TempDir
  java.nio.file.Path base;
  private IngestHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void anEditThatBringsTheDateForwardMovesTheRelease() throws Exception {
    h = IngestHarness.create(base, "native");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    h.write("a.txt", article("a").at(now.plus(Duration.ofHours(1)).toString()));
    h.write("b.txt", article("b").at("2023-10-17T16:45:00Z"));
    h.start();
    assertThat(h.ids()).containsExactly("b");
    assertThat(h.current().scheduled().next()).isEqualTo(now.plus(Duration.ofHours(1)));

    Instant soon = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
    h.write("a.txt", article("a").title("sooner").at(soon.toString()));
    await("the new date to be scheduled").atMost(Duration.ofSeconds(10)).until(
        () -> soon.equals(h.current().scheduled().next()));
    int from = h.changes.size();
    assertThat(h.ids()).containsExactly("b");

    h.awaitIds("a", "b");
    assertThat(Instant.now()).isAfterOrEqualTo(soon);
    assertThat(h.article("a").title()).isEqualTo("sooner");
    SnapshotChange release = h.changes.get(from);
    assertThat(IngestHarness.ids(release.next())).containsExactly("a", "b");
    assertThat(release.added()).hasSize(1);
    assertThat(release.removed()).isEmpty();
    assertThat(h.current().scheduled().count()).isZero();
  }
}
