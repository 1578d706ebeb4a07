package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tidings.catalog.Snapshot;
import io.tidings.testing.Articles;
import java.nio.file.Files;
import java.time.Instant;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content directory itself: missing at start, gone while running, back again; rescans. */
class IngestDirectoryTest {
  @TempDir
  Path base;
  private IngestHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @BothModes
  void aMissingDirectoryFailsTheStartNamingIt(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    Files.delete(h.root);

    assertThatThrownBy(() -> h.ingest.start().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().hasMessageContaining(h.root.toString()).hasMessageContaining("does not exist");
    assertThat(h.ingest.status().ready()).isFalse();
  }

  @BothModes
  void aDirectoryGoneWhileRunningKeepsServingAndComesBackAsItIsOnDisk(String mode)
      throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.write("sub/b.txt", article("b"));
    h.start();
    Snapshot before = h.current();

    IngestHarness.delete(h.root);
    await("the directory to be missed").atMost(Duration.ofSeconds(10)).until(
        () -> h.ingest.status().directoryMissing());
    assertThat(h.ids()).containsExactly("a", "b");
    assertThat(h.current().version()).isEqualTo(before.version());

    Files.createDirectories(h.root);
    h.write("c.txt", article("c"));
    h.write("deep/er/d.txt", article("d"));
    h.write("a.txt", article("a").title("a, again"));
    h.awaitIds("a", "c", "d");
    h.awaitTitle("a", "a, again");
    assertThat(h.ingest.status().directoryMissing()).isFalse();

    // And it is watched again.
    h.write("deep/er/e.txt", article("e"));
    h.awaitIds("a", "c", "d", "e");
  }

  @Test
  void rescanNowReconcilesWhatChangedBehindTheCatalogsBack() throws Exception {
    // A poll that never comes: nothing sees these changes until the rescan, as when native
    // events are lost (an inotify overflow, a network filesystem).
    h = IngestHarness.create(base, "poll", Map.of("content.pollInterval", "1h"));
    h.write("a.txt", article("a").title("old"));
    h.write("b.txt", article("b"));
    h.write("sub/c.txt", article("c"));
    h.start();
    AtomicInteger announced = new AtomicInteger();
    h.catalog.onChange(c -> announced.incrementAndGet());

    h.write("a.txt", article("a").title("new"));
    Files.delete(h.root.resolve("b.txt"));
    Files.move(h.root.resolve("sub"), h.root.resolve("moved"));
    h.write("moved/d.txt", article("d"));
    h.write("broken.txt", "---\ntitle: x\n");
    // Written a while ago, as far as their times go: settled, so the rescan applies them
    // (a file written a moment ago waits to settle: IngestSettleTest).
    for (String f : List.of("a.txt", "moved/d.txt", "broken.txt")) {
      Files.setLastModifiedTime(h.root.resolve(f),
          FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
    }
    assertThat(h.ids()).containsExactly("a", "b", "c");

    Snapshot s = h.ingest.rescanNow().get(10, TimeUnit.SECONDS);
    assertThat(IngestHarness.ids(s)).containsExactly("a", "c", "d");
    assertThat(h.article("a").title()).isEqualTo("new");
    assertThat(s.problems()).extracting(p -> p.error().file()).containsExactly("broken.txt");
    assertThat(announced).hasValue(1);
    assertThat(h.ingest.status().rescans()).isEqualTo(1);

    // A rescan with nothing new announces nothing and returns the same snapshot.
    assertThat(h.ingest.rescanNow().get(10, TimeUnit.SECONDS)).isSameAs(s);
    assertThat(announced).hasValue(1);
    assertThat(h.ingest.status().rescans()).isEqualTo(2);
  }

  @BothModes
  void rescanNowOnASettledTreeChangesNothing(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.start();
    h.write("b.txt", article("b"));
    h.awaitIds("a", "b");
    h.settle();
    Snapshot settled = h.current();
    int announced = h.changes.size();

    assertThat(h.ingest.rescanNow().get(10, TimeUnit.SECONDS)).isSameAs(settled);
    assertThat(h.changes).hasSize(announced);
    Articles.write(h.root, "c.txt", article("c").text());
    h.awaitIds("a", "b", "c");
  }
}
