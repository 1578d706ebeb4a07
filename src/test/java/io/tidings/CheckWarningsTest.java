package io.tidings;

import static io.tidings.testing.Articles.article;
import static io.tidings.testing.Articles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.StandardStreams;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tidings check}'s warnings (docs/check.md): each author's slip gives its exact line, the
 * exit is 0, and 1 with {@code --strict}; {@code --verbose} names drafts; no secured value, in
 * any spelling of the field, reaches the output.
 */
class CheckWarningsTest {
  static final String SECRET = "s3cr3t-VALUE-never-shown";
  /** A good article's fields (lines 2 to 4); each case adds its slip from line 5 on. */
  private static final String HEAD = "---\ntitle: \"Slip\"\npublishedDateTime: 2023-10-17T16:45:00Z\n"
      + "originalUrl: \"https://example.com/slip\"\n";

  @RegisterExtension
  final StandardStreams streams = new StandardStreams();

  @TempDir
  Path dir;

  private List<String> check(int exit, String... args) {
    streams.resetOut();
    assertThat(Main.run(args)).as(streams.out()).isEqualTo(exit);
    return streams.out().lines().toList();
  }

  static Stream<Arguments> slips() {
    return Stream.of(
        Arguments.of("publishDateTime: 2023-10-17T16:45:00Z\n",
            "5: unknown field publishDateTime: did you mean publishedDateTime?"),
        Arguments.of("qualty: 3\n", "5: unknown field qualty: did you mean quality?"),
        Arguments.of("Title: Slip\n",
            "5: unknown field Title: did you mean title? (field names are case-sensitive)"),
        Arguments.of("original_url: https://example.com/x\n",
            "5: unknown field original_url: did you mean originalUrl?"),
        Arguments.of("sentiment: 0.3\n", "5: unknown field sentiment (ignored)"),
        Arguments.of("\"odd\\tname\\u001b[2J\": 1\n",
            "5: unknown field odd\\tname\\u001b[2J (ignored)"),
        Arguments.of("Secured: " + SECRET + "\n",
            "5: unknown field Secured: did you mean secured? (its value is skipped unread, as"
                + " secured's is)"),
        Arguments.of("secure: " + SECRET + "\n",
            "5: unknown field secure: did you mean secured? (its value is skipped unread, as"
                + " secured's is)"),
        Arguments.of("topics: AI, Open Source\n",
            "5: topics is one string with commas; write a list: [AI, Open Source]"),
        Arguments.of("topics: [AI, ai]\n", "5: topics[1] \"ai\" is topics[0] \"AI\" again (topics"
            + " that differ only in case, spaces or punctuation are one topic): write it once"),
        Arguments.of("topics: [AI, \"!!\"]\n", "5: topics[1] \"!!\" has no letter or digit, so no"
            + " topic page or feed: it is ignored"),
        Arguments.of("provider:\n  nmae: Slips\n  domain: slips.example\n",
            "5: provider: unknown field nmae: did you mean name?"),
        Arguments.of("images:\n  - width: 640\n    height: 480\n",
            "5: images[0] has no url: the image is dropped"),
        Arguments.of("images:\n  - url: /local.png\n",
            "5: images[0].url \"/local.png\" is not an absolute http(s) URL: the image is dropped"),
        Arguments.of("images: https://example.com/a.png\n",
            "5: images is not a list of images: it is ignored; write - url: ... for each"),
        Arguments.of("images:\n  - url: https://example.com/a.png\n    uri: x\n",
            "5: images[0]: unknown field uri: did you mean url?"),
        Arguments.of("related:\n  - title: Other\n",
            "5: related[0] has no webUrl: the entry is dropped"),
        Arguments.of("related:\n  - webUrl: https://other.example/x\n",
            "5: related[0] has no title: the entry is dropped"),
        Arguments.of("related:\n  - title: Other\n    webUrl: https://other.example/x\n"
                + "    images:\n      - height: 3\n",
            "5: related[0].images[0] has no url: the image is dropped"));
  }

  @ParameterizedTest
  @MethodSource("slips")
  void eachSlipIsOneWarningWithItsLineExit0AndAnErrorWithStrict(String slip, String message) {
    write(dir, "slip.txt", HEAD + slip + "---\n");
    String file = dir.resolve("slip.txt").toString();
    assertThat(check(0, "check", dir.toString())).containsExactly(
        file + ":" + message.replaceFirst(": ", ": warning: "),
        dir + ": 1 file, 1 article, 0 scheduled, 0 drafts, 0 errors, 0 duplicates, 1 warning");
    assertThat(check(1, "check", "--strict", dir.toString())).containsExactly(
        file + ":" + message,
        dir + ": 1 file, 1 article, 0 scheduled, 0 drafts, 1 error, 0 duplicates, 1 warning");
    assertThat(streams.err()).isEmpty();
  }

  @Test
  void aMisspeltRequiredFieldIsAnErrorThatNamesTheMisspelling() {
    write(dir, "a.txt", "---\ntitle: A\npublishDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/a\n---\n");
    write(dir, "b.txt", "---\nTitle: B\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/b\n---\n");
    write(dir, "c.txt", "---\ntitle: C\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalURL: https://example.com/c\n---\n");
    assertThat(check(1, "check", dir.toString())).containsExactly(
        dir + "/a.txt:3: publishedDateTime is missing; it is required (unknown field"
            + " publishDateTime: did you mean publishedDateTime?)",
        dir + "/b.txt:2: title is missing; it is required (unknown field Title: did you mean"
            + " title?)",
        dir + "/c.txt:4: originalUrl is missing: every article needs an originalUrl (or at least"
            + " a webUrl) (unknown field originalURL: did you mean originalUrl?)",
        dir + ": 3 files, 0 articles, 0 scheduled, 0 drafts, 3 errors, 0 duplicates");
  }

  /** Across the files checked: the spelling most articles use is the established one. */
  @Test
  void aTopicSpeltOtherwiseThanInOtherFilesNamesTheEstablishedSpelling() {
    write(dir, "a.txt", article("a").topics("AI", "Open Source").text());
    write(dir, "b.txt", article("b").topics("AI").text());
    write(dir, "c.txt", article("c").topics("ai", "open-source").text());
    write(dir, "d.txt", article("d").topics("Open Source").text());
    assertThat(check(0, "check", dir.toString())).containsExactly(
        dir + "/c.txt: warning: topic \"ai\" is spelt \"AI\" in 2 other articles, and feeds show"
            + " \"AI\": write \"AI\"",
        dir + "/c.txt: warning: topic \"open-source\" is spelt \"Open Source\" in 2 other"
            + " articles, and feeds show \"Open Source\": write \"Open Source\"",
        dir + ": 4 files, 4 articles, 0 scheduled, 0 drafts, 0 errors, 0 duplicates, 2 warnings");
    assertThat(check(1, "check", "--strict", dir.toString())).last().isEqualTo(
        dir + ": 4 files, 4 articles, 0 scheduled, 0 drafts, 2 errors, 0 duplicates, 2 warnings");
  }

  @Test
  void verboseNamesEachDraftByFileWithoutItOnlyTheCount() {
    write(dir, "live.txt", article("live").text());
    write(dir, "copy-of-live.txt", article("copy").draft().text());
    write(dir, "sub/old.md", article("old").draft().text());
    assertThat(check(0, "check", dir.toString())).containsExactly(
        dir + ": 3 files, 1 article, 0 scheduled, 2 drafts, 0 errors, 0 duplicates");
    assertThat(check(0, "check", "--verbose", dir.toString())).containsExactly(
        dir + "/copy-of-live.txt: draft (published: false), not served",
        dir + "/sub/old.md: draft (published: false), not served",
        dir + ": 3 files, 1 article, 0 scheduled, 2 drafts, 0 errors, 0 duplicates");
    assertThat(check(0, "check", "--verbose", "--strict", dir.toString())).hasSize(3);
  }

  /** Every misspelling of secured, at every depth, in a served file and a broken one. */
  @Test
  void noSecuredValueInAnyOutputWhateverTheFieldsSpelling() {
    for (String key : List.of("Secured", "secure", "SECURED", "secrued", "secured_", "sekured")) {
      write(dir, key + ".txt", HEAD.replace("/slip", "/" + key) + key + ": " + SECRET + "\n"
          + "images:\n  - url: https://example.com/i.png\n    " + key + ": " + SECRET + "\n"
          + "related:\n  - title: R\n    webUrl: https://r.example/\n    " + key + ": \""
          + SECRET + "\"\n---\n");
      write(dir, "broken-" + key + ".txt", "---\ntitle: B\n" + key + ": " + SECRET
          + "\npublishedDateTime: soon\n---\n");
    }
    for (String[] args : List.of(new String[] {"check", dir.toString()},
        new String[] {"check", "--verbose", dir.toString()})) {
      StandardStreams.Run run = StandardStreams.both(() -> Main.run(args));
      assertThat(run.exit()).isEqualTo(1);
      // Named where each is (its own line), top level and nested alike; never its value.
      for (int line : new int[] {5, 8, 12}) {
        assertThat(run.printed()).contains(dir + "/sekured.txt:" + line
            + ": warning: unknown field sekured: did you mean secured?");
      }
      assertThat(run.printed()).doesNotContain(SECRET).doesNotContain("s3cr3t");
    }
  }
}
