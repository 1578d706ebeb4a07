package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event overflow (the kernel's queue was full, events were dropped) leads to a rescan that
 * finds what the lost events would have said: nothing is lost.
 */
class IngestOverflowTest {
  @TempDir
  Path base;
  private IngestHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void anOverflowRescansAndFindsChangesWhoseEventsWereLost() throws Exception {
    h = IngestHarness.create(base, "native");
    h.write("a.txt", article("a"));
    h.write("b.txt", article("b"));
    h.start();
    h.awaitIds("a", "b");
    assertThat(h.ingest.status().watchMode()).isEqualTo("native");

    // From here on no event arrives, as when the kernel drops them.
    h.events.lose();
    h.write("c.txt", article("c"));
    Files.delete(h.root.resolve("a.txt"));
    long rescansBefore = h.ingest.status().rescans();

    h.events.overflow();
    h.awaitIds("b", "c");
    assertThat(h.ingest.status().rescans()).isEqualTo(rescansBefore + 1);
  }
}
