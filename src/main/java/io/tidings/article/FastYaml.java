package io.tidings.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the front matter that nearly every article file has without the YAML library, to the
 * same tree {@link YamlTree}'s full reading gives: block mappings and lists by indentation,
 * keys of letters, digits and {@code _}, values on one line (plain, {@code "double"} with the
 * common escapes, or {@code 'single'} quoted), comments. Plain values are typed by the YAML
 * library's own resolver and the same rules as Jackson's parser ({@code Yes} is a boolean,
 * {@code 13} a whole number, a date text), so both readings agree.
 *
 * <p>Anything beyond that (tabs, carriage returns and the other line breaks YAML knows,
 * control characters, flow collections, anchors, aliases, tags, block scalars, a value on
 * several lines, a quoted or unusual key, a repeated key, an escape it does not know, a number
 * that is not plain decimal) makes it give up, returning null: then the full parser reads the
 * file, and every error is that parser's, in the same words as before. It never reports an
 * error of its own. A {@code secured} key in any spelling {@link YamlTree#isDropped} names has its
 * value passed over without making text of it, and a misspelt one is named as the full reading
 * names it.
 */
final class FastYaml {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SECURED = "secured";
  private static final int MAX_DEPTH = 16;

  private static final RuntimeException GIVE_UP = FastScalars.GIVE_UP;

  private final String s;
  private final int n;
  private final boolean supplementary;
  private final Map<String, Long> starts = new HashMap<>();
  private final List<Map.Entry<String, Long>> misnamed = new ArrayList<>(0);
  /** Where each line after the first starts (char indexes, the same as code point indexes here). */
  private long[] lineStarts = new long[64];
  private int lines;
  /** The next line to look at. */
  private int pos;
  /** The current content line: its indentation (-1 at the end), first character, end. */
  private int indent;
  private int at;
  private int end;

  private FastYaml(String yaml, boolean supplementary) {
    this.s = yaml;
    this.n = yaml.length();
    this.supplementary = supplementary;
  }

  /** The tree of {@code yaml}, or null when it goes beyond what this reads. */
  static YamlTree.Root read(String yaml) {
    int chars = plainChars(yaml);
    if (chars < 0) {
      return null;
    }
    FastYaml r = new FastYaml(yaml, chars > 0);
    try {
      r.nextContent();
      if (r.indent != 0) {
        return null;
      }
      ObjectNode root = (ObjectNode) r.mapping(0, true, 0, true);
      if (r.indent != -1 || root.isEmpty()) {
        return null;
      }
      // The line table comes with the reading when every char is a code point; else on demand.
      long[] table = chars > 0 ? null : java.util.Arrays.copyOf(r.lineStarts, r.lines);
      return new YamlTree.Root(root, r.starts, yaml, List.copyOf(r.misnamed),
          new java.util.concurrent.atomic.AtomicReference<>(table));
    } catch (FastScalars.GiveUp | StringIndexOutOfBoundsException e) {
      return null;
    }
  }

  /**
   * -1 when the text holds a character this does not read (any control character but line
   * feed, tab included; DEL; C1; the line and paragraph separators; a byte order mark; a lone
   * surrogate; U+FFFE and U+FFFF), 1 when it holds characters beyond the BMP, else 0.
   */
  private static int plainChars(String s) {
    int supplementary = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c >= 0x20 && c < 0x7F) || c == '\n') {
        continue;
      }
      if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
        return -1;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= n
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return -1;
        }
        i++;
        supplementary = 1;
      }
    }
    return supplementary;
  }

  /** Moves to the next line with content: blank lines and comment lines are passed over. */
  private void nextContent() {
    while (pos < n) {
      int e = s.indexOf('\n', pos);
      if (e < 0) {
        e = n;
      }
      int i = pos;
      while (i < e && s.charAt(i) == ' ') {
        i++;
      }
      if (i == e || s.charAt(i) == '#') {
        passLine(e);
        continue;
      }
      indent = i - pos;
      at = i;
      end = e;
      return;
    }
    indent = -1;
    at = end = n;
  }

  private void consumeLine() {
    passLine(end);
    nextContent();
  }

  /** Moves past the line ending at {@code e} (a line feed, or the end of the text). */
  private void passLine(int e) {
    pos = e + 1;
    if (e < n) {
      if (lines == lineStarts.length) {
        lineStarts = java.util.Arrays.copyOf(lineStarts, lines * 2);
      }
      lineStarts[lines++] = pos;
    }
  }

  /** A block mapping whose keys stand at {@code ind}; builds nothing unless {@code keep}. */
  private JsonNode mapping(int ind, boolean keep, int depth, boolean top) {
    ObjectNode o = keep ? NODES.objectNode() : null;
    List<String> keys = new ArrayList<>();
    while (indent == ind) {
      int colon = keyEnd(at);
      if (colon < 0) {
        throw GIVE_UP;
      }
      String key = s.substring(at, colon);
      if (keys.contains(key)) {
        throw GIVE_UP; // the full parser names the repeated key
      }
      keys.add(key);
      boolean dropped = YamlTree.isDropped(key);
      if (dropped && keep && !key.equals(SECURED)) {
        misnamed.add(Map.entry(key, codePointAt(at)));
      }
      if (top && !dropped) {
        starts.putIfAbsent(key, codePointAt(at));
      }
      JsonNode value = value(colon + 1, ind, keep && !dropped, depth);
      if (keep && !dropped) {
        o.set(key, value);
      }
    }
    if (indent > ind) {
      throw GIVE_UP; // a value on several lines, or indentation YAML refuses
    }
    return o;
  }

  /** The value after a key's colon at {@code from}. */
  private JsonNode value(int from, int ind, boolean keep, int depth) {
    int i = from;
    while (i < end && s.charAt(i) == ' ') {
      i++;
    }
    if (i < end) {
      JsonNode v = FastScalars.scalar(s, i, end, keep);
      consumeLine();
      return v;
    }
    consumeLine();
    if (depth >= MAX_DEPTH) {
      throw GIVE_UP;
    }
    if (indent > ind) {
      return startsItem() ? sequence(indent, keep, depth + 1)
          : mapping(indent, keep, depth + 1, false);
    }
    if (indent == ind && startsItem()) {
      return sequence(ind, keep, depth + 1); // a list at the key's own indentation
    }
    return keep ? NODES.textNode("") : null; // no value: Jackson's parser gives empty text
  }

  private boolean startsItem() {
    return s.charAt(at) == '-' && (at + 1 == end || s.charAt(at + 1) == ' ');
  }

  /** A block list whose {@code -} stand at {@code ind}. */
  private JsonNode sequence(int ind, boolean keep, int depth) {
    ArrayNode a = keep ? NODES.arrayNode() : null;
    while (indent == ind && startsItem()) {
      int i = at + 1;
      while (i < end && s.charAt(i) == ' ') {
        i++;
      }
      if (i == end || (s.charAt(i) == '-' && (i + 1 == end || s.charAt(i + 1) == ' '))) {
        throw GIVE_UP; // the item on the next lines, or a list in a list
      }
      JsonNode item;
      if (keyEnd(i) > 0) {
        if (depth >= MAX_DEPTH) {
          throw GIVE_UP;
        }
        indent = i - pos; // a mapping whose first key stands on the item's line
        at = i;
        item = mapping(indent, keep, depth + 1, false);
      } else {
        item = FastScalars.scalar(s, i, end, keep);
        consumeLine();
      }
      if (keep) {
        a.add(item);
      }
    }
    if (indent > ind) {
      throw GIVE_UP;
    }
    return a;
  }

  /** Where the colon of a key starting at {@code i} is, or -1 when no plain key starts there. */
  private int keyEnd(int i) {
    char c = s.charAt(i);
    if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')) {
      return -1;
    }
    int j = i + 1;
    while (j < end) {
      c = s.charAt(j);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
        j++;
      } else {
        break;
      }
    }
    return j < end && s.charAt(j) == ':' && (j + 1 == end || s.charAt(j + 1) == ' ') ? j : -1;
  }

  private long codePointAt(int index) {
    return supplementary ? s.codePointCount(0, index) : index;
  }
}
