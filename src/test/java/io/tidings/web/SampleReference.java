package io.tidings.web;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.article.Parsed;
import io.tidings.article.Topic;
import io.tidings.testing.SearchOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A brute-force reference over the sample content: every visible article, newest first, and
 * filters written the plain way (a loop and {@code contains}), to hold the server's indexes
 * and canonical queries against.
 */
final class SampleReference {
  private final List<Article> visible;

  SampleReference(Path dir) {
    ArticleParser parser = new ArticleParser(1 << 20);
    List<Article> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Parsed parsed = parser.read(p, dir.relativize(p).toString());
        if (parsed.article() != null && parsed.article().published()) {
          all.add(parsed.article());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(Article::publishedAt).reversed());
    this.visible = List.copyOf(all);
  }

  List<Article> all() {
    return visible;
  }

  /** Ids of the matching articles, newest first. */
  List<String> ids(Predicate<Article> filter) {
    return visible.stream().filter(filter).map(Article::id).toList();
  }

  static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
  }

  static Predicate<Article> topicIn(String... names) {
    Set<String> keys = Stream.of(names).map(SampleReference::fold).collect(
        java.util.stream.Collectors.toSet());
    return a -> a.topics().stream().map(Topic::name).map(SampleReference::fold)
        .anyMatch(keys::contains);
  }

  static Predicate<Article> providerIn(String... domains) {
    Set<String> keys = Stream.of(domains).map(SampleReference::domain).collect(
        java.util.stream.Collectors.toSet());
    return a -> {
      String d = a.provider().domain() != null ? a.provider().domain()
          : java.net.URI.create(a.originalUrl()).getHost();
      return keys.contains(domain(d));
    };
  }

  private static String domain(String d) {
    String s = d.toLowerCase(Locale.ROOT);
    return s.startsWith("www.") ? s.substring(4) : s;
  }

  static Predicate<Article> categoryIs(String category) {
    return a -> a.category() != null && a.category().equalsIgnoreCase(category);
  }

  static Predicate<Article> minQuality(int q) {
    return a -> a.quality() != null && a.quality() >= q;
  }

  /** Every word of {@code q} matches the title or the excerpt as docs/feeds.md says. */
  static Predicate<Article> words(String q) {
    SearchOracle oracle = new SearchOracle(q);
    return a -> oracle.matches(a.title(), a.excerpt());
  }
}
