package io.tidings.bench;

import io.tidings.article.Article;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.Selection;
import io.tidings.ingest.ContentScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The part of an uncached filtered feed that a search (`q`) costs: selecting the articles of
 * a topic whose title or excerpt hold a word, over a generated corpus, before any rendering.
 * A word that matches nothing makes the selection scan the whole topic, the worst case and
 * the common one of load.sh's random queries.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.openjdk.jmh.Main SearchBenchmark
 * </pre>
 *
 * The peer is the same selection without {@code q}: what the topic alone costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SearchBenchmark {
  @Param("20000")
  int articles;

  private Path dir;
  private Snapshot snapshot;
  private FeedQuery topicOnly;
  private FeedQuery topicAndMissingWord;
  private FeedQuery topicAndCommonWord;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("tidings-search-bench");
    CorpusGenerator.withSeed(42).write(dir, articles);
    snapshot = ContentScan.run(Config.defaults(dir).content()).snapshot();
    String topic = biggestTopic(snapshot);
    FeedQuery.Limits limits = new FeedQuery.Limits(50, 500);
    topicOnly = FeedQuery.parse(Map.of("topic", List.of(topic)), limits);
    topicAndMissingWord = FeedQuery.parse(Map.of("topic", List.of(topic),
        "q", List.of("zzyzx")), limits);
    topicAndCommonWord = FeedQuery.parse(Map.of("topic", List.of(topic),
        "q", List.of("the")), limits);
    System.out.printf("%n%d articles; topic %s, %d of them%n", snapshot.size(), topic,
        snapshot.topics().get(topic).count());
  }

  private static String biggestTopic(Snapshot s) {
    return s.topics().entrySet().stream()
        .max(Comparator.comparingInt(e -> e.getValue().count()))
        .orElseThrow().getKey();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Benchmark
  public List<Article> topicOnly() {
    return Selection.run(snapshot, topicOnly);
  }

  @Benchmark
  public List<Article> topicAndAWordThatMatchesNothing() {
    return Selection.run(snapshot, topicAndMissingWord);
  }

  @Benchmark
  public List<Article> topicAndACommonWord() {
    return Selection.run(snapshot, topicAndCommonWord);
  }
}
