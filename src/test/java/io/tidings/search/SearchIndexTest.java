package io.tidings.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.bench.CorpusGenerator;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.BadQueryException;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.Selection;
import io.tidings.testing.Articles;
import io.tidings.testing.SearchOracle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word index against a brute-force scan: over a generated corpus with CJK, accents,
 * tokens with inner punctuation and emoji spliced in, what {@code q} selects through the
 * index is what the plain reference ({@link SearchOracle}: regular expressions over each
 * article's text) and {@link FeedQuery#matches} select, newest first; and an index kept
 * change by change (add, change, remove) equals one built at once.
 */
class SearchIndexTest {
  private static final ArticleParser PARSER = new ArticleParser(1 << 20);
  private static final FeedQuery.Limits LIMITS = new FeedQuery.Limits(50, 500);
  static final String[] SPICE = {"AT&T", "AT&T's", "at & t", "C++", "c+", "C#", "e-mail",
      "email", "3.10", "3.1", "node.js", "Node", "1,000", "Café", "cafe", "RÉSUMÉ", "Straße",
      "strasse", "İstanbul", "人工智能", "智能手机", "人工", "東京", "ロボット", "한국", "반도체",
      "🚀", "🚀\uFE0F", "👍🏽", "chips", "chip", "chipset", "said", "AI", "ai-powered",
      "U.S.", "us", "Ünïcödé", "ﬁnance", "ＦＵＬＬ", "x.AT&T-y", "a.b.c.d.e.f", "news", "new"};
  static final String[] QUERIES = {"AT&T", "at", "t", "C++", "c", "C#", "e-mail", "mail",
      "email", "3.10", "3", "10", "node.js", "node", "js", "1,000", "cafe", "Café", "resume",
      "strasse", "straße", "istanbul", "人工智能", "智能", "人", "能手", "東京", "ロボット",
      "한국", "반도체", "🚀", "👍", "chip", "chips", "ai", "AI chip", "chip said", "U.S.", "us",
      "unicode", "finance", "full", "a.b.c.d.e", "b.c.d.e.f", "news", "new", "the", "zzyzx",
      "the chip", "人工智能 chip", "AT&T node.js", "d.e.f.g"};

  /** Articles from the corpus generator, a third of them with spice in title or excerpt. */
  static List<FileChange> corpus(int n, long seed) {
    CorpusGenerator gen = CorpusGenerator.withSeed(seed);
    Random r = new Random(seed);
    List<FileChange> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "a/" + i + ".txt";
      Article a = PARSER.parse(name, gen.articleText(i).getBytes(StandardCharsets.UTF_8))
          .article();
      if (r.nextInt(3) == 0) {
        Articles.Builder b = Articles.article("gen-" + i).at(a.publishedAt().toString())
            .title(spice(a.title(), r)).excerpt(spice(a.excerpt() == null ? "" : a.excerpt(), r));
        out.add(new FileChange(name, PARSER.parse(name, b.bytes())));
      } else {
        out.add(new FileChange(name, PARSER.parse(name,
            gen.articleText(i).getBytes(StandardCharsets.UTF_8))));
      }
    }
    return out;
  }

  private static String spice(String text, Random r) {
    StringBuilder b = new StringBuilder(text);
    for (int k = r.nextInt(4); k > 0; k--) {
      int at = b.indexOf(" ", r.nextInt(b.length() + 1));
      String s = SPICE[r.nextInt(SPICE.length)];
      if (at < 0) {
        b.append(' ').append(s);
      } else {
        b.insert(at, ' ' + s + (r.nextBoolean() ? " " : ", "));
      }
    }
    return b.toString().strip();
  }

  static FeedQuery query(String q, String topic, int limit) throws BadQueryException {
    return FeedQuery.parse(topic == null
        ? Map.of("q", List.of(q), "limit", List.of(Integer.toString(limit)))
        : Map.of("q", List.of(q), "topic", List.of(topic), "limit",
            List.of(Integer.toString(limit))), LIMITS);
  }

  static void assertAgreesWithTheScan(Snapshot s) throws BadQueryException {
    String topic = s.topics().keySet().iterator().next();
    for (String q : QUERIES) {
      SearchOracle oracle = new SearchOracle(q);
      for (String t : new String[] {null, topic}) {
        FeedQuery fq = query(q, t, 500);
        List<String> expected = s.articles().stream()
            .filter(a -> oracle.matches(a.title(), a.excerpt()))
            .filter(a -> t == null || a.hasTopic(t)).limit(500).map(Article::id).toList();
        List<String> scanned = s.articles().stream().filter(fq::matches).limit(500)
            .map(Article::id).toList();
        List<String> indexed = Selection.run(s, fq).stream().map(Article::id).toList();
        assertThat(scanned).as("q=%s topic=%s, FeedQuery.matches", q, t).isEqualTo(expected);
        assertThat(indexed).as("q=%s topic=%s, the index", q, t).isEqualTo(expected);
        List<String> page = Selection.run(s, fq, 3, 5).stream().map(Article::id).toList();
        assertThat(page).as("q=%s page", q)
            .isEqualTo(expected.subList(Math.min(3, expected.size()),
                Math.min(8, expected.size())));
      }
    }
  }

  @Test
  void theIndexSelectsWhatABruteForceScanSelects() throws BadQueryException {
    Snapshot s = new Catalog(false).apply(corpus(2000, 7));
    assertThat(s.search().terms()).isPositive();
    for (String q : QUERIES) {
      assertThat(Selection.run(s, query(q, null, 500))).as("some queries find something")
          .isNotNull();
    }
    assertThat(Selection.run(s, query("AT&T", null, 500))).isNotEmpty();
    assertThat(Selection.run(s, query("人工智能", null, 500))).isNotEmpty();
    assertAgreesWithTheScan(s);
  }

  @Test
  void anIndexKeptChangeByChangeEqualsOneBuiltAtOnce() throws BadQueryException {
    List<FileChange> first = corpus(800, 11);
    List<FileChange> second = corpus(800, 12); // the same paths, other texts
    Catalog kept = new Catalog(false);
    kept.apply(first.subList(0, 400));
    Random r = new Random(5);
    List<FileChange> last = new ArrayList<>(first.subList(0, 400));
    for (int i = 400, end; i < 800; i = end) {
      end = Math.min(800, i + 1 + r.nextInt(5));
      kept.apply(first.subList(i, end));
      last.addAll(first.subList(i, end));
      // change one, remove one, in their own batches
      int c = r.nextInt(last.size());
      String path = last.get(c).file();
      FileChange changed = second.get(Integer.parseInt(path.substring(2, path.length() - 4)));
      kept.apply(List.of(changed));
      last.set(c, changed);
      int d = r.nextInt(last.size());
      String gone = last.get(d).file();
      kept.apply(List.of(new FileChange(gone, io.tidings.article.Parsed.missing())));
      last.remove(d);
    }
    Snapshot built = new Catalog(false).apply(last);
    assertSameIndex(kept.current(), built);
    assertAgreesWithTheScan(kept.current());
  }

  /**
   * A batch of a thousand articles or more into an empty index (the first scan, a restart) is
   * built at once, on every core; the index equals one kept batch by batch below that size.
   */
  @Test
  void aLargeFirstBatchBuiltAtOnceEqualsOneKeptInSmallBatches() throws BadQueryException {
    List<FileChange> all = corpus(2_600, 13);
    Snapshot built = new Catalog(false).apply(all);
    Catalog kept = new Catalog(false);
    for (int i = 0; i < all.size(); i += 300) {
      kept.apply(all.subList(i, Math.min(all.size(), i + 300)));
    }
    assertThat(built.search().terms()).isGreaterThan(1_000);
    assertSameIndex(kept.current(), built);
    assertAgreesWithTheScan(built);
  }

  private static void assertSameIndex(Snapshot incremental, Snapshot built) {
    assertThat(incremental.articles().stream().map(Article::id).toList())
        .isEqualTo(built.articles().stream().map(Article::id).toList());
    assertThat(incremental.search().terms()).isEqualTo(built.search().terms());
    assertThat(incremental.search().postings()).isEqualTo(built.search().postings());
    assertThat(incremental.search().estimatedBytes()).isEqualTo(built.search().estimatedBytes());
    for (Article a : built.articles()) {
      for (String term : io.tidings.catalog.WordIndex.termsOf(a)) {
        assertThat(incremental.search().postings(term).stream().map(Article::id).toList())
            .as(term)
            .isEqualTo(built.search().postings(term).stream().map(Article::id).toList());
      }
    }
  }
}
