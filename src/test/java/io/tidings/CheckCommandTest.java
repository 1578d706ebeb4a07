package io.tidings;

import static io.tidings.testing.Articles.article;
import static io.tidings.testing.Articles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.StandardStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidings check DIR} in process: exactly the errors, their lines, the summary, the exit. */
class CheckCommandTest {
  private static final String SECRET = "TOPSECRET-c2VjcmV0IGJsb2I=";

  @RegisterExtension
  final StandardStreams streams = new StandardStreams();

  @TempDir
  Path dir;

  private int check(String... args) {
    return Main.run(args);
  }

  private List<String> stdout() {
    return streams.out().lines().toList();
  }

  private String stderr() {
    return streams.err();
  }

  /** Two good articles (one also claimed by a second file), a draft, four broken files, junk. */
  static void writeKnownErrors(Path dir) {
    write(dir, "a.txt", article("a").at("2023-10-17T16:45:00Z").secured(SECRET).text());
    write(dir, "sub/a-copy.md", article("a").at("2023-10-16T16:45:00Z").text());
    write(dir, "d.txt", article("d").draft().text());
    write(dir, "b.txt", article("b").at("yesterday").text());
    write(dir, "notes.txt", "just text\n");
    write(dir, "sub/c.yaml",
        "---\ntitle: \"No url\"\npublishedDateTime: 2023-10-17T16:45:00Z\n---\n");
    write(dir, "s.txt", "---\ntitle: \"Secret\"\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "secured: \"" + SECRET + "\noriginalUrl: \"https://example.com/s\"\n---\n");
    // What the server ignores, check ignores: hidden, swap and backup files, other kinds.
    for (String junk : List.of(".hidden/x.txt", ".a.txt.swp", "a.txt~", ".#a.txt", "#a.txt#",
        "image.png", "4913")) {
      write(dir, junk, "junk");
    }
  }

  static List<String> knownErrorLines(String shownDir) {
    String d = shownDir.isEmpty() ? "" : shownDir + "/";
    return List.of(
        d + "b.txt:3: publishedDateTime \"yesterday\" is not an ISO-8601 date-time with a zone,"
            + " such as 2023-10-17T16:45:00Z",
        d + "notes.txt:1:1: the file must start with a line '---' that opens the YAML front matter",
        d + "s.txt:5:15: invalid YAML: a line indented differently from the fields of its level;"
            + " fields of one level must be indented alike",
        d + "sub/c.yaml: originalUrl is missing: every article needs an originalUrl (or at least a"
            + " webUrl)",
        d + "sub/a-copy.md: warning: same identity as " + d + "a.txt, which is served instead"
            + " (https://example.com/a)");
  }

  @Test
  void printsExactlyTheKnownErrorsWithTheirLinesThenTheSummaryAndExits1() {
    writeKnownErrors(dir);
    assertThat(check("check", dir.toString())).isEqualTo(1);
    List<String> expected = new ArrayList<>(knownErrorLines(dir.toString()));
    expected.add(dir + ": 7 files, 1 article, 0 scheduled, 1 draft, 4 errors, 1 duplicate");
    assertThat(stdout()).containsExactlyElementsOf(expected);
    assertThat(stderr()).isEmpty();
  }

  @Test
  void securedNeverAppearsNeitherFromAGoodFileNorFromABrokenOne() {
    writeKnownErrors(dir);
    check("check", "--strict", dir.toString());
    check("check", dir.toString());
    assertThat(streams.out()).contains("s.txt:5:15").doesNotContain(
        SECRET, SECRET.substring(0, 12), "c2VjcmV0IGJsb2I");
    assertThat(stderr()).doesNotContain(SECRET.substring(0, 12));
  }

  /** The bundled content is real files: no error, and the slips real files have. */
  @Test
  void theBundledSampleContentHasNoErrorsAndTheSlipsOfRealFiles() {
    assertThat(check("check", "conf/content")).isZero();
    assertThat(stdout()).containsExactly(BUNDLED_WARNINGS.toArray(String[]::new));
  }

  static final List<String> BUNDLED_WARNINGS = List.of(
      "conf/content/009_7625bf9b1adf35e0.txt: warning: topic \"ai\" is spelt \"AI\" in 13 other"
          + " articles, and feeds show \"AI\": write \"AI\"",
      "conf/content/015_06195a9313459bfd.txt:11: warning: unknown field sentiment (ignored)",
      "conf/content/015_06195a9313459bfd.txt:12: warning: unknown field wordCount (ignored)",
      "conf/content/026_ee488bb26184de51.txt: warning: topic \"machine learning\" is spelt"
          + " \"Machine Learning\" in 7 other articles, and feeds show \"Machine Learning\":"
          + " write \"Machine Learning\"",
      "conf/content: 36 files, 34 articles, 0 scheduled, 2 drafts, 0 errors, 0 duplicates,"
          + " 4 warnings");

  @Test
  void aDuplicateIsAWarningThatStrictTurnsIntoAnError() {
    write(dir, "one.txt", article("x").at("2023-10-17T16:45:00Z").text());
    write(dir, "two.txt", article("x").at("2023-10-18T16:45:00Z").text());
    assertThat(check("check", dir.toString())).isZero();
    assertThat(stdout()).containsExactly(
        dir + "/one.txt: warning: same identity as " + dir + "/two.txt, which is served instead"
            + " (https://example.com/x)",
        dir + ": 2 files, 1 article, 0 scheduled, 0 drafts, 0 errors, 1 duplicate");
    streams.resetOut();
    assertThat(check("check", "--strict", dir.toString())).isEqualTo(1);
    assertThat(stdout()).last()
        .isEqualTo(dir + ": 2 files, 1 article, 0 scheduled, 0 drafts, 1 error, 1 duplicate");
  }

  @Test
  void anArticleDatedInTheFutureIsScheduledAsTheServerHoldsItBack() {
    Path content = dir.resolve("content");
    write(dir, "content/now.txt", article("now").at("2023-10-17T16:45:00Z").text());
    write(dir, "content/later.txt", article("later").at("2999-01-01T00:00:00Z").text());
    assertThat(check("check", content.toString())).isZero();
    assertThat(stdout()).containsExactly(
        content + ": 2 files, 1 article, 1 scheduled, 0 drafts, 0 errors, 0 duplicates");
    streams.resetOut();
    // Shown at once where the server shows it at once.
    Path config = write(dir, "config.yaml", "content:\n  hideFuture: false\n");
    assertThat(check("--config", config.toString(), "check", content.toString())).isZero();
    assertThat(stdout()).containsExactly(
        content + ": 2 files, 2 articles, 0 scheduled, 0 drafts, 0 errors, 0 duplicates");
  }

  @Test
  void readsTheConfigurationAsTheServerDoes() throws Exception {
    write(dir, "content/a.txt", article("a").excerpt("x".repeat(1500)).text());
    write(dir, "content/b.md", article("b").text());
    Path config = write(dir, "config.yaml", "content:\n  maxFileSize: 1KiB\n  extensions: [txt]\n");
    Path content = dir.resolve("content");
    assertThat(check("--config", config.toString(), "check", content.toString())).isEqualTo(1);
    long size = Files.size(content.resolve("a.txt"));
    assertThat(stdout()).containsExactly(
        content + "/a.txt: the file is " + String.format(Locale.ROOT, "%,d", size)
            + " bytes, over the limit of 1,024 bytes"
            + " (content.maxFileSize); it was not read",
        content + ": 1 file, 0 articles, 0 scheduled, 0 drafts, 1 error, 0 duplicates");
  }

  @Test
  void usageErrorsExit2WithOneLineThatSaysWhatIsWrong() throws Exception {
    Path file = write(dir, "file.txt", "x");
    assertThat(check("check")).isEqualTo(2);
    assertThat(check("check", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(check("check", file.toString())).isEqualTo(2);
    assertThat(check("check", "--bogus", dir.toString())).isEqualTo(2);
    assertThat(check("check", dir.toString(), dir.toString())).isEqualTo(2);
    assertThat(check("check", "--config")).isEqualTo(2);
    String usage = "; usage: tidings check [--strict] [--verbose] DIR (see check --help)";
    assertThat(stderr().lines()).containsExactly(
        "tidings check: DIR is missing" + usage,
        "tidings check: " + dir.resolve("nope") + " does not exist or is not a directory",
        "tidings check: " + file + " does not exist or is not a directory",
        "tidings check: unknown option --bogus" + usage,
        "tidings check: one DIR only, got " + dir + " and " + dir + usage,
        "tidings check: --config needs a value" + usage);
    assertThat(stdout()).isEmpty();
  }

  @Test
  void helpOfCheckAndOfTheServerBothExplainCheck() {
    assertThat(check("check", "--help")).isZero();
    assertThat(String.join("\n", stdout())).contains("check [--strict] [--verbose] DIR",
        "FILE:LINE:COLUMN: REASON", "Exit status: 0", "--strict");
    streams.resetOut();
    assertThat(check("--help")).isZero();
    assertThat(String.join("\n", stdout())).contains("check [--strict] [--verbose] DIR", "--version");
  }

  /** Dates that no feed can carry are errors (FORMAT.md's range); the boundaries are not. */
  @Test
  void datesOutsideTheRangeAreErrors() {
    write(dir, "first.txt", article("first").at("1583-01-01T00:00:00Z").text());
    write(dir, "last.txt", article("last").at("9999-12-31T23:59:59Z").text());
    String[] bad = {"-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1582-10-10T00:00:00Z",
        "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59-00:01"};
    for (int i = 0; i < bad.length; i++) {
      write(dir, "bad" + i + ".txt", article("bad" + i).at(bad[i]).text());
    }
    assertThat(check("check", dir.toString())).isEqualTo(1);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < bad.length; i++) {
      expected.add(dir + "/bad" + i + ".txt:3: publishedDateTime is out of range: it must be from"
          + " 1583-01-01T00:00:00Z to 9999-12-31T23:59:59Z (UTC), the dates that RSS, Atom,"
          + " JSON Feed and HTTP can all carry");
    }
    expected.add(dir + ": 8 files, 1 article, 1 scheduled, 0 drafts, 6 errors, 0 duplicates");
    assertThat(stdout()).containsExactlyElementsOf(expected);
  }

  @Test
  void startsNoServerAndLeavesNoThreadBehind() {
    writeKnownErrors(dir);
    for (int i = 0; i < 80; i++) { // enough files to be parsed on the pool, not inline
      write(dir, "many/" + i + ".txt", article("many-" + i).text());
    }
    Set<String> before = threadNames();
    check("check", dir.toString());
    Set<String> after = threadNames();
    after.removeAll(before);
    // Vert.x threads are not looked at here: other tests' servers may still be closing and
    // start one at any moment. That check starts no server is shown by CheckCommandIT.
    assertThat(after).noneMatch(n -> n.startsWith("tidings-check")
        || n.startsWith("tidings-ingest") || n.startsWith("tidings-watch")
        || n.startsWith("tidings-render"));
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).collect(Collectors.toSet());
  }
}
