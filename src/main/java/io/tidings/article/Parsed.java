package io.tidings.article;

/** The outcome of reading one file: an article, an error, or nothing because the file is gone. */
public record Parsed(Article article, ParseError error) {
  private static final Parsed MISSING = new Parsed(null, null);

  public static Parsed of(Article article) {
    return new Parsed(article, null);
  }

  public static Parsed failed(ParseError error) {
    return new Parsed(null, error);
  }

  public static Parsed missing() {
    return MISSING;
  }

  public boolean isMissing() {
    return article == null && error == null;
  }
}
