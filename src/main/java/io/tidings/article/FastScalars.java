package io.tidings.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one-line values of {@link FastYaml}: plain, typed as Jackson's YAML parser types them
 * (SnakeYAML's resolver, where a pattern could match), and double or single quoted. Each takes
 * the text, where the value starts and where its line ends; each gives up ({@link #GIVE_UP})
 * on anything beyond what it reads.
 */
final class FastScalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Resolver RESOLVER = new Resolver();

  private FastScalars() {}

  /** SnakeYAML's YAML 1.1 booleans and nulls that begin with a letter (its Resolver's patterns). */
  private static final java.util.Set<String> BOOLEANS = java.util.Set.of("yes", "Yes", "YES",
      "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
      "off", "Off", "OFF");
  private static final java.util.Set<String> NULLS = java.util.Set.of("null", "Null", "NULL");

  /** Giving up: the full parser reads this text. Without a stack; caught in {@link FastYaml#read}. */
  static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();

  /** A value on one line starting at {@code i}, up to the line's end. */
  static JsonNode scalar(String s, int i, int end, boolean keep) {
    char c = s.charAt(i);
    if (c == '"') {
      return doubleQuoted(s, i, end, keep);
    }
    if (c == '\'') {
      return singleQuoted(s, i, end, keep);
    }
    if ("[]{},#&*!|>%@`?:".indexOf(c) >= 0
        || (c == '-' && (i + 1 == end || s.charAt(i + 1) == ' '))) {
      throw GIVE_UP; // flow collections, comments, anchors, aliases, tags, block scalars, lists
    }
    int last = end;
    for (int j = i + 1; j < end; j++) {
      if (s.charAt(j) == '#' && s.charAt(j - 1) == ' ') {
        last = j; // a comment
        break;
      }
    }
    while (last > i && s.charAt(last - 1) == ' ') {
      last--;
    }
    for (int j = i; j < last; j++) {
      if (s.charAt(j) == ':' && (j + 1 == last || s.charAt(j + 1) == ' ')) {
        throw GIVE_UP; // a mapping where a value is: YAML refuses it
      }
    }
    if (!keep) {
      return null;
    }
    return typed(s.substring(i, last));
  }

  /** A plain value as Jackson's YAML parser types it (its {@code _decodeScalar}). */
  private static JsonNode typed(String text) {
    char first = text.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-') {
      if (plainDecimal(text)) {
        return new ResolvedScalar(text, NODES.numberNode(Long.parseLong(text)));
      }
      if (!numeric(text)) {
        return NODES.textNode(text); // a date, a version: no number's pattern can match it
      }
    } else if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
      // Of the resolver's patterns only the booleans and the nulls begin with a letter: these
      // words, spelt as the patterns spell them (yes, Yes and YES, never yES).
      if (BOOLEANS.contains(text)) {
        return new ResolvedScalar(text, NODES.booleanNode(bool(text)));
      }
      return NULLS.contains(text) ? NODES.nullNode() : NODES.textNode(text);
    }
    Tag tag = RESOLVER.resolve(NodeId.scalar, text, true);
    if (tag == Tag.NULL) {
      return NODES.nullNode();
    }
    if (tag == Tag.BOOL) {
      Boolean b = bool(text);
      if (b == null) {
        throw GIVE_UP;
      }
      return new ResolvedScalar(text, NODES.booleanNode(b));
    }
    if (tag == Tag.INT) {
      if (!plainDecimal(text)) {
        throw GIVE_UP; // 0x1F, 010, 1_000, +5, 1:30: the full parser reads those
      }
      return new ResolvedScalar(text, NODES.numberNode(Long.parseLong(text)));
    }
    if (tag == Tag.FLOAT) {
      throw GIVE_UP;
    }
    return NODES.textNode(text); // text, and the tags Jackson reads as text (dates, <<)
  }

  private static Boolean bool(String t) {
    return switch (t.length()) {
      case 2 -> t.equalsIgnoreCase("on") ? Boolean.TRUE : t.equalsIgnoreCase("no") ? false : null;
      case 3 -> t.equalsIgnoreCase("yes") ? Boolean.TRUE : t.equalsIgnoreCase("off") ? false : null;
      case 4 -> t.equalsIgnoreCase("true") ? Boolean.TRUE : null;
      case 5 -> t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
      default -> null;
    };
  }

  /** Whether every char is one that YAML 1.1's number patterns (int and float) may hold. */
  private static boolean numeric(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
          || "_:.+-xXoiInN".indexOf(c) >= 0)) { // hex, octal, exponents, .inf
        return false;
      }
    }
    return true;
  }

  /** 0, or an optional minus and up to 18 digits not starting with 0. */
  private static boolean plainDecimal(String t) {
    int i = t.startsWith("-") ? 1 : 0;
    int digits = t.length() - i;
    if (digits < 1 || digits > 18 || (t.charAt(i) == '0' && (digits > 1 || i == 1))) {
      return false;
    }
    for (int j = i; j < t.length(); j++) {
      if (t.charAt(j) < '0' || t.charAt(j) > '9') {
        return false;
      }
    }
    return true;
  }

  private static JsonNode doubleQuoted(String s, int i, int end, boolean keep) {
    StringBuilder sb = null;
    int run = i + 1;
    int j = i + 1;
    while (true) {
      if (j >= end) {
        throw GIVE_UP; // the value goes on to the next line
      }
      char c = s.charAt(j);
      if (c == '"') {
        break;
      }
      if (c != '\\') {
        j++;
        continue;
      }
      if (j + 1 >= end) {
        throw GIVE_UP;
      }
      char e = s.charAt(j + 1);
      int width = 2;
      char out;
      switch (e) {
        case '\\', '"' -> out = e;
        case 'n' -> out = '\n';
        case 't' -> out = '\t';
        case 'r' -> out = '\r';
        case 'u' -> {
          out = hex4(s, j + 2, end);
          width = 6;
        }
        default -> throw GIVE_UP;
      }
      if (keep) {
        if (sb == null) {
          sb = new StringBuilder(j - i + 16);
        }
        sb.append(s, run, j).append(out);
      }
      j += width;
      run = j;
    }
    afterQuote(s, j + 1, end);
    if (!keep) {
      return null;
    }
    return NODES.textNode(sb == null ? s.substring(i + 1, j) : sb.append(s, run, j).toString());
  }

  private static char hex4(String s, int from, int end) {
    if (from + 4 > end) {
      throw GIVE_UP;
    }
    int v = 0;
    for (int k = from; k < from + 4; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 'f') {
        throw GIVE_UP;
      }
      v = v * 16 + d;
    }
    if (Character.isSurrogate((char) v)) {
      throw GIVE_UP;
    }
    return (char) v;
  }

  private static JsonNode singleQuoted(String s, int i, int end, boolean keep) {
    StringBuilder sb = null;
    int run = i + 1;
    int j = i + 1;
    while (true) {
      if (j >= end) {
        throw GIVE_UP;
      }
      if (s.charAt(j) != '\'') {
        j++;
        continue;
      }
      if (j + 1 < end && s.charAt(j + 1) == '\'') {
        if (keep) {
          if (sb == null) {
            sb = new StringBuilder(j - i + 16);
          }
          sb.append(s, run, j + 1);
        }
        j += 2;
        run = j;
        continue;
      }
      break;
    }
    afterQuote(s, j + 1, end);
    if (!keep) {
      return null;
    }
    return NODES.textNode(sb == null ? s.substring(i + 1, j) : sb.append(s, run, j).toString());
  }

  /** After a closing quote: nothing but spaces, then maybe a comment set off by a space. */
  private static void afterQuote(String s, int k, int end) {
    int j = k;
    while (j < end && s.charAt(j) == ' ') {
      j++;
    }
    if (j < end && (s.charAt(j) != '#' || j == k)) {
      throw GIVE_UP;
    }
  }
}
