package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.Articles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is not an article: editor swap and backup files, hidden files and folders, other kinds
 * of files. Each holds a valid article, so that reading it by mistake would show.
 */
class IngestFilterTest {
  /** Names that real editors and tools leave beside {@code a.txt}. */
  private static final List<String> NOT_ARTICLES = List.of(
      ".a.txt.swp", ".a.txt.swx", "a.txt~", ".#a.txt", "#a.txt#", "4913", ".hidden.txt",
      "notes.pdf", "README", "a.txt.bak", "a.TXT.orig", ".hidden/in-hidden.txt",
      "sub/.cache/deep/in-hidden.md", "sub/.b.md.swp", "sub/b.md~");

  @TempDir
  Path base;
  private IngestHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  private void writeNonArticles(String prefix) {
    int i = 0;
    for (String name : NOT_ARTICLES) {
      h.write(prefix + name, article("not-" + prefix.replace("/", "") + i++));
    }
  }

  @BothModes
  void theFirstScanSkipsWhatIsNotAnArticle(String mode) {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.write("sub/b.md", article("b"));
    h.write("UPPER.TXT", article("upper"));
    writeNonArticles("");
    h.start();
    assertThat(h.ids()).containsExactly("a", "b", "upper");
    assertThat(h.current().problems()).isEmpty();
    assertThat(h.ingest.status().filesSeen()).isEqualTo(3);
  }

  @BothModes
  void filesWrittenWhileRunningAreSkippedToo(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a"));
    h.start();

    writeNonArticles("");
    writeNonArticles("later/");
    Files.createDirectories(h.root.resolve(".git/objects"));
    h.write(".git/objects/x.txt", article("in-git"));
    h.settle();

    assertThat(h.ids()).containsExactly("a");
    assertThat(h.problemFiles()).isEmpty();
  }

  @BothModes
  void aHiddenFolderMovedInIsSkipped(String mode) throws Exception {
    h = IngestHarness.create(base, mode).start();
    Path staging = base.resolve("staging/.trash");
    Articles.write(staging, "x.txt", article("trashed").text());
    Articles.write(staging, "deep/y.txt", article("trashed-deep").text());

    Files.move(staging, h.root.resolve(".trash"), StandardCopyOption.ATOMIC_MOVE);
    h.write(".trash/z.txt", article("trashed-later"));
    h.settle();

    assertThat(h.ids()).isEmpty();
    assertThat(h.problemFiles()).isEmpty();
  }

  @BothModes
  void aFolderRenamedToAHiddenNameLeavesAndRenamedBackReturns(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("top.txt", article("top"));
    h.write("sub/a.txt", article("a"));
    h.start();

    Files.move(h.root.resolve("sub"), h.root.resolve(".sub"), StandardCopyOption.ATOMIC_MOVE);
    h.awaitIds("top");
    h.settle();
    assertThat(h.ids()).containsExactly("top");

    Files.move(h.root.resolve(".sub"), h.root.resolve("sub"), StandardCopyOption.ATOMIC_MOVE);
    h.awaitIds("top", "a");
  }

  @BothModes
  void aSwapFileSavedOverTheArticleIsReadAsTheArticle(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("a.txt", article("a").title("v1"));
    h.start();

    // vim's way: write the swap file, back the original up, write the new one, drop the rest.
    h.write(".a.txt.swp", "binary junk\u0000");
    Files.move(h.root.resolve("a.txt"), h.root.resolve("a.txt~"), StandardCopyOption.ATOMIC_MOVE);
    h.write("a.txt", article("a").title("v2"));
    IngestHarness.delete(h.root.resolve("a.txt~"));
    IngestHarness.delete(h.root.resolve(".a.txt.swp"));

    h.awaitTitle("a", "v2");
    h.settle();
    assertThat(h.ids()).containsExactly("a");
    assertThat(h.problemFiles()).isEmpty();
  }
}
