package io.tidings.catalog;

import io.tidings.article.Article;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable view of a sorted array of articles: what snapshots and facets hand out. The
 * catalog keeps the array to merge the next snapshot's lists by binary search and array
 * copies; nobody else can reach it to change it.
 */
final class ArticleList extends AbstractList<Article> implements RandomAccess {
  static final List<Article> EMPTY = new ArticleList(new Article[0]);

  private final Article[] articles;

  private ArticleList(Article[] articles) {
    this.articles = articles;
  }

  /** A view of {@code articles}, which the caller hands over and never changes again. */
  static List<Article> of(Article[] articles) {
    return articles.length == 0 ? EMPTY : new ArticleList(articles);
  }

  /** The array behind a list that {@link #of} made; a copy for any other list. */
  static Article[] array(List<Article> list) {
    return list instanceof ArticleList a ? a.articles : list.toArray(new Article[0]);
  }

  @Override
  public Article get(int index) {
    return articles[index];
  }

  @Override
  public int size() {
    return articles.length;
  }
}
