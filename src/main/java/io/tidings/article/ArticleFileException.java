package io.tidings.article;

/** A problem at a place in an article file; the parser turns it into a {@link ParseError}. */
final class ArticleFileException extends Exception {
  final int line;
  final int column;

  ArticleFileException(int line, int column, String reason) {
    super(reason, null, false, false);
    this.line = line;
    this.column = column;
  }
}
