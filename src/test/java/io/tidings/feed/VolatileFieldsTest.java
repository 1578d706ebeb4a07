package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Heat and quality move on their own; a feed reader must not see an item change when they do.
 * The sample files, parsed by the real parser with other heat and quality values, must give
 * byte-identical feeds in every format, and the values must appear nowhere.
 */
class VolatileFieldsTest {
  private static final String BASE = "https://feeds.example.com";
  private final Config.Feeds config = Config.defaults(Path.of("unused")).feeds();

  /** Every sample file, edited by {@code edit}, parsed and applied to a fresh catalog. */
  static Snapshot sample(UnaryOperator<String> edit) throws IOException {
    ArticleParser parser = new ArticleParser(1 << 20);
    List<FileChange> changes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SampleFeeds.SAMPLE)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String name = SampleFeeds.SAMPLE.relativize(p).toString();
        String text = edit.apply(Files.readString(p, StandardCharsets.UTF_8));
        changes.add(new FileChange(name, parser.parse(name, text.getBytes(StandardCharsets.UTF_8))));
      }
    }
    return new Catalog(false).apply(changes);
  }

  static UnaryOperator<String> heatAndQuality(String heat, String quality) {
    return text -> text.replaceAll("(?m)^heat: -?\\d+$", "heat: " + heat)
        .replaceAll("(?m)^(\\s*)quality: -?\\d+$", "$1quality: " + quality);
  }

  private byte[] render(Snapshot s, FeedFormat format, String scope, String value)
      throws BadQueryException {
    FeedService service = new FeedService(config);
    Scope sc = scope.isEmpty() ? Scope.ALL : Scope.byParameter(scope);
    FeedQuery q = FeedQuery.parse(Map.of("limit", List.of("500")), sc, value, service.limits());
    return service.render(new FeedRequest(format, sc, sc.key(value), q, BASE), s).body();
  }

  @Test
  void heatAndQualityChangeNoByte() throws Exception {
    Snapshot a = sample(heatAndQuality("118", "62"));
    Snapshot b = sample(heatAndQuality("-1", "3"));
    Snapshot c = sample(heatAndQuality("987654", "876543"));
    Snapshot asIs = sample(UnaryOperator.identity());
    assertThat(a.size()).isEqualTo(34);
    assertDiffer(a, c);
    for (FeedFormat f : FeedFormat.values()) {
      for (String[] scope : List.of(new String[] {"", ""}, new String[] {"topic", "AI"},
          new String[] {"provider", "reuters.com"})) {
        byte[] first = render(a, f, scope[0], scope[1]);
        String what = f + " " + scope[0] + " " + scope[1];
        assertThat(render(b, f, scope[0], scope[1])).as(what).isEqualTo(first);
        assertThat(render(c, f, scope[0], scope[1])).as(what).isEqualTo(first);
        assertThat(render(asIs, f, scope[0], scope[1])).as(what).isEqualTo(first);
        String body = new String(render(c, f, scope[0], scope[1]), StandardCharsets.UTF_8);
        assertThat(body).as(what).doesNotContain("987654").doesNotContain("876543");
      }
    }
  }

  @Test
  void oneArticleWithTwoHeatsAndTwoQualitiesRendersTheSame() throws Exception {
    Path file = SampleFeeds.SAMPLE.resolve("001_c419c1c117d501dc.txt");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    ArticleParser parser = new ArticleParser(1 << 20);
    List<byte[]> bodies = new ArrayList<>();
    for (String heat : List.of("5", "50000")) {
      for (String quality : List.of("1", "99")) {
        String edited = heatAndQuality(heat, quality).apply(text);
        Article article = parser.parse("001.txt", edited.getBytes(StandardCharsets.UTF_8))
            .article();
        assertThat(article.heat()).isEqualTo(Integer.parseInt(heat));
        assertThat(article.quality()).isEqualTo(Integer.parseInt(quality));
        Snapshot s = new Catalog(false).apply(List.of(new FileChange("001.txt",
            io.tidings.article.Parsed.of(article))));
        for (FeedFormat f : FeedFormat.values()) {
          bodies.add(render(s, f, "", ""));
        }
      }
    }
    for (int i = 3; i < bodies.size(); i++) {
      assertThat(bodies.get(i)).as("render %d", i).isEqualTo(bodies.get(i % 3));
    }
  }

  /** The edit really changed the articles: otherwise the test above proves nothing. */
  private static void assertDiffer(Snapshot x, Snapshot y) {
    int differ = 0;
    for (int i = 0; i < x.size(); i++) {
      Article ax = x.articles().get(i);
      Article ay = y.articles().get(i);
      assertThat(ax.id()).isEqualTo(ay.id());
      if (!java.util.Objects.equals(ax.heat(), ay.heat())
          && !java.util.Objects.equals(ax.quality(), ay.quality())) {
        differ++;
      }
    }
    assertThat(differ).as("articles whose heat and quality both differ").isGreaterThan(30);
  }
}
