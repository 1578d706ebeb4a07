package io.tidings.article;

/**
 * Why a file is not an article, in words for the person who wrote it. The file name and the
 * reason are {@link Printable#escape escaped} when the error is made, so that everything that
 * shows one ({@code check}, the log, {@code /status}) shows one line with no control character,
 * whatever the file's name or content.
 *
 * @param file the file's path relative to the content directory, with {@code /} separators
 * @param line 1-based line in the file, 0 when the problem is the whole file
 * @param column 1-based column, 0 when unknown
 * @param kind what is wrong: the file's content, or that it could not be read at all
 */
public record ParseError(String file, int line, int column, String reason, Kind kind) {

  /** What is wrong, for whoever decides when to try the file again. */
  public enum Kind {
    /** The file was read; what it says is not an article. Read again when it changes. */
    CONTENT,
    /** The file could not be read (permissions, an I/O error): worth trying again unchanged. */
    UNREADABLE
  }

  /** A problem with the file's content. */
  public ParseError(String file, int line, int column, String reason) {
    this(file, line, column, reason, Kind.CONTENT);
  }

  /** A file (or folder) that could not be read at all; the problem is the whole file. */
  public static ParseError unreadable(String file, String reason) {
    return new ParseError(file, 0, 0, reason, Kind.UNREADABLE);
  }

  public ParseError {
    file = Printable.escape(file);
    reason = Printable.escape(reason);
  }

  /** {@code file:line:column: reason}, the shape compilers and editors understand. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.append(": ").append(reason).toString();
  }
}
