package io.tidings.catalog;

import static io.tidings.catalog.Changes.broken;
import static io.tidings.catalog.Changes.file;
import static io.tidings.catalog.Changes.gone;
import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.ArticleParser;
import io.tidings.article.FileWarning;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's warnings: the parser's per file, and a topic's other spellings, kept up to date
 * as files come, change, move and go.
 */
class CatalogWarningsTest {
  private final Catalog catalog = new Catalog(false);

  private List<String> warnings() {
    return catalog.current().warnings().stream().map(FileWarning::toString).toList();
  }

  private static String spelt(String name, String established, int others) {
    return "topic \"" + name + "\" is spelt \"" + established + "\" in " + others
        + " other article" + (others == 1 ? "" : "s") + ", and feeds show \"" + established
        + "\": write \"" + established + "\"";
  }

  @Test
  void aTopicsOtherSpellingFollowsItsFileAndTheMajority() {
    catalog.apply(List.of(file("a.txt", article("a").topics("AI")),
        file("b.txt", article("b").topics("AI")), file("c.txt", article("c").topics("ai"))));
    assertThat(warnings()).containsExactly("c.txt: warning: " + spelt("ai", "AI", 2));
    assertThat(catalog.current().topic("ai").name()).isEqualTo("AI");

    // The same article read from another file: the warning names the file it is in now.
    catalog.apply(List.of(gone("c.txt"), file("moved/c.txt", article("c").topics("ai"))));
    assertThat(warnings()).containsExactly("moved/c.txt: warning: " + spelt("ai", "AI", 2));

    // Most articles now write ai: the others are warned, and the facet is named ai.
    catalog.apply(List.of(file("d.txt", article("d").topics("ai")),
        file("e.txt", article("e").topics("ai"))));
    assertThat(warnings()).containsExactly("a.txt: warning: " + spelt("AI", "ai", 3),
        "b.txt: warning: " + spelt("AI", "ai", 3));
    assertThat(catalog.current().topic("ai").name()).isEqualTo("ai");

    catalog.apply(List.of(gone("a.txt"), gone("b.txt")));
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aFilesWarningsGoWhenItIsFixedBreaksOrGoes() {
    ArticleParser parser = new ArticleParser(1 << 20);
    byte[] slip = article("s").text().replace("---\ntitle:", "---\nqualty: 3\ntitle:")
        .getBytes(StandardCharsets.UTF_8);
    catalog.apply(List.of(new FileChange("s.txt", parser.parse("s.txt", slip))));
    assertThat(warnings()).containsExactly(
        "s.txt:2: warning: unknown field qualty: did you mean quality?");
    Snapshot before = catalog.current();
    catalog.apply(List.of(new FileChange("s.txt", parser.parse("s.txt", slip))));
    assertThat(catalog.current()).as("the same file again changes nothing").isSameAs(before);

    catalog.apply(List.of(file("s.txt", article("s"))));
    assertThat(warnings()).isEmpty();
    catalog.apply(List.of(new FileChange("s.txt", parser.parse("s.txt", slip))));
    catalog.apply(List.of(broken("s.txt")));
    assertThat(warnings()).isEmpty();
    assertThat(catalog.current().problems()).hasSize(1);
    catalog.apply(List.of(new FileChange("s.txt", parser.parse("s.txt", slip))));
    catalog.apply(List.of(gone("s.txt")));
    assertThat(warnings()).isEmpty();
  }
}
