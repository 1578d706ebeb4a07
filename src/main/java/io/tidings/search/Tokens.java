package io.tidings.search;

import java.util.ArrayList;
import java.util.List;

/** Cuts folded text into {@link Token}s, in one pass over its code points. */
final class Tokens {
  private final List<Token> out = new ArrayList<>();
  private final List<String> parts = new ArrayList<>();
  private final List<String> seps = new ArrayList<>();
  private final StringBuilder part = new StringBuilder();
  private final StringBuilder pending = new StringBuilder();
  private final StringBuilder cjk = new StringBuilder();

  private Tokens() {}

  static List<Token> of(String folded) {
    Tokens t = new Tokens();
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      t.accept(cp);
      i += Character.charCount(cp);
    }
    t.endChain();
    t.endCjk();
    return t.out;
  }

  /** A query word as {@link Words#query} made it: one token, or null if it holds none. */
  static Token ofQueryWord(String word) {
    List<Token> ts = of(word);
    return ts.size() == 1 ? ts.get(0) : null;
  }

  static boolean isCjk(int cp) {
    if (cp == 0x30FC || cp == 0x3005) { // the prolonged sound mark, the iteration mark
      return true;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }

  private static boolean isJoiner(int cp) {
    return switch (cp) {
      case '&', '+', '.', '-', '_', '\'', '\u2019', '@', '/', ':', '#', ',' -> true;
      default -> false;
    };
  }

  private void accept(int cp) {
    if (cp < 0x80 ? isAsciiWordChar(cp) : isWordChar(cp)) {
      if (cp >= 0x80 && isCjk(cp)) {
        endChain();
        cjk.appendCodePoint(cp);
        return;
      }
      endCjk();
      int type = Character.getType(cp);
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK;
      if (mark && part.length() == 0) {
        return; // a mark with no word to sit on (a variation selector after an emoji)
      }
      if (part.length() == 0 && !pending.isEmpty()) {
        joinPending(cp);
      }
      part.appendCodePoint(cp);
      return;
    }
    endCjk();
    if (part.length() > 0 || (!pending.isEmpty() && !parts.isEmpty())) {
      if (isJoiner(cp)) {
        if (part.length() > 0) {
          parts.add(part.toString());
          part.setLength(0);
        }
        pending.appendCodePoint(cp);
        return;
      }
    }
    endChain();
    if (cp >= 0x80 && Character.getType(cp) == Character.OTHER_SYMBOL) {
      out.add(Token.single(Token.Kind.SYMBOL, new String(Character.toChars(cp))));
    }
  }

  private static boolean isAsciiWordChar(int cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** A word starts after punctuation inside a chain: it joins, unless a comma says no. */
  private void joinPending(int next) {
    String sep = pending.toString();
    pending.setLength(0);
    String prev = parts.get(parts.size() - 1);
    boolean digits = Character.isDigit(prev.charAt(prev.length() - 1)) && Character.isDigit(next);
    if (sep.indexOf(',') >= 0 && !(sep.equals(",") && digits)) {
      emitChain("");
      return;
    }
    seps.add(sep);
  }

  private void endChain() {
    if (part.length() > 0) {
      parts.add(part.toString());
      part.setLength(0);
    }
    int n = 0;
    while (n < pending.length() && (pending.charAt(n) == '+' || pending.charAt(n) == '#')) {
      n++;
    }
    String suffix = pending.substring(0, n);
    pending.setLength(0);
    emitChain(suffix);
  }

  private void emitChain(String suffix) {
    if (!parts.isEmpty()) {
      out.add(new Token(Token.Kind.CHAIN, parts.toArray(new String[0]),
          seps.toArray(new String[0]), suffix));
    }
    parts.clear();
    seps.clear();
  }

  private void endCjk() {
    if (cjk.length() > 0) {
      out.add(Token.single(Token.Kind.CJK, cjk.toString()));
      cjk.setLength(0);
    }
  }
}
