package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tidings.testing.FuzzInputs;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of {@link ArticleParser#parse}: whatever the bytes, the answer is an
 * article or a located error in words, never an exception, never the parser's last-resort
 * "could not parse the file (SomeException)" (a bug: it names no cause the author can fix), and
 * never anything of the {@code secured} value. Without {@code JAZZER_FUZZ} it replays the seeds
 * and the inputs under {@code ArticleParserFuzzTestInputs/parse}; docs/development.md,
 * "Fuzzing", says how to fuzz.
 */
class ArticleParserFuzzTest {
  /** A small limit, so that the fuzzer also explores the size checks. */
  private static final ArticleParser PARSER = new ArticleParser(64 * 1024);

  static Stream<byte[]> seeds() {
    return FuzzInputs.seeds();
  }

  @MethodSource("seeds")
  // libFuzzer's dictionary format is one entry a line: no entry may hold a line break.
  @DictionaryEntries({"---", "title: ", "publishedDateTime: ", "originalUrl: ", "webUrl: ",
      "excerpt: ", "topics: ", "provider: ", "domain: ", "images: ", "related: ", "published: ",
      "secured: ", "2023-10-17T16:45:00Z", "https://", "  - "})
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] file) {
    Parsed parsed = PARSER.parse("fuzz.txt", file);
    check(parsed);

    Optional<byte[][]> variants = FuzzInputs.securedVariants(file);
    if (variants.isPresent()) {
      Parsed a = PARSER.parse("fuzz.txt", variants.get()[0]);
      Parsed b = PARSER.parse("fuzz.txt", variants.get()[1]);
      check(a);
      check(b);
      assertThat(String.valueOf(a)).doesNotContain(FuzzInputs.MARKER_A);
      assertThat(String.valueOf(b)).doesNotContain(FuzzInputs.MARKER_B);
      assertThat(a).as("the secured value changes nothing the parser returns").isEqualTo(b);
    }
  }

  private static void check(Parsed parsed) {
    assertThat(parsed).isNotNull();
    assertThat(parsed.isMissing()).as("bytes in hand are never a missing file").isFalse();
    assertThat(parsed.article() == null).as("an article or an error, not both")
        .isNotEqualTo(parsed.error() == null);
    if (parsed.error() != null) {
      ParseError e = parsed.error();
      assertThat(e.file()).isEqualTo("fuzz.txt");
      assertThat(e.reason()).isNotBlank().doesNotStartWith("could not parse the file (");
      assertThat(e.line()).isNotNegative();
      assertThat(e.column()).isNotNegative();
      return;
    }
    Article a = parsed.article();
    assertThat(a.title()).isNotBlank();
    assertThat(a.publishedAt()).isNotNull();
    assertThat(a.id()).matches("(?i)https?://.+");
    assertThat(a.webUrl()).isNotNull();
    assertThat(a.provider()).isNotNull();
    assertThat(a.topics()).doesNotContainNull();
    assertThat(a.images()).doesNotContainNull();
    assertThat(a.related()).doesNotContainNull();
  }
}
