package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.Articles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Folders: made, moved in, deleted, moved out and back, and a symbolic link loop. */
class IngestFoldersTest {
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
  void aFolderMadeWhileRunningIsReadAndWatched(String mode) throws Exception {
    h = IngestHarness.create(base, mode).start();

    Files.createDirectories(h.root.resolve("new/sub"));
    h.write("new/sub/a.txt", article("a"));
    h.write("new/b.txt", article("b"));
    h.awaitIds("a", "b");

    // Later changes deep inside the new folder are seen too.
    Files.createDirectory(h.root.resolve("new/sub/later"));
    h.write("new/sub/later/c.txt", article("c"));
    h.write("new/sub/a.txt", article("a").title("edited"));
    h.awaitIds("a", "b", "c");
    h.awaitTitle("a", "edited");
  }

  @BothModes
  void aFolderPreparedElsewhereAndMovedInIsRead(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("top.txt", article("top"));
    h.start();
    Path staging = base.resolve("staging/pack");
    Articles.write(staging, "a.txt", article("a").text());
    Articles.write(staging, "inner/deep/b.txt", article("b").text());

    Files.move(staging, h.root.resolve("pack"), StandardCopyOption.ATOMIC_MOVE);
    h.awaitIds("top", "a", "b");

    h.write("pack/inner/deep/b.txt", article("b").title("edited in place"));
    h.awaitTitle("b", "edited in place");
  }

  @BothModes
  void aDeletedFolderTakesItsArticlesWithIt(String mode) {
    h = IngestHarness.create(base, mode);
    h.write("top.txt", article("top"));
    h.write("sub/a.txt", article("a"));
    h.write("sub/b.txt", article("b"));
    h.write("sub/deeper/c.txt", article("c"));
    h.start();
    assertThat(h.ids()).containsExactly("a", "b", "c", "top");

    IngestHarness.delete(h.root.resolve("sub"));
    h.awaitIds("top");
    assertThat(h.problemFiles()).isEmpty();

    // A folder of the same name made again is watched again.
    h.write("sub/deeper/d.txt", article("d"));
    h.awaitIds("top", "d");
  }

  @BothModes
  void aFolderMovedOutAndBackInLeavesAndReturns(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("top.txt", article("top"));
    h.write("sub/a.txt", article("a"));
    h.write("sub/deeper/b.txt", article("b"));
    h.start();
    Path outside = base.resolve("outside");

    Files.move(h.root.resolve("sub"), outside, StandardCopyOption.ATOMIC_MOVE);
    h.awaitIds("top");

    // While it is away its files change, and nothing in the tree may notice.
    Articles.write(outside, "deeper/b.txt", article("b").title("changed away").text());
    h.settle();
    assertThat(h.ids()).containsExactly("top");

    Files.move(outside, h.root.resolve("back"), StandardCopyOption.ATOMIC_MOVE);
    h.awaitIds("top", "a", "b");
    h.awaitTitle("b", "changed away");

    h.write("back/deeper/b.txt", article("b").title("changed back home"));
    h.awaitTitle("b", "changed back home");
    assertThat(h.current().duplicates()).isEmpty();
  }

  @BothModes
  void aFolderMovedWithinTheTreeKeepsItsArticlesAndItsWatch(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a/sub/x.txt", article("x"));
    h.write("a/sub/deeper/y.txt", article("y"));
    Files.createDirectories(h.root.resolve("b"));
    h.start();
    int from = h.changes.size();

    Files.move(h.root.resolve("a/sub"), h.root.resolve("b/sub"), StandardCopyOption.ATOMIC_MOVE);
    h.settle();
    assertThat(h.ids()).containsExactly("x", "y");
    assertThat(h.current().duplicates()).isEmpty();
    for (var s : h.snapshotsSince(from)) {
      assertThat(IngestHarness.ids(s)).as("every snapshot after the move").hasSize(2);
    }

    h.write("b/sub/deeper/y.txt", article("y").title("edited after the move"));
    h.awaitTitle("y", "edited after the move");
    IngestHarness.delete(h.root.resolve("b/sub/x.txt"));
    h.awaitIds("y");
  }

  @BothModes
  void aSymbolicLinkLoopEndsTheWalkAndHidesNothing(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.write("sub/b.txt", article("b"));
    Files.createSymbolicLink(h.root.resolve("sub/loop"), h.root);
    h.start();
    assertThat(h.ids()).containsExactly("a", "b");
    assertThat(h.current().duplicates()).isEmpty();

    // A loop made while running, then ordinary work around it.
    Files.createSymbolicLink(h.root.resolve("loop2"), h.root);
    h.write("c.txt", article("c"));
    h.settle();
    assertThat(h.ids()).containsExactly("a", "b", "c");
    assertThat(h.current().duplicates()).isEmpty();
    assertThat(h.problemFiles()).isEmpty();

    h.write("a.txt", article("a").title("edited"));
    h.awaitTitle("a", "edited");
    IngestHarness.delete(h.root.resolve("c.txt"));
    h.awaitIds("a", "b");
    h.settle();
    assertThat(h.current().duplicates()).isEmpty();
    assertThat(h.current().problems()).isEmpty();
  }
}
