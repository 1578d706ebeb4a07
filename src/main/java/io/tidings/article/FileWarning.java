package io.tidings.article;

/**
 * An author's slip in a file that is still an article (docs/check.md, "Warnings"): a misspelt
 * field, topics written as one string, an image without a url. It never stops the article from
 * being served. Escaped when made, as {@link ParseError} is: one line, no control character,
 * and it names fields, never the value of one that may be secured.
 *
 * @param file the file's path relative to the content directory, with {@code /} separators
 * @param line 1-based line in the file, 0 when the slip is the whole file's
 */
public record FileWarning(String file, int line, String reason) implements Comparable<FileWarning> {

  public FileWarning {
    file = Printable.escape(file);
    reason = Printable.escape(reason);
  }

  /** The same slip, named by another path (check shows files as the user gave the folder). */
  public FileWarning in(String shownFile) {
    return new FileWarning(shownFile, line, reason);
  }

  /** {@code file:line: warning: reason}, as compilers and editors show warnings. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": warning: " + reason;
  }

  /** By file, then line, then reason: the order of every list of warnings. */
  @Override
  public int compareTo(FileWarning o) {
    int c = file.compareTo(o.file);
    if (c == 0) {
      c = Integer.compare(line, o.line);
    }
    return c != 0 ? c : reason.compareTo(o.reason);
  }
}
