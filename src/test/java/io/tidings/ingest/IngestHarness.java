package io.tidings.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileProblem;
import io.tidings.catalog.Snapshot;
import io.tidings.catalog.SnapshotChange;
import io.tidings.config.Config;
import io.tidings.config.ConfigException;
import io.tidings.config.ConfigLoader;
import io.tidings.testing.Articles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One ingest over {@code base/content} with test timings (debounce 50 ms, poll 200 ms), the
 * snapshots it announced, and ways to wait for it. Articles whose short id starts with
 * {@code sync-} are the harness's own markers (see {@link #settle()}) and are left out of {@link #ids()}.
 */
final class IngestHarness implements AutoCloseable {
  final Path base;
  final Path root;
  final Config.Content config;
  final Catalog catalog;
  final Ingest ingest;
  /** Between the native watcher and ingest: to lose events, or report an overflow. */
  final EventTap events = new EventTap();
  /** Every snapshot announcement, in order. */
  final List<SnapshotChange> changes = new CopyOnWriteArrayList<>();
  private int syncs;

  private IngestHarness(Path base, Config.Content config) {
    this.base = base;
    this.root = config.dir();
    this.config = config;
    this.catalog = new Catalog(config.includeUnpublished(), config.hideFuture(),
        java.time.Clock.systemUTC());
    this.catalog.onChange(changes::add);
    this.ingest = new Ingest(config, new ArticleParser(config.maxFileSize()), catalog, events);
  }

  static Config.Content config(Path root, String mode, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(Map.of(
        "content.dir", root.toString(),
        "content.watch", mode,
        "content.pollInterval", "200ms",
        "content.debounce", "50ms",
        "content.rescanInterval", "0",
        "content.parseThreads", "2"));
    settings.putAll(more);
    try {
      return ConfigLoader.load(null, Map.of(), settings).content();
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ingest over {@code base/content} (made if missing), not started. */
  static IngestHarness create(Path base, String mode, Map<String, String> more) {
    Path root = base.resolve("content");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new IngestHarness(base, config(root, mode, more));
  }

  static IngestHarness create(Path base, String mode) {
    return create(base, mode, Map.of());
  }

  /** Starts and waits for the first snapshot. */
  IngestHarness start() {
    try {
      ingest.start().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("ingest did not start", e);
    }
    return this;
  }

  Snapshot current() {
    return catalog.current();
  }

  /** Short ids of the current articles, sorted, without the harness's markers. */
  List<String> ids() {
    return ids(current());
  }

  static List<String> ids(Snapshot s) {
    return s.articles().stream().map(a -> Articles.shortId(a.id()))
        .filter(id -> !id.startsWith("sync-")).sorted().toList();
  }

  List<String> problemFiles() {
    return current().problems().stream().map(p -> p.error().file())
        .filter(f -> !f.startsWith("sync-")).toList();
  }

  /** The problem reported for {@code file}, once there is one (within 10 s). */
  FileProblem awaitProblem(String file) {
    org.awaitility.Awaitility.await("a problem with " + file)
        .atMost(java.time.Duration.ofSeconds(10)).until(() -> problem(file) != null);
    return problem(file);
  }

  FileProblem problem(String file) {
    return current().problems().stream().filter(p -> p.error().file().equals(file)).findFirst()
        .orElse(null);
  }

  Article article(String shortId) {
    return current().articles().stream().filter(a -> a.id().equals(Articles.url(shortId)))
        .findFirst().orElse(null);
  }

  void awaitIds(String... expected) {
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(ids()).as("articles").containsExactlyInAnyOrder(expected));
  }

  void awaitTitle(String shortId, String title) {
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(article(shortId)).as(shortId).isNotNull()
        .extracting(Article::title).isEqualTo(title));
  }

  Path write(String relative, String text) {
    return Articles.write(root, relative, text);
  }

  Path write(String relative, byte[] bytes) {
    return Articles.write(root, relative, bytes);
  }

  Path write(String relative, Articles.Builder article) {
    return Articles.write(root, relative, article.bytes());
  }

  /**
   * Waits until ingest has seen everything done to the tree so far: writes a marker article,
   * waits for it, deletes it and waits for it to go. Whatever happened before the marker was
   * written has then been read in (events are handled in order; a poll walks the whole tree).
   */
  void settle() {
    String id = "sync-" + (++syncs);
    Path marker = write(id + ".txt", Articles.article(id));
    await("marker " + id + " to be indexed").atMost(Duration.ofSeconds(10)).until(() -> has(id));
    delete(marker);
    await("marker " + id + " to go").atMost(Duration.ofSeconds(10)).until(() -> !has(id));
  }

  private boolean has(String shortId) {
    return article(shortId) != null;
  }

  /**
   * Settles, then checks that the catalog is what a fresh scan of the directory makes (the same
   * walk and parser as the server's first scan, from nothing): the same articles with the same
   * content (the version), the same files with errors and the same duplicates. Files that broke
   * after they parsed keep serving their last good version (DESIGN.md), which a fresh scan
   * cannot know: their articles are {@code staleIds}.
   */
  void assertMatchesDisk(String... staleIds) {
    settle();
    ContentScan.Result fresh;
    try {
      fresh = ContentScan.run(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Snapshot live = current();
    List<String> expected = new java.util.ArrayList<>(ids(fresh.snapshot()));
    expected.addAll(List.of(staleIds));
    assertThat(ids(live)).as("articles, against a fresh scan").containsExactlyInAnyOrderElementsOf(
        expected);
    if (staleIds.length == 0) {
      assertThat(live.versionHex()).as("content version, against a fresh scan")
          .isEqualTo(fresh.snapshot().versionHex());
    }
    assertThat(live.problems()).extracting(p -> p.error().toString())
        .as("files with errors, against a fresh scan")
        .containsExactlyElementsOf(fresh.snapshot().problems().stream()
            .map(p -> p.error().toString()).toList());
    assertThat(live.problems().stream().filter(FileProblem::stale).count()).as("stale files")
        .isEqualTo(staleIds.length);
    assertThat(live.duplicates()).as("duplicates, against a fresh scan")
        .isEqualTo(fresh.snapshot().duplicates());
    assertThat(live.hiddenDrafts()).isEqualTo(fresh.snapshot().hiddenDrafts());
    assertThat(ingest.status().filesSeen()).as("files seen").isEqualTo(fresh.files());
  }

  /** The snapshots announced since the {@code from}th announcement. */
  List<Snapshot> snapshotsSince(int from) {
    return changes.subList(from, changes.size()).stream().map(SnapshotChange::next).toList();
  }

  static void delete(Path path) {
    try {
      if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      } else {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    ingest.close();
  }
}
