package io.tidings.testing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The documented rule of {@code q} (docs/feeds.md) written the plain way, with regular
 * expressions over the whole folded text and no tokenizer: a word matches a whole word (a
 * trailing plural s aside), a token with inner punctuation matches those characters between
 * word boundaries, a run of CJK characters matches where it stands, a symbol where it is.
 * The query is cut at spaces only; each word must match the title or the excerpt.
 */
public final class SearchOracle {
  private static final String LETTER =
      "[\\p{L}\\p{N}\\p{M}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]]";
  private static final Pattern CJK =
      Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}ー々]+");
  private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}\\p{So}]+|[^\\p{L}\\p{N}\\p{So}+#]+$");

  private final List<Pattern> patterns = new ArrayList<>();

  public SearchOracle(String query) {
    for (String raw : query.split(" +")) {
      String w = EDGES.matcher(fold(raw)).replaceAll("");
      if (!w.isEmpty()) {
        patterns.add(pattern(w));
      }
    }
  }

  public boolean matches(String title, String excerpt) {
    String t = fold(title);
    String e = excerpt == null ? "" : fold(excerpt);
    return patterns.stream().allMatch(p -> p.matcher(t).find() || p.matcher(e).find());
  }

  public static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
        .toLowerCase(Locale.ROOT);
    return Normalizer.normalize(Normalizer.normalize(n, Normalizer.Form.NFD)
        .replaceAll("[\\u0300-\\u036f]", ""), Normalizer.Form.NFC);
  }

  private static Pattern pattern(String w) {
    if (CJK.matcher(w).matches() || w.codePointCount(0, w.length()) == 1
        && Character.getType(w.codePointAt(0)) == Character.OTHER_SYMBOL) {
      return Pattern.compile(Pattern.quote(w));
    }
    String body = Pattern.quote(w);
    if (w.matches("[a-z\\u00e0-\\u024f]{3,}")) {
      String stem = w.matches(".{2,}[^s]s") ? w.substring(0, w.length() - 1) : w;
      body = stem.endsWith("s") ? Pattern.quote(stem) : Pattern.quote(stem) + "s?";
    }
    String after = w.endsWith("+") || w.endsWith("#") ? "(?![+#]|" + LETTER + ")"
        : "(?!" + LETTER + ")";
    return Pattern.compile("(?<!" + LETTER + ")" + body + after);
  }
}
