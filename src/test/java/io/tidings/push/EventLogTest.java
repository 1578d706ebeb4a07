package io.tidings.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.catalog.Snapshot;
import io.tidings.catalog.SnapshotChange;
import io.tidings.feed.FeedQuery;
import io.tidings.testing.Articles;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event log's bookkeeping and the per-filter meaning of an event, without a server. */
class EventLogTest {
  static final FeedQuery.Limits LIMITS = new FeedQuery.Limits(50, 500);

  static Article article(String id, String title, int quality, String... topics) {
    String text = Articles.article(id).title(title).topics(topics).text()
        .replace("---\ntitle", "---\nquality: " + quality + "\ntitle");
    return new ArticleParser(1 << 20).parse(id + ".md", text.getBytes(StandardCharsets.UTF_8))
        .article();
  }

  static SnapshotChange change(List<Article> removed, List<Article> added) {
    return new SnapshotChange(Snapshot.EMPTY, Snapshot.EMPTY, removed, added);
  }

  static FeedQuery filter(String name, String value) throws Exception {
    return FeedQuery.parse(Map.of(name, List.of(value)), LIMITS);
  }

  @Test
  void aChangeBiggerThanTheLogIsAResetAndForgetsEverythingBefore() {
    EventLog log = new EventLog(3);
    List<EventLog.Batch> heard = new ArrayList<>();
    log.subscribe(heard::add);
    log.publish(change(List.of(), List.of(article("a", "A", 1, "AI"))));
    String before = heard.get(0).lastId();
    List<Article> many = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      many.add(article("m" + i, "M", 1, "AI"));
    }
    log.publish(change(List.of(), many));
    assertThat(heard).hasSize(2);
    assertThat(heard.get(1).reset()).isTrue();
    assertThat(heard.get(1).events()).isEmpty();
    assertThat(log.size()).isZero();
    assertThat(log.catchUp(before).reset()).isTrue();
    EventLog.CatchUp now = log.catchUp(heard.get(1).lastId());
    assertThat(now.reset()).isFalse();
    assertThat(now.missed()).isEmpty();
  }

  @Test
  void theLogRollsOverAndAnIdJustBeforeItsOldestEventStillResumes() {
    EventLog log = new EventLog(3);
    List<EventLog.Batch> heard = new ArrayList<>();
    log.subscribe(heard::add);
    for (int i = 1; i <= 5; i++) {
      log.publish(change(List.of(), List.of(article("a" + i, "A", 1, "AI"))));
    }
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.catchUp(heard.get(0).lastId()).reset()).as("event 1 is two behind").isTrue();
    EventLog.CatchUp fromTwo = log.catchUp(heard.get(1).lastId());
    assertThat(fromTwo.reset()).isFalse();
    assertThat(fromTwo.missed()).extracting(ArticleEvent::id)
        .containsExactly(heard.get(2).lastId(), heard.get(3).lastId(), heard.get(4).lastId());
    assertThat(log.catchUp(heard.get(4).lastId()).missed()).isEmpty();
    assertThat(log.catchUp(heard.get(4).lastId() + "0").reset()).as("an id from the future")
        .isTrue();
  }

  @Test
  void whatAnEventMeansDependsOnTheFilter() throws Exception {
    Article low = article("a", "Chips", 5, "AI");
    Article high = article("a", "Chips", 50, "AI");
    Article renamed = article("a", "Chips, renamed", 50, "AI");
    Article space = article("a", "Chips, renamed", 50, "Space");
    ArticleEvent raised = new ArticleEvent(1, "x-1", low, high);
    assertThat(raised.typeFor(filter("minQuality", "10"))).isEqualTo(ArticleEvent.Type.ADDED);
    assertThat(new ArticleEvent(2, "x-2", high, low).typeFor(filter("minQuality", "10")))
        .isEqualTo(ArticleEvent.Type.REMOVED);
    assertThat(raised.typeFor(filter("topic", "ai"))).as("no field of the item moved").isNull();
    assertThat(raised.showsInFeeds()).isFalse();
    ArticleEvent edit = new ArticleEvent(3, "x-3", high, renamed);
    assertThat(edit.typeFor(filter("topic", "ai"))).isEqualTo(ArticleEvent.Type.CHANGED);
    assertThat(edit.typeFor(filter("topic", "space"))).isNull();
    ArticleEvent moved = new ArticleEvent(4, "x-4", renamed, space);
    assertThat(moved.typeFor(filter("topic", "space"))).isEqualTo(ArticleEvent.Type.ADDED);
    assertThat(moved.typeFor(filter("topic", "ai"))).isEqualTo(ArticleEvent.Type.REMOVED);
    String removedFrame = new String(moved.frame(ArticleEvent.Type.REMOVED),
        StandardCharsets.UTF_8);
    assertThat(removedFrame).startsWith("id: x-4\nevent: removed\ndata: {").endsWith("}\n\n")
        .contains("\"tags\":[\"AI\"]").doesNotContain("\"Space\"");
    assertThat(removedFrame.split("\n")).hasSize(3);
  }

  @Test
  void aQualityOnlyChangePingsNoFeedAndAnEditPingsWhereItWasAndIs() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      WebSubPublisher p = new WebSubPublisher(
          new io.tidings.config.Config.WebSub("http://127.0.0.1:9/hub",
              java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 1),
          "https://f.example", LIMITS, vertx.getOrCreateContext(), () -> true);
      Article low = article("a", "Chips", 5, "AI");
      Article high = article("a", "Chips", 50, "AI");
      assertThat(p.feedUrls(change(List.of(low), List.of(high)))).isEmpty();
      Article space = article("a", "Chips", 5, "Space");
      assertThat(p.feedUrls(change(List.of(low), List.of(space)))).containsExactly(
          "https://f.example/feed.rss", "https://f.example/feed.atom",
          "https://f.example/feed.json",
          "https://f.example/topics/space/feed.rss", "https://f.example/topics/space/feed.atom",
          "https://f.example/topics/space/feed.json",
          "https://f.example/topics/ai/feed.rss", "https://f.example/topics/ai/feed.atom",
          "https://f.example/topics/ai/feed.json",
          "https://f.example/providers/example.com/feed.rss",
          "https://f.example/providers/example.com/feed.atom",
          "https://f.example/providers/example.com/feed.json");
      p.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
