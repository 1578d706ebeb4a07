package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The content hash comes from {@link ContentHash}'s documented serialization, not from a
 * record's {@code toString()}: fields cannot run into each other, null is not the text
 * "null", and the value is pinned so that a change of format is a deliberate one.
 */
class ContentHashTest {
  private static Article article(String title, String excerpt, String category) {
    return new Article("https://example.com/a", title, Instant.parse("2024-05-01T10:00:00Z"),
        "https://example.com/a", "https://example.com/a", null, null, excerpt, category,
        "article", 7, null, true, Provider.of("Example", "example.com"),
        List.of(Topic.of("AI")), List.of(new Image("https://example.com/i.png", 640, 480, null)),
        List.of(), "body", 0L);
  }

  @Test
  void pinnedForOneArticle() {
    assertThat(Long.toHexString(ContentHash.of(article("Title", "Excerpt", "News"))))
        .isEqualTo(PINNED);
  }

  @Test
  void fieldsDoNotRunIntoEachOther() {
    assertThat(ContentHash.of(article("ab", "c", null)))
        .isNotEqualTo(ContentHash.of(article("a", "bc", null)));
    assertThat(ContentHash.of(article("a, excerpt=b", null, null)))
        .isNotEqualTo(ContentHash.of(article("a", "b", null)));
  }

  @Test
  void nullIsNotTheWordNull() {
    assertThat(ContentHash.of(article("t", "x", null)))
        .isNotEqualTo(ContentHash.of(article("t", "x", "null")));
  }

  @Test
  void theArticlesOwnHashIsNotPartOfIt() {
    Article a = article("t", "x", null);
    Article b = new Article(a.id(), a.title(), a.publishedAt(), a.originalUrl(), a.webUrl(),
        a.ampWebUrl(), a.cdnAmpWebUrl(), a.excerpt(), a.category(), a.type(), a.quality(),
        a.heat(), a.published(), a.provider(), a.topics(), a.images(), a.related(), a.body(),
        12345L);
    assertThat(ContentHash.of(b)).isEqualTo(ContentHash.of(a));
  }

  /** Computed independently from the Javadoc's description (SHA-256, first 8 bytes). */
  private static final String PINNED = "486964757dcb9764";
}
