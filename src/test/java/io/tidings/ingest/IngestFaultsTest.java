package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.article.Article;
import io.tidings.catalog.FileProblem;
import io.tidings.catalog.Snapshot;
import io.tidings.catalog.SnapshotChange;
import io.tidings.testing.Articles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File-system faults while running. Whatever happens, once things settle the catalog is what a
 * fresh scan of the directory makes ({@link IngestHarness#assertMatchesDisk}), and the watch
 * keeps working afterwards.
 */
class IngestFaultsTest {
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
  void aDirectoryDeletedAndAtOnceMadeAgainIsReadAndWatchedAgain(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.write("sub/b.txt", article("b"));
    h.start();

    // As `rm -rf content && mkdir content && cp ...` does: no time to notice the gap.
    IngestHarness.delete(h.root);
    Files.createDirectories(h.root);
    h.write("a.txt", article("a").title("a, again"));
    h.write("other/c.txt", article("c"));
    h.awaitIds("a", "c");
    h.awaitTitle("a", "a, again");
    h.assertMatchesDisk();

    // The new directory is watched: new files, edits and deletions below it are seen.
    h.write("other/deeper/d.txt", article("d"));
    h.write("a.txt", article("a").title("a, third"));
    h.awaitIds("a", "c", "d");
    h.awaitTitle("a", "a, third");
    IngestHarness.delete(h.root.resolve("other/c.txt"));
    h.awaitIds("a", "d");
    h.assertMatchesDisk();
  }

  @BothModes
  void aDirectoryReplacedByRenameIsReadAndWatchedWhereItIsNow(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.write("sub/b.txt", article("b"));
    h.start();

    // A pipeline that builds the next tree beside the live one and swaps it in:
    // `mv content content.old && mv content.next content`.
    Path next = base.resolve("content.next");
    Articles.write(next, "a.txt", article("a").title("a, replaced").bytes());
    Articles.write(next, "c.txt", article("c").bytes());
    Path old = base.resolve("content.old");
    Files.move(h.root, old);
    Files.move(next, h.root);
    h.awaitIds("a", "c");
    h.awaitTitle("a", "a, replaced");
    h.assertMatchesDisk();

    // What is watched now is the new tree, not the old one that was renamed away.
    Articles.write(old, "x.txt", article("x").bytes());
    h.write("c.txt", article("c").title("c, edited"));
    h.write("d/e.txt", article("e"));
    h.awaitIds("a", "c", "e");
    h.awaitTitle("c", "c, edited");
    IngestHarness.delete(h.root.resolve("a.txt"));
    h.awaitIds("c", "e");
    h.assertMatchesDisk();
  }

  @BothModes
  void aLinkAtTheDirectoryPathPointedElsewhereIsFollowed(String mode) throws Exception {
    Path first = base.resolve("v1");
    Articles.write(first, "a.txt", article("a").bytes());
    Articles.write(first, "sub/b.txt", article("b").bytes());
    Files.createSymbolicLink(base.resolve("content"), first.getFileName());
    h = IngestHarness.create(base, mode);
    h.start();
    h.awaitIds("a", "b");

    // A release that points the link at the next tree, atomically (ln -s v2 tmp && mv tmp).
    Path second = base.resolve("v2");
    Articles.write(second, "a.txt", article("a").title("a, v2").bytes());
    Articles.write(second, "c.txt", article("c").bytes());
    Path link = base.resolve(".content-next");
    Files.createSymbolicLink(link, second.getFileName());
    Files.move(link, h.root, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    h.awaitIds("a", "c");
    h.awaitTitle("a", "a, v2");
    h.assertMatchesDisk();

    // The tree the link points at now is watched; the old one is not.
    Articles.write(first, "x.txt", article("x").bytes());
    h.write("c.txt", article("c").title("c, edited"));
    h.awaitTitle("c", "c, edited");
    h.awaitIds("a", "c");
    h.assertMatchesDisk();
  }

  @BothModes
  void aSubfolderMovedOutAndStraightBackChangesNothing(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("top.txt", article("top"));
    h.write("sub/a.txt", article("a"));
    h.write("sub/deeper/b.txt", article("b"));
    h.start();
    Path outside = base.resolve("outside");

    // Out and back quicker than the debounce: the tree ends as it began.
    Files.move(h.root.resolve("sub"), outside, StandardCopyOption.ATOMIC_MOVE);
    Files.move(outside, h.root.resolve("sub"), StandardCopyOption.ATOMIC_MOVE);
    h.assertMatchesDisk();
    assertThat(h.ids()).containsExactly("a", "b", "top");

    // Its folders are still watched under their old names.
    h.write("sub/deeper/b.txt", article("b").title("edited after the round trip"));
    h.awaitTitle("b", "edited after the round trip");
    h.write("sub/deeper/c.txt", article("c"));
    h.awaitIds("a", "b", "c", "top");
    h.assertMatchesDisk();
  }

  @BothModes
  void aSubfolderMovedOutThenBackUnderAnotherNameIsReadWhereItIsNow(String mode)
      throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("top.txt", article("top"));
    h.write("sub/a.txt", article("a"));
    h.write("sub/deeper/b.txt", article("b"));
    h.start();
    Path outside = base.resolve("outside");

    Files.move(h.root.resolve("sub"), outside, StandardCopyOption.ATOMIC_MOVE);
    h.awaitIds("top");
    h.assertMatchesDisk();
    Files.move(outside, h.root.resolve("renamed"), StandardCopyOption.ATOMIC_MOVE);
    h.awaitIds("a", "b", "top");
    h.assertMatchesDisk();

    h.write("renamed/deeper/b.txt", article("b").title("edited where it is now"));
    h.awaitTitle("b", "edited where it is now");
    IngestHarness.delete(h.root.resolve("renamed/a.txt"));
    h.awaitIds("b", "top");
    h.assertMatchesDisk();
  }

  @BothModes
  void aFileTruncatedToZeroIsAnErrorUntilItIsWrittenAgain(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("keep.txt", article("keep"));
    Path a = h.write("a.txt", article("a").title("before"));
    h.start();

    Files.write(a, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    await("an error for the empty a.txt").atMost(Duration.ofSeconds(10))
        .until(() -> h.problem("a.txt") != null);
    FileProblem p = h.problem("a.txt");
    assertThat(p.error().reason()).contains("the file is empty");
    // DESIGN.md: a broken file's last good version keeps serving, marked stale.
    assertThat(p.stale()).isTrue();
    assertThat(h.article("a").title()).isEqualTo("before");
    h.assertMatchesDisk("a");

    h.write("a.txt", article("a").title("after"));
    h.awaitTitle("a", "after");
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.current().problems()).isEmpty());
    h.assertMatchesDisk();

    // A new file that is empty from the start is an error and no article.
    h.write("empty.txt", new byte[0]);
    await("an error for empty.txt").atMost(Duration.ofSeconds(10))
        .until(() -> h.problem("empty.txt") != null);
    assertThat(h.problem("empty.txt").stale()).isFalse();
    h.assertMatchesDisk();
  }

  /**
   * How pipelines write: a temporary file, then a rename over the article. Each replacement is
   * one change of the article, and no snapshot ever lacks it.
   */
  @BothModes
  void aFileReplacedByRenameIsOneChangeAndNeverMissing(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a").title("version 0"));
    h.write("b.txt", article("b"));
    h.start();
    int from = h.changes.size();

    int replacements = 10;
    for (int i = 1; i <= replacements; i++) {
      Path tmp = h.write(".a.txt.tmp", article("a").title("version " + i));
      Files.move(tmp, h.root.resolve("a.txt"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      h.awaitTitle("a", "version " + i);
    }
    h.assertMatchesDisk();

    List<SnapshotChange> seen = h.changes.subList(from, h.changes.size());
    for (SnapshotChange c : seen) {
      assertThat(IngestHarness.ids(c.next())).as("a snapshot after a replacement")
          .contains("a", "b");
    }
    List<SnapshotChange> touchingA = seen.stream()
        .filter(c -> c.added().stream().anyMatch(x -> x.id().equals(Articles.url("a")))
            || c.removed().stream().anyMatch(x -> x.id().equals(Articles.url("a"))))
        .toList();
    assertThat(touchingA).as("one change per replacement").hasSize(replacements);
    for (SnapshotChange c : touchingA) {
      // A change, not a removal then an addition: the old version out, the new one in, at once.
      assertThat(c.removed()).extracting(Article::id).containsExactly(Articles.url("a"));
      assertThat(c.added()).extracting(Article::id).containsExactly(Articles.url("a"));
    }
    assertThat(h.problemFiles()).isEmpty();
  }

  @Test
  void anOverflowAfterAllKindsOfLostChangesEndsWithTheCatalogAsOnDisk() throws Exception {
    h = IngestHarness.create(base, "native");
    h.write("a.txt", article("a"));
    h.write("b.txt", article("b"));
    h.write("sub/c.txt", article("c"));
    h.write("sub/deeper/d.txt", article("d"));
    h.write("old/e.txt", article("e"));
    h.start();

    h.events.lose();
    h.write("a.txt", article("a").title("edited unseen"));
    Files.delete(h.root.resolve("b.txt"));
    IngestHarness.delete(h.root.resolve("sub/deeper"));
    Files.move(h.root.resolve("old"), h.root.resolve("new"), StandardCopyOption.ATOMIC_MOVE);
    h.write("new/f.txt", article("f"));
    h.write("broken.txt", "---\ntitle: x\n");
    Path tmp = h.write(".c.tmp", article("c").title("replaced unseen"));
    Files.move(tmp, h.root.resolve("sub/c.txt"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    Snapshot stale = h.current();
    assertThat(IngestHarness.ids(stale)).containsExactly("a", "b", "c", "d", "e");

    h.events.overflow();
    h.awaitIds("a", "c", "e", "f");
    h.awaitTitle("a", "edited unseen");
    h.awaitTitle("c", "replaced unseen");
    // The settle marker needs events again: the rescan's snapshot is checked directly.
    Snapshot s = h.ingest.rescanNow().get(10, java.util.concurrent.TimeUnit.SECONDS);
    ContentScan.Result fresh = ContentScan.run(h.config);
    assertThat(s.versionHex()).isEqualTo(fresh.snapshot().versionHex());
    assertThat(s.problems()).extracting(p -> p.error().toString()).containsExactlyElementsOf(
        fresh.snapshot().problems().stream().map(p -> p.error().toString()).toList());
    assertThat(s.articles().stream().map(Article::title))
        .contains("edited unseen", "replaced unseen");
  }
}
