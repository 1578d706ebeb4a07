package io.tidings.feed;

import java.util.Random;

/**
 * Hostile text for the never-malformed property test: C0 controls, U+FFFE/U+FFFF, lone high
 * and low surrogates, {@code ]]>}, markup, entities, quotes, CJK, emoji (as intact surrogate
 * pairs), odd whitespace. Counts what it made, so that a test can tell it really made it.
 */
final class RandomText {
  private static final String[] PIECES = {
    "]]>", "<script>alert('x')</script>", "<script>", "&amp;", "&", "\"", "'", "<b>bold</b>",
    "&#x1F600;", "&lt;", "</p>", "<![CDATA[", "-->", "<!--", "人工智能", "東京", "한국어", "中文标题",
    "😀", "👩‍💻", "🇯🇵", "𝕏", "\r\n", "\t", "  ", "\u0085", "\u2028", "\u00A0", "\u200B",
    "\uFEFF", "ﬁ", "Ａ", "café", "e\u0301", "word", "Tidings", " ", "?", "#", "%", "$1", "\\",
  };

  private final Random random;
  int controls;
  int nonCharacters;
  int loneSurrogates;
  int emoji;
  int cjk;
  int markup;

  RandomText(Random random) {
    this.random = random;
  }

  /** A string of 1 to {@code maxPieces} pieces. */
  String next(int maxPieces) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(maxPieces);
    for (int i = 0; i < n; i++) {
      piece(b);
    }
    return b.toString();
  }

  private void piece(StringBuilder b) {
    switch (random.nextInt(12)) {
      case 0 -> {
        b.append((char) random.nextInt(0x20)); // C0, tab/LF/CR included
        controls++;
      }
      case 1 -> {
        b.append(random.nextBoolean() ? '\uFFFE' : '\uFFFF');
        nonCharacters++;
      }
      case 2 -> {
        b.append((char) (0xD800 + random.nextInt(0x400))); // a high surrogate, alone
        loneSurrogates++;
        if (random.nextBoolean()) {
          b.append("x"); // followed by something that is no low surrogate
        }
      }
      case 3 -> {
        b.append((char) (0xDC00 + random.nextInt(0x400))); // a low surrogate, alone
        loneSurrogates++;
      }
      case 4 -> {
        b.appendCodePoint(0x1F300 + random.nextInt(0x300)); // emoji, a proper pair
        emoji++;
      }
      case 5 -> {
        b.appendCodePoint(0x4E00 + random.nextInt(0x5000)); // CJK ideograph
        cjk++;
      }
      case 6 -> {
        int cp;
        do {
          cp = random.nextInt(0x10000);
        } while (Character.isSurrogate((char) cp));
        b.appendCodePoint(cp); // any BMP character, forbidden ones included
      }
      case 7 -> b.appendCodePoint(0x10000 + random.nextInt(0x100000)); // any supplementary
      case 8 -> b.append((char) (0x7F + random.nextInt(0x21))); // DEL and C1 controls
      default -> {
        String p = PIECES[random.nextInt(PIECES.length)];
        if (p.contains("<") || p.contains("&") || p.contains("]]>")) {
          markup++;
        }
        b.append(p);
      }
    }
  }

  /**
   * The oracle: {@code s} without what XML 1.0's Char production forbids (section 2.2), lone
   * surrogates included. Written apart from the production code on purpose.
   */
  static String xmlChars(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (ok) {
        b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }
}
