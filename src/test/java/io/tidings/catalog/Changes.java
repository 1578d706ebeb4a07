package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.article.Parsed;
import io.tidings.testing.Articles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** File changes for catalog tests, parsed by the real parser from real article text. */
final class Changes {
  private static final ArticleParser PARSER = new ArticleParser(1 << 20);

  private Changes() {}

  static FileChange file(String name, Articles.Builder article) {
    return new FileChange(name, PARSER.parse(name, article.bytes()));
  }

  /** A file whose front matter never closes: a parse error. */
  static FileChange broken(String name) {
    return new FileChange(name, PARSER.parse(name,
        "---\ntitle: \"half\"\npublishedDateTime: 2023-1".getBytes(StandardCharsets.UTF_8)));
  }

  static FileChange gone(String name) {
    return new FileChange(name, Parsed.missing());
  }

  /** The short ids of a snapshot's articles, in its order. */
  static List<String> ids(Article[] articles) {
    return Arrays.stream(articles).map(a -> Articles.shortId(a.id())).toList();
  }

  static List<String> ids(List<Article> articles) {
    return ids(articles.toArray(new Article[0]));
  }

  static List<String> ids(Snapshot snapshot) {
    return ids(snapshot.articles());
  }
}
