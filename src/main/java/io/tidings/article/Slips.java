package io.tidings.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The author's slips found while one file is parsed, with their lines; they become {@link
 * FileWarning}s once the file is known to be an article. Messages name fields and quote values
 * escaped and shortened; no value of a secured field is ever read, so none can be quoted.
 */
final class Slips {
  /** A name quoted from the file in a message: escaped when the warning is made, and cut. */
  private static final int MAX_NAME = 80;

  private record Slip(int line, String reason) {}

  private final List<Slip> slips = new ArrayList<>(0);

  void add(int line, String reason) {
    slips.add(new Slip(line, reason));
  }

  List<FileWarning> in(String file) {
    List<FileWarning> out = new ArrayList<>(slips.size());
    for (Slip s : slips) {
      out.add(new FileWarning(file, s.line(), s.reason()));
    }
    return out;
  }

  /** A field name from the file, as a message shows it: unquoted, cut when very long. */
  static String name(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "…";
  }

  /**
   * Why an unknown field is a slip, in words: "unknown field qualty: did you mean quality?",
   * or "unknown field sentiment (ignored)" when no known field is near.
   */
  static String unknownField(String field, List<String> known) {
    String shown = name(field);
    return EditDistance.nearest(field, known)
        .map(k -> "unknown field " + shown + ": did you mean " + k + "?"
            + (k.toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))
                ? " (field names are case-sensitive)" : ""))
        .orElse("unknown field " + shown + " (ignored)");
  }
}
