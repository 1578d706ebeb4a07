package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.catalog.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Many files at once: all of them end up indexed, in a handful of snapshots. */
@Tag("slow")
class IngestBurstTest {
  private static final int FILES = 1000;

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
  void aThousandFilesWrittenAtOnceAreAllIndexedInAFewSnapshots(String mode) {
    h = IngestHarness.create(base, mode);
    h.write("burst/existing.txt", article("existing"));
    h.start();
    int from = h.changes.size();

    // Half into a folder that is watched already, half into ten folders made on the way.
    List<String> names = new ArrayList<>();
    List<byte[]> texts = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      String folder = i % 2 == 0 ? "burst" : String.format("burst/new-%d", i % 10);
      names.add(String.format("%s/%04d.txt", folder, i));
      texts.add(article("n" + i).at(String.format("2023-10-17T%02d:%02d:00Z", i / 60 % 24, i % 60))
          .topics("T" + i % 7).bytes());
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < FILES; i++) {
      h.write(names.get(i), texts.get(i));
    }
    Duration writing = Duration.ofNanos(System.nanoTime() - t0);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(h.current().size()).isEqualTo(FILES + 1);
      assertThat(h.current().problems()).isEmpty();
    });
    assertThat(h.current().topic("t3").count()).isEqualTo(FILES / 7 + (FILES % 7 > 3 ? 1 : 0));
    // Debounced, a burst makes a snapshot per quiet moment, or per 500 ms while it lasts. On
    // a loaded machine writing takes longer than the second it takes on a quiet one.
    long allowed = Math.max(29, writing.toMillis() / 250 + 10);
    assertThat(h.changes.size() - from).as("snapshots for a burst written in %d ms",
        writing.toMillis()).isBetween(1, (int) allowed);
    assertThat(h.ingest.status().filesSeen()).isEqualTo(FILES + 1);
  }

  @BothModes
  void filesWrittenWhileTheFirstScanRunsAreNotMissed(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    int old = 500; // enough that reading them takes a while
    for (int i = 0; i < old; i++) {
      h.write(String.format("old/%02d/%04d.txt", i % 10, i), article("old-" + i));
    }
    CompletableFuture<Snapshot> start = h.ingest.start();
    int during = 0;
    while (!start.isDone()) {
      // Into the root and into a folder the walk has listed already.
      h.write((during % 2 == 0 ? "" : "old/00/") + "during-" + during + ".txt",
          article("during-" + during));
      during++;
    }
    start.get(10, TimeUnit.SECONDS);
    assertThat(during).as("files written during the scan").isPositive();

    int expected = old + during;
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(h.current().size())
        .as("articles, %d of them written during the scan", expected - old)
        .isEqualTo(expected));
  }
}
