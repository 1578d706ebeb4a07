package io.tidings.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Parsed;
import io.tidings.catalog.FileChange;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a walk or a batch of events changes, from the stamps known before: no files, no threads.
 * A stamp is written {@code "path size mtime inode"}; size, time and inode default to 1.
 */
class TreeDiffTest {

  /** Stamps by path, from {@code "path [size [mtime [inode]]]"} each. */
  static TreeMap<String, FileStamp> stamps(String... specs) {
    TreeMap<String, FileStamp> out = new TreeMap<>();
    for (String spec : specs) {
      String[] p = spec.split(" ");
      out.put(p[0], new FileStamp(p.length > 1 ? Long.parseLong(p[1]) : 1,
          p.length > 2 ? Long.parseLong(p[2]) : 1, p.length > 3 ? p[3] : "1"));
    }
    return out;
  }

  static List<String> list(String... items) {
    return List.of(items);
  }

  static List<TreeDiff.Seen> seen(TreeDiff.Seen... items) {
    return List.of(items);
  }

  static Stream<Arguments> rescans() {
    return Stream.of(
        // known, found, retried, gone, read
        Arguments.of("first walk", stamps(), stamps("a", "sub/b"), Set.of(),
            list(), list("a", "sub/b")),
        Arguments.of("nothing changed", stamps("a", "b"), stamps("a", "b"), Set.of(),
            list(), list()),
        Arguments.of("size changed", stamps("a 10"), stamps("a 11"), Set.of(), list(), list("a")),
        Arguments.of("time changed", stamps("a 10 5"), stamps("a 10 6"), Set.of(), list(),
            list("a")),
        Arguments.of("replaced by a rename, same size and time", stamps("a 10 5 i1"),
            stamps("a 10 5 i2"), Set.of(), list(), list("a")),
        Arguments.of("deleted", stamps("a", "b"), stamps("b"), Set.of(), list("a"), list()),
        Arguments.of("all deleted", stamps("a", "sub/b"), stamps(), Set.of(),
            list("a", "sub/b"), list()),
        Arguments.of("folder renamed", stamps("old/x", "old/y", "z"),
            stamps("new/x", "new/y", "z"), Set.of(), list("old/x", "old/y"),
            list("new/x", "new/y")),
        Arguments.of("unreadable is tried again unchanged", stamps("a", "b"),
            stamps("a", "b"), Set.of("b"), list(), list("b")),
        Arguments.of("unreadable and gone is gone", stamps("a", "b"), stamps("a"),
            Set.of("b"), list("b"), list()),
        Arguments.of("read in path order", stamps(), stamps("b", "a/z", "a"), Set.of(),
            list(), list("a", "a/z", "b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rescans")
  void rescan(String name, TreeMap<String, FileStamp> known, TreeMap<String, FileStamp> found,
      Set<String> retried, List<String> gone, List<String> read) {
    TreeDiff.Changes diff = TreeDiff.rescan(known, found, retried::contains);
    assertThat(diff.gone()).as("gone").containsExactlyElementsOf(gone);
    assertThat(diff.toRead()).as("to read").containsExactlyElementsOf(read);
    assertThat(diff.folderScans()).isEmpty();
    assertThat(diff.removals()).extracting(FileChange::file).containsExactlyElementsOf(gone);
    assertThat(diff.removals()).allMatch(c -> c.parsed().isMissing());
  }

  static TreeDiff.Seen file(String spec) {
    Map.Entry<String, FileStamp> e = stamps(spec).firstEntry();
    return new TreeDiff.File(e.getKey(), e.getValue());
  }

  static TreeDiff.Seen folder(String path, TreeMap<String, FileStamp> files,
      String... unlistable) {
    Map<String, String> bad = new TreeMap<>();
    Arrays.stream(unlistable).forEach(f -> bad.put(f, "cannot open this folder (test)"));
    return new TreeDiff.Folder(path, new TreeWalk.Listing(files, bad));
  }

  static TreeDiff.Seen gone(String path) {
    return new TreeDiff.Gone(path);
  }

  static Stream<Arguments> batches() {
    return Stream.of(
        // known, batch, gone, read, known after, folders scanned
        Arguments.of("new file", stamps("a"), seen(file("b")), list(), list("b"),
            stamps("a", "b"), list()),
        Arguments.of("edited file", stamps("a 1"), seen(file("a 2")), list(), list("a"),
            stamps("a 2"), list()),
        Arguments.of("deleted file", stamps("a", "b"), seen(gone("a")), list("a"), list(),
            stamps("b"), list("a")),
        Arguments.of("deleted folder takes what is below it, not its namesakes",
            stamps("sub/a", "sub/deep/b", "sub2/c", "sub.txt"), seen(gone("sub")),
            list("sub/a", "sub/deep/b"), list(), stamps("sub2/c", "sub.txt"), list("sub")),
        Arguments.of("folder moved in", stamps("a"),
            seen(folder("new", stamps("new/x", "new/deep/y"))), list(),
            list("new/deep/y", "new/x"), stamps("a", "new/x", "new/deep/y"), list("new")),
        Arguments.of("folder listed again drops what left it", stamps("sub/a", "sub/b"),
            seen(folder("sub", stamps("sub/b 2", "sub/c"))), list("sub/a"),
            list("sub/b", "sub/c"), stamps("sub/b 2", "sub/c"), list("sub")),
        Arguments.of("folder with an unlistable folder in it", stamps("sub/deny/a"),
            seen(folder("sub", stamps("sub/b"), "sub/deny")), list("sub/deny/a"),
            list("sub/b"), stamps("sub/b"), list("sub")),
        Arguments.of("a move: one gone, one new", stamps("a", "b"),
            seen(gone("a"), file("c")), list("a"), list("c"), stamps("b", "c"), list("a")),
        Arguments.of("something not known is gone: nothing to remove", stamps("a"),
            seen(gone("x.tmp")), list(), list(), stamps("a"), list("x.tmp")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batches")
  void batch(String name, TreeMap<String, FileStamp> known, List<TreeDiff.Seen> batch,
      List<String> gone, List<String> read, TreeMap<String, FileStamp> after,
      List<String> scanned) {
    TreeDiff.Changes diff = TreeDiff.batch(known, batch);
    assertThat(diff.gone()).as("gone").containsExactlyElementsOf(gone);
    assertThat(diff.toRead()).as("to read").containsExactlyElementsOf(read);
    assertThat(known).as("known after").isEqualTo(after);
    assertThat(diff.folderScans()).extracting(TreeDiff.FolderScan::folder)
        .containsExactlyElementsOf(scanned);
  }

  @org.junit.jupiter.api.Test
  void aFolderScanCarriesWhatInItCouldNotBeListedAndAGoneFolderNothing() {
    TreeDiff.Changes diff = TreeDiff.batch(stamps(), seen(
        folder("sub", stamps(), "sub/deny"), gone("old")));
    assertThat(diff.folderScans()).containsExactly(
        new TreeDiff.FolderScan("sub", Map.of("sub/deny", "cannot open this folder (test)")),
        new TreeDiff.FolderScan("old", Map.of()));
  }

  @org.junit.jupiter.api.Test
  void filesGoneByTheTimeTheyAreReadAreForgotten() {
    TreeMap<String, FileStamp> known = stamps("a", "b");
    TreeDiff.forgetMissing(known, List.of(new FileChange("a", Parsed.missing()),
        new FileChange("b", Parsed.failed(new io.tidings.article.ParseError("b", 1, 1, "bad")))));
    assertThat(known).containsOnlyKeys("b");
  }
}
