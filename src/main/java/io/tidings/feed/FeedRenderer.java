package io.tidings.feed;

import io.tidings.article.Article;
import java.util.List;

/** One wire format: a feed's description and its items become bytes (UTF-8). */
interface FeedRenderer {
  byte[] render(FeedMeta meta, List<Article> items);
}
