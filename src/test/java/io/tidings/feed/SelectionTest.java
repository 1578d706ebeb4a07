package io.tidings.feed;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.testing.Articles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Selection over a small built snapshot, no server: what it picks is what a scan of every
 * article newest first would pick, whichever index it starts from; topic lists are merged
 * with each article once; offsets page through the same order.
 */
class SelectionTest {
  private static final ArticleParser PARSER = new ArticleParser(1 << 20);
  private static final FeedQuery.Limits LIMITS = new FeedQuery.Limits(50, 500);
  static Snapshot snapshot;

  private static FileChange file(String name, Articles.Builder article) {
    return new FileChange(name, PARSER.parse(name, article.bytes()));
  }

  @BeforeAll
  static void build() {
    snapshot = new Catalog(false).apply(List.of(
        file("1.txt", article("ai-1").at("2023-01-01T00:00:00Z").topics("AI")
            .provider("Reuters", "reuters.com").category("News").excerpt("A chip design")),
        file("2.txt", article("both-2").at("2023-02-01T00:00:00Z").topics("AI", "Space")
            .provider("AP", "apnews.com").title("Chips in orbit")),
        file("3.txt", article("space-3").at("2023-03-01T00:00:00Z").topics("Space")
            .provider("Reuters", "reuters.com").category("news")),
        file("4.txt", article("ai-4").at("2023-04-01T00:00:00Z").topics("ai")
            .provider("AP", "apnews.com").category("Opinion")),
        file("5.txt", article("none-5").at("2023-05-01T00:00:00Z")),
        file("6.txt", article("space-6").at("2023-04-01T00:00:00Z").topics("Space", "Science")),
        file("7.txt", article("both-7").at("2023-06-01T00:00:00Z").topics("Science", "AI")
            .provider("Reuters", "www.reuters.com").title("Design notes"))));
  }

  private static List<String> ids(List<Article> articles) {
    return articles.stream().map(a -> Articles.shortId(a.id())).toList();
  }

  /** The reference: every article newest first, each tested, the first {@code limit} kept. */
  private static List<String> scan(FeedQuery q, int offset, int limit) {
    return ids(snapshot.articles().stream().filter(q::matches).skip(offset).limit(limit)
        .toList());
  }

  private static FeedQuery query(String query) throws BadQueryException {
    return FeedQuery.parse(FeedQueryTest.params(query), LIMITS);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "''                              | both-7,none-5,ai-4,space-6,space-3,both-2,ai-1",
      "limit=3                         | both-7,none-5,ai-4",
      "topic=ai                        | both-7,ai-4,both-2,ai-1",
      "topic=ai,space                  | both-7,ai-4,space-6,space-3,both-2,ai-1",
      "topic=space,science&limit=3     | both-7,space-6,space-3",
      "topic=nothing                   | ''",
      "topic=nothing,space             | space-6,space-3,both-2",
      "provider=reuters.com            | both-7,space-3,ai-1",
      "provider=apnews.com,reuters.com | both-7,ai-4,space-3,both-2,ai-1",
      "category=news                   | space-3,ai-1",
      "topic=ai&provider=apnews.com    | ai-4,both-2",
      "topic=ai&category=news          | ai-1",
      "q=chip                          | both-2,ai-1",
      "q=design                        | both-7,ai-1",
      "q=chip%20design                 | ai-1",
      "topic=space&q=chips             | both-2",
  })
  void picksWhatAScanOfEveryArticlePicks(String query, String expected) throws Exception {
    FeedQuery q = query(query);
    List<String> picked = ids(Selection.run(snapshot, q));
    assertThat(picked).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    assertThat(picked).as("the brute-force scan").isEqualTo(scan(q, 0, q.limit()));
  }

  @Test
  void offsetsPageThroughTheSameOrder() throws Exception {
    for (String query : List.of("", "topic=ai,space", "provider=reuters.com", "q=design")) {
      FeedQuery q = query(query);
      List<String> all = ids(Selection.run(snapshot, q, 0, 100));
      List<String> paged = new ArrayList<>();
      for (int offset = 0; offset < all.size() + 2; offset += 2) {
        List<String> page = ids(Selection.run(snapshot, q, offset, 2));
        assertThat(page).as("%s from %d", query, offset).isEqualTo(scan(q, offset, 2));
        paged.addAll(page);
      }
      assertThat(paged).as(query).isEqualTo(all);
    }
  }
}
