package io.tidings.article;

import java.util.List;

/**
 * The outcome of reading one file: an article (with the author's slips in it, if any), an
 * error, or nothing because the file is gone.
 */
public record Parsed(Article article, ParseError error, List<FileWarning> warnings) {
  private static final Parsed MISSING = new Parsed(null, null, List.of());

  public static Parsed of(Article article) {
    return new Parsed(article, null, List.of());
  }

  public static Parsed of(Article article, List<FileWarning> warnings) {
    return new Parsed(article, null, List.copyOf(warnings));
  }

  public static Parsed failed(ParseError error) {
    return new Parsed(null, error, List.of());
  }

  public static Parsed missing() {
    return MISSING;
  }

  public boolean isMissing() {
    return article == null && error == null;
  }
}
