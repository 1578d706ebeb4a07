package io.tidings.bench;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.Selection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code q} costs through the word index, beside Lucene 9.12 answering the same queries
 * over the same titles and excerpts in memory ({@link LucenePeer}), in one run: a word no
 * article holds, a common word, two words, a CJK word, a word within the biggest topic, 50
 * items each, newest first; and what one file's change costs the catalog (the snapshot build
 * with its index update), and the index's size.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.tidings.bench.SearchBenchmark [articles=100000] [rounds=2000]
 * </pre>
 *
 * A program rather than JMH methods: JMH would build the 100,000-article catalog once per
 * method; this builds it once and times each query {@code rounds} times after as many warm-up
 * rounds, printing p50, p99 and the mean.
 */
public final class SearchBenchmark {
  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    CorpusGenerator gen = CorpusGenerator.withSeed(42);
    ArticleParser parser = new ArticleParser(1 << 20);
    List<FileChange> files = new ArrayList<>(n);
    long bytesOnDisk = 0;
    for (int i = 0; i < n; i++) {
      byte[] text = gen.articleText(i).getBytes(StandardCharsets.UTF_8);
      bytesOnDisk += text.length;
      files.add(new FileChange("a/" + i + ".txt", parser.parse("a/" + i + ".txt", text)));
    }
    Catalog catalog = new Catalog(false);
    long t0 = System.nanoTime();
    Snapshot s = catalog.apply(files);
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    String topic = s.topics().entrySet().stream()
        .max(Comparator.comparingInt(e -> e.getValue().count())).orElseThrow().getKey();
    System.out.printf("%,d articles (%,d bytes of files), built in %,d ms; index: %,d terms,"
        + " %,d postings, about %,d bytes (%.3fx the files); biggest topic %s (%,d)%n",
        s.size(), bytesOnDisk, buildMs, s.search().terms(), s.search().postings(),
        s.search().estimatedBytes(), (double) s.search().estimatedBytes() / bytesOnDisk,
        topic, s.topic(topic).count());

    t0 = System.nanoTime();
    LucenePeer lucene = new LucenePeer(s.articles());
    System.out.printf("Lucene index of the same titles and excerpts built in %,d ms%n",
        (System.nanoTime() - t0) / 1_000_000);

    Map<String, String[]> kinds = new LinkedHashMap<>();
    kinds.put("a word no article holds", new String[] {"zzyzx", null});
    kinds.put("a common word", new String[] {"year", null});
    kinds.put("two words", new String[] {"company government", null});
    kinds.put("a CJK word", new String[] {"人工智能", null});
    kinds.put("a word within a topic", new String[] {"year", topic});
    FeedQuery.Limits limits = new FeedQuery.Limits(50, 500);
    System.out.printf("%-26s %8s | %-28s | %-28s%n", "query, 50 items", "found",
        "tidings p50 / p99 / mean", "Lucene p50 / p99 / mean");
    for (Map.Entry<String, String[]> e : kinds.entrySet()) {
      String q = e.getValue()[0];
      String t = e.getValue()[1];
      Map<String, List<String>> params = t == null ? Map.of("q", List.of(q))
          : Map.of("q", List.of(q), "topic", List.of(t));
      FeedQuery fq = FeedQuery.parse(params, limits);
      int found = Selection.run(s, fq).size();
      int luceneFound = lucene.search(q, t, 50);
      String ours = time(rounds, () -> Selection.run(s, fq));
      String theirs = time(rounds, () -> lucene.search(q, t, 50));
      System.out.printf("%-26s %4d/%-3d | %-28s | %-28s%n", e.getKey(), found, luceneFound,
          ours, theirs);
    }

    // One file changed at a time: the snapshot build, facets, list and word index included.
    long[] change = new long[Math.min(rounds, 500)];
    for (int i = 0; i < change.length; i++) {
      int k = (i * 7919) % n;
      byte[] text = gen.articleText(k).replace("title: ", "title: Changed " + i + " ")
          .getBytes(StandardCharsets.UTF_8);
      FileChange c = new FileChange("a/" + k + ".txt", parser.parse("a/" + k + ".txt", text));
      long a = System.nanoTime();
      catalog.apply(List.of(c));
      change[i] = System.nanoTime() - a;
    }
    System.out.printf("one file changed, the next snapshot with its index: %s%n",
        summary(change));
  }

  private static String time(int rounds, Supplier<?> run) {
    for (int i = 0; i < rounds; i++) {
      run.get();
    }
    long[] ns = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long a = System.nanoTime();
      run.get();
      ns[i] = System.nanoTime() - a;
    }
    return summary(ns);
  }

  private static String summary(long[] ns) {
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(ns).average().orElse(0);
    return String.format("%.3f / %.3f / %.3f ms", sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        mean / 1e6);
  }
}
