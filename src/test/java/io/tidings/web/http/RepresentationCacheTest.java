package io.tidings.web.http;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.catalog.SnapshotChange;
import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.RenderedFeed;
import io.tidings.testing.Articles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cache invalidation by a change, without a server: a new snapshot drops exactly the cached
 * feeds that an article which came, changed or went matches, and relabels the others with the
 * new snapshot's version (their bytes are what it renders too); a feed renders once a key.
 */
class RepresentationCacheTest {
  private static final ArticleParser PARSER = new ArticleParser(1 << 20);
  private static final FeedQuery.Limits LIMITS = new FeedQuery.Limits(50, 500);

  private final Catalog catalog = new Catalog(false);
  private final List<SnapshotChange> changes = new ArrayList<>();
  private final RepresentationCache cache = new RepresentationCache(100, 1 << 20, Runnable::run);
  private final AtomicInteger renders = new AtomicInteger();

  private static FileChange file(String name, Articles.Builder article) {
    return new FileChange(name, PARSER.parse(name, article.bytes()));
  }

  @BeforeEach
  void twoTopics() {
    catalog.onChange(changes::add);
    catalog.apply(List.of(
        file("ai.txt", article("ai").at("2023-01-01T00:00:00Z").topics("AI")),
        file("space.txt", article("space").at("2023-02-01T00:00:00Z").topics("Space"))));
    changes.forEach(cache::onChange);
    changes.clear();
  }

  /** Caches the feed of {@code query} as the current snapshot renders it; returns its version. */
  private String cache(String key, String query) throws Exception {
    FeedQuery q = FeedQuery.parse(Map.of("topic", List.of(query)), LIMITS);
    Snapshot s = catalog.current();
    Representation r = cache.feed(key, () -> {
      renders.incrementAndGet();
      return Representation.of(new RenderedFeed(FeedFormat.RSS,
          (key + "@" + s.versionHex()).getBytes(StandardCharsets.UTF_8), 1,
          Instant.parse("2023-02-01T00:00:00Z"), s.versionHex(), q));
    }).get();
    return r.snapshot();
  }

  private Representation cached(String key) throws Exception {
    var f = cache.cachedFeed(key);
    return f == null ? null : f.get();
  }

  private void change(FileChange... files) {
    catalog.apply(List.of(files));
    changes.forEach(cache::onChange);
    changes.clear();
  }

  @Test
  void aChangeDropsOnlyTheFeedsItTouchesAndRelabelsTheRest() throws Exception {
    String v1 = cache("ai", "ai");
    cache("space", "space");
    assertThat(renders).hasValue(2);

    change(file("ai-2.txt", article("ai-2").at("2023-03-01T00:00:00Z").topics("AI")));

    assertThat(cached("ai")).as("the AI feed, which the new article joins").isNull();
    Representation space = cached("space");
    assertThat(space).as("the Space feed, untouched").isNotNull();
    assertThat(space.snapshot()).isEqualTo(catalog.current().versionHex()).isNotEqualTo(v1);
    assertThat(space.body().toString(StandardCharsets.UTF_8)).startsWith("space@" + v1);
  }

  @Test
  void anArticleThatLeavesAFeedDropsItToo() throws Exception {
    cache("ai", "ai");
    cache("space", "space");

    change(new FileChange("space.txt", PARSER.parse("space.txt",
        article("space").at("2023-02-01T00:00:00Z").topics("Science").bytes())));

    assertThat(cached("space")).as("the Space feed, which the article left").isNull();
    assertThat(cached("ai")).isNotNull();
  }

  @Test
  void aKeyRendersOnceAndAHitIsNoRender() throws Exception {
    cache("ai", "ai");
    cache("ai", "ai");
    assertThat(renders).hasValue(1);
    assertThat(cached("ai")).isNotNull();
    assertThat(cache.stats().hits()).isEqualTo(1);
  }
}
