package io.tidings.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One token of folded text: a chain of words joined by inner punctuation ({@code at&t}, a
 * lone word is a chain of one), a run of CJK characters, or a symbol (an emoji).
 */
final class Token {
  enum Kind { CHAIN, CJK, SYMBOL }

  final Kind kind;
  /** The chain's words, or the CJK run or symbol as its only element. */
  final String[] parts;
  /** Between parts: {@code seps[i]} joins parts i and i+1. */
  final String[] seps;
  /** A trailing run of {@code +} and {@code #} after the last word ({@code c++}). */
  final String suffix;

  Token(Kind kind, String[] parts, String[] seps, String suffix) {
    this.kind = kind;
    this.parts = parts;
    this.seps = seps;
    this.suffix = suffix;
  }

  static Token single(Kind kind, String text) {
    return new Token(kind, new String[] {text}, new String[0], "");
  }

  /** A Latin word of four letters or more loses one trailing s (not ss): chips is chip. */
  static String plural(String w) {
    int n = w.length();
    if (n < 4 || w.charAt(n - 1) != 's' || w.charAt(n - 2) == 's') {
      return w;
    }
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0x24F))) {
        return w;
      }
    }
    return w.substring(0, n - 1);
  }

  private boolean plain() {
    return kind == Kind.CHAIN && parts.length == 1 && suffix.isEmpty();
  }

  /** Parts {@code from..to} (inclusive) as written, with the suffix when asked. */
  private String join(int from, int to, boolean withSuffix) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      if (i > from) {
        b.append(seps[i - 1]);
      }
      b.append(parts[i]);
    }
    if (withSuffix) {
      b.append(suffix);
    }
    return b.toString();
  }

  void indexTerms(Set<String> out) {
    if (kind == Kind.SYMBOL) {
      out.add(parts[0]);
      return;
    }
    if (kind == Kind.CJK) {
      String run = parts[0];
      int prev = -1;
      for (int i = 0; i < run.length(); ) {
        int next = run.offsetByCodePoints(i, 1);
        out.add(run.substring(i, next));
        if (prev >= 0) {
          out.add(run.substring(prev, next));
        }
        prev = i;
        i = next;
      }
      return;
    }
    int last = parts.length - 1;
    for (int i = 0; i <= last; i++) {
      out.add(plural(parts[i]));
      for (int j = i + 1; j <= last && j - i < Words.WINDOW; j++) {
        out.add(join(i, j, false));
      }
    }
    if (!suffix.isEmpty()) {
      for (int i = Math.max(0, last - Words.WINDOW + 1); i <= last; i++) {
        out.add(join(i, last, true));
      }
    }
  }

  String queryWord() {
    if (kind != Kind.CHAIN) {
      return parts[0];
    }
    return plain() ? plural(parts[0]) : join(0, parts.length - 1, true);
  }

  List<String> lookups() {
    if (kind == Kind.SYMBOL || plain()) {
      return List.of(queryWord());
    }
    List<String> out = new ArrayList<>();
    if (kind == Kind.CJK) {
      String run = parts[0];
      if (run.codePointCount(0, run.length()) == 1) {
        return List.of(run);
      }
      for (int i = 0, next; (next = run.offsetByCodePoints(i, 1)) < run.length(); i = next) {
        out.add(run.substring(i, run.offsetByCodePoints(next, 1)));
      }
      return out;
    }
    int last = parts.length - 1;
    if (last < Words.WINDOW) {
      return List.of(queryWord());
    }
    for (int i = 0; i + Words.WINDOW - 1 <= last; i++) {
      int j = i + Words.WINDOW - 1;
      out.add(join(i, j, j == last && !suffix.isEmpty()));
    }
    return out;
  }

  boolean lookupsExact() {
    if (kind == Kind.CJK) {
      return parts[0].codePointCount(0, parts[0].length()) <= 2;
    }
    return kind == Kind.SYMBOL || parts.length <= Words.WINDOW;
  }

  /** Whether this token of a text holds query token {@code q}. */
  boolean contains(Token q) {
    if (q.kind != kind) {
      return false;
    }
    if (kind == Kind.SYMBOL) {
      return parts[0].equals(q.parts[0]);
    }
    if (kind == Kind.CJK) {
      return parts[0].contains(q.parts[0]);
    }
    if (q.plain()) {
      for (String p : parts) {
        if (plural(p).equals(q.parts[0])) {
          return true;
        }
      }
      return false;
    }
    int n = q.parts.length;
    for (int i = 0; i + n <= parts.length; i++) {
      if (runEquals(q, i) && (q.suffix.isEmpty()
          || (i + n == parts.length && suffix.equals(q.suffix)))) {
        return true;
      }
    }
    return false;
  }

  private boolean runEquals(Token q, int at) {
    for (int k = 0; k < q.parts.length; k++) {
      if (!parts[at + k].equals(q.parts[k]) || (k > 0 && !seps[at + k - 1].equals(q.seps[k - 1]))) {
        return false;
      }
    }
    return true;
  }
}
