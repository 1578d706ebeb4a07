package io.tidings.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of search (docs/feeds.md, "q"): how a title or excerpt is cut into the terms the
 * index holds, and how a query is cut into the words that must each match.
 *
 * <ul>
 *   <li>Text is folded: NFKC, case (full: ß is ss), and accents (the combining diacritical
 *       marks of Latin, Greek and Cyrillic; kana's voicing marks and Indic vowel signs stay).
 *   <li>A word is a run of letters, digits and marks. A trailing {@code s} of a Latin word of
 *       four letters or more is ignored ("chips" is "chip"), on both sides.
 *   <li>Words joined by inner punctuation ({@code & + . - _ ' ’ @ / : #}, and {@code ,} between
 *       digits), with a trailing {@code +} or {@code #} run ({@code C++}, {@code C#}), make a
 *       token: {@code AT&T}, {@code node.js}, {@code 3.10}, {@code e-mail}. The index holds each
 *       of its words and each run of 2 to {@value #WINDOW} adjacent words as written, so
 *       {@code AT&T} is found in "AT&T's" and {@code mail} in "e-mail", and {@code AT&T} means
 *       that token, never "at" and "t" anywhere.
 *   <li>Han, Hiragana, Katakana and Hangul are indexed by character and by adjacent pair: a
 *       query run of them matches where those characters stand together, with no dictionary.
 *   <li>Other symbols (emoji) are one-character words; all other punctuation separates.
 * </ul>
 */
public final class Words {
  /** Longest run of a token's words the index holds as one term. */
  public static final int WINDOW = 4;

  private Words() {}

  /** NFKC, full case fold, Latin/Greek/Cyrillic accents dropped; ASCII takes a fast path. */
  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    boolean ascii = true;
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      upper |= c >= 'A' && c <= 'Z';
    }
    if (ascii) {
      return upper ? asciiLower(text) : text;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    boolean dropped = false;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (isAccent(c)) {
        dropped = true;
      } else {
        b.append(c);
      }
    }
    return dropped ? Normalizer.normalize(b, Normalizer.Form.NFC) : s;
  }

  private static String asciiLower(String text) {
    char[] cs = text.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      if (cs[i] >= 'A' && cs[i] <= 'Z') {
        cs[i] += 32;
      }
    }
    return new String(cs);
  }

  private static boolean isAccent(char c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF)
        || (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF)
        || (c >= 0xFE20 && c <= 0xFE2F);
  }

  /** Every term the index holds for a text (title or excerpt), each once. */
  public static void terms(String text, Set<String> out) {
    for (Token t : Tokens.of(fold(text))) {
      t.indexTerms(out);
    }
  }

  /** The terms of a text, in first-seen order. */
  public static Set<String> terms(String text) {
    Set<String> out = new LinkedHashSet<>();
    terms(text, out);
    return out;
  }

  /** The words of a query, each of which must match: folded, in the order written. */
  public static List<String> query(String q) {
    List<String> out = new ArrayList<>();
    for (Token t : Tokens.of(fold(q))) {
      out.add(t.queryWord());
    }
    return out;
  }

  /**
   * The index terms whose posting lists hold every article a query word can match. When
   * {@link #exact} is false, a candidate must still be checked with {@link #occursIn}.
   */
  public static List<String> lookups(String word) {
    Token t = Tokens.ofQueryWord(word);
    return t == null ? List.of(word) : t.lookups();
  }

  /** Whether the articles of {@link #lookups} are exactly those the word matches. */
  public static boolean exact(String word) {
    Token t = Tokens.ofQueryWord(word);
    return t == null || t.lookupsExact();
  }

  /** The rule itself, without an index: whether a query word matches a text. */
  public static boolean occursIn(String word, String text) {
    Token q = Tokens.ofQueryWord(word);
    if (q == null) {
      return false;
    }
    for (Token t : Tokens.of(fold(text))) {
      if (t.contains(q)) {
        return true;
      }
    }
    return false;
  }
}
