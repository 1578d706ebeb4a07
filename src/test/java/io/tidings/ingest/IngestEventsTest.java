package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.catalog.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Single files: the first scan, created, changed, deleted, renamed and moved files. */
class IngestEventsTest {
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
  void theFirstScanReadsTheWholeTree(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.write("b.md", article("b"));
    h.write("c.yaml", article("c"));
    h.write("x/y/z/deep.txt", article("deep"));
    h.write("x/sibling.yml", article("sibling"));

    Snapshot first = h.ingest.start().get(10, TimeUnit.SECONDS);

    assertThat(IngestHarness.ids(first)).containsExactly("a", "b", "c", "deep", "sibling");
    assertThat(h.catalog.current()).isSameAs(first);
    assertThat(h.changes).hasSize(1);
    IngestStatus status = h.ingest.status();
    assertThat(status.ready()).isTrue();
    assertThat(status.watchMode()).isEqualTo(mode);
    assertThat(status.filesSeen()).isEqualTo(5);
    assertThat(status.directoryMissing()).isFalse();
  }

  @BothModes
  void aFileIsPickedUpWhenCreatedChangedAndDeleted(String mode) {
    h = IngestHarness.create(base, mode).start();
    assertThat(h.ids()).isEmpty();

    Path a = h.write("a.txt", article("a").title("first"));
    h.awaitTitle("a", "first");

    h.write("a.txt", article("a").title("second").topics("AI"));
    h.awaitTitle("a", "second");
    assertThat(h.current().topic("ai").count()).isEqualTo(1);

    IngestHarness.delete(a);
    h.awaitIds();
    assertThat(h.current().topic("ai")).isNull();
    assertThat(h.problemFiles()).isEmpty();
  }

  @BothModes
  void aRenamedFileStaysOneArticle(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a").title("kept"));
    h.start();
    int from = h.changes.size();

    Files.move(h.root.resolve("a.txt"), h.root.resolve("renamed.txt"),
        StandardCopyOption.ATOMIC_MOVE);
    h.settle();

    assertThat(h.ids()).containsExactly("a");
    assertThat(h.current().duplicates()).isEmpty();
    for (Snapshot s : h.snapshotsSince(from)) {
      assertThat(IngestHarness.ids(s)).as("every snapshot after the rename").containsExactly("a");
    }
    // The article now lives in the new file: editing it is seen, deleting it removes it.
    h.write("renamed.txt", article("a").title("edited"));
    h.awaitTitle("a", "edited");
    IngestHarness.delete(h.root.resolve("renamed.txt"));
    h.awaitIds();
  }

  @BothModes
  void aFileMovedBetweenFoldersStaysOneArticle(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("one/a.txt", article("a"));
    Files.createDirectories(h.root.resolve("two/deeper"));
    h.start();
    int from = h.changes.size();

    Files.move(h.root.resolve("one/a.txt"), h.root.resolve("two/deeper/a.txt"),
        StandardCopyOption.ATOMIC_MOVE);
    h.settle();

    assertThat(h.ids()).containsExactly("a");
    assertThat(h.current().duplicates()).isEmpty();
    for (Snapshot s : h.snapshotsSince(from)) {
      assertThat(IngestHarness.ids(s)).as("every snapshot after the move").containsExactly("a");
    }
    h.write("two/deeper/a.txt", article("a").title("moved and edited"));
    h.awaitTitle("a", "moved and edited");
    // The old place is really forgotten: a new file there is a second article.
    h.write("one/a.txt", article("other"));
    h.awaitIds("a", "other");
  }

  @BothModes
  void aFileReplacedByRenameOverItIsReadAgain(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a").title("before"));
    h.start();

    // How careful writers save: write a hidden temporary file, then rename it over the target.
    Path tmp = h.write(".a.txt.tmp", article("a").title("after"));
    Files.move(tmp, h.root.resolve("a.txt"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    h.awaitTitle("a", "after");
    h.settle();
    assertThat(h.ids()).containsExactly("a");
    assertThat(h.problemFiles()).isEmpty();
  }
}
