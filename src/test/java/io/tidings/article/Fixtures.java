package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Shared inputs for the parser tests: the real sample, a minimal valid article, assertions. */
final class Fixtures {
  private Fixtures() {}

  static final String SAMPLE = "000_d6b0fcc1b5121d05.txt";

  /** The sample's {@code secured} blob, which must never come out of the parser. */
  static final String SECURED = "sp5AvrL/cLh2C27MFBQTDLpHHCaOZC4soZKx6l/7olnR8IbV55s5lgqE3aHb5UUHt127/"
      + "B1YJ0Sb0ov+aCBEmrygU/fKA1ErEbrWeFEPjM67L/OfSGqqH4uN2NUNoi8jNSvhPsKL0cCF5KQPsMVCXZOeq0wrnEtf"
      + "g6lBFgHz8NfC/H9jk/JYEyHMcjh1vuZJlVFpcYcX+LE02TPlzWqyG0qNv1g7edRlhkjjrPwYAyfUaoD57P3XEGj0ZBaz"
      + "f9NDd7D407Nl5iWAjaADyiAKsp0ty0q8VZcc0GtzM4Go/X03oNIGE0GaderuDF6E6HRru9rA83bcxsbFRJgP7kTZsMn"
      + "GdDVO2FZRopoM+eHJdgc=;EXfaHNYpXkwpvZHhvnF6Dg==";

  /** Pieces of {@link #SECURED} that would show a partial leak (its start, its end, its tail part). */
  static final List<String> SECURED_PIECES = List.of(SECURED, SECURED.substring(0, 16),
      SECURED.substring(SECURED.length() - 16), "EXfaHNYpXkwpvZHhvnF6Dg", "GdDVO2FZRopoM");

  /** Lines 1-4 of a minimal valid article; extra lines start on line 5. */
  static final String HEAD = "---\n"
      + "title: T\n"
      + "publishedDateTime: 2023-10-17T16:45:00Z\n"
      + "originalUrl: https://example.com/a\n";

  static final String NAME = "news/2023/story.txt";

  static byte[] sampleBytes() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/article/" + SAMPLE)) {
      if (in != null) {
        return in.readAllBytes();
      }
      return Files.readAllBytes(Path.of("../shared/samples", SAMPLE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sampleText() {
    return new String(sampleBytes(), StandardCharsets.UTF_8);
  }

  static ArticleParser parser() {
    return new ArticleParser(1 << 20);
  }

  static Parsed parse(String text) {
    return parser().parse(NAME, text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #HEAD}, then the given lines, then the closing {@code ---}. */
  static String article(String... lines) {
    StringBuilder s = new StringBuilder(HEAD);
    for (String l : lines) {
      s.append(l).append('\n');
    }
    return s.append("---\n").toString();
  }

  static Article ok(String text) {
    return ok(parser().parse(NAME, text.getBytes(StandardCharsets.UTF_8)));
  }

  static Article ok(Parsed p) {
    assertThat(p.error()).as("parse error").isNull();
    assertThat(p.article()).isNotNull();
    return p.article();
  }

  static ParseError error(String text) {
    return error(text.getBytes(StandardCharsets.UTF_8));
  }

  static ParseError error(byte[] bytes) {
    Parsed p = parser().parse(NAME, bytes);
    assertThat(p.article()).as("article of a bad file").isNull();
    assertThat(p.error()).as("error of a bad file").isNotNull();
    assertThat(p.error().file()).isEqualTo(NAME);
    assertThat(p.error().reason()).isNotBlank();
    return p.error();
  }

  /**
   * Every string reachable from a value through record components, an article's accessors and
   * collections.
   */
  static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(Object v, List<String> out) {
    if (v == null) {
      return;
    }
    if (v instanceof CharSequence s) {
      out.add(s.toString());
    } else if (v instanceof Collection<?> c) {
      c.forEach(x -> collect(x, out));
    } else if (v instanceof Article a) {
      for (Object x : java.util.Arrays.asList(a.id(), a.title(), a.publishedAt(),
          a.originalUrl(), a.webUrl(), a.ampWebUrl(), a.cdnAmpWebUrl(), a.excerpt(),
          a.category(), a.type(), a.quality(), a.heat(), a.published(), a.provider(),
          a.topics(), a.images(), a.related(), a.body(), a.contentHash())) {
        collect(x, out);
      }
    } else if (v instanceof Record r) {
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        try {
          collect(rc.getAccessor().invoke(r), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else {
      out.add(String.valueOf(v));
    }
  }

  /** Asserts that no piece of the secured blob is in the outcome: fields, toString, error. */
  static void assertNoSecret(Parsed p) {
    List<String> texts = new ArrayList<>(strings(p.article()));
    texts.addAll(strings(p.error()));
    texts.add(String.valueOf(p.article()));
    texts.add(String.valueOf(p.error()));
    for (String t : texts) {
      for (String piece : SECURED_PIECES) {
        assertThat(t).doesNotContain(piece);
      }
    }
  }
}
