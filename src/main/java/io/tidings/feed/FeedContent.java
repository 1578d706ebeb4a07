package io.tidings.feed;

import io.tidings.article.Article;
import java.util.List;

/**
 * What a feed's bytes were rendered from: the request, the feed's description and its items,
 * newest first. A delta (RFC 3229 with {@code A-IM: feed}) is the same description with a
 * subset of these items ({@link FeedService#renderSubset}).
 */
public record FeedContent(FeedRequest request, FeedMeta meta, List<Article> items) {}
