package io.tidings.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Article files whose YAML breaks inside a {@code secured} value: every spelling of the key YAML
 * accepts x every line break YAML knows x kinds of syntax error, the broken text being the
 * {@link #MARK} (in keys and values). Whatever the error says, the mark must not be in it.
 */
public final class SecuredErrorCases {
  /** In every secured key and value below; nothing else in the files holds it. */
  public static final String MARK = "QZXSECRETKEY";

  private SecuredErrorCases() {}

  /** One file: a name made of its coordinates, and its text. */
  public record Case(String name, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** How the key is written: %s is the value (which starts on the key's line). */
  static final Map<String, String> SPELLINGS = Map.ofEntries(
      Map.entry("plain", "secured: %s"),
      Map.entry("dquoted", "\"secured\": %s"),
      Map.entry("squoted", "'secured': %s"),
      Map.entry("escaped", "\"sec\\x75red\": %s"),
      Map.entry("complex", "? secured\n: %s"),
      Map.entry("upper", "SECURED: %s"),
      Map.entry("capital", "Secured: %s"),
      Map.entry("nested", "related:\n  - title: R\n    webUrl: https://r.example.org/\n"
          + "    secured: %s"),
      Map.entry("flow", "extra: {a: 1, secured: %s}"));

  /** Line breaks YAML knows; each one is put before the key and inside the value. */
  static final Map<String, String> BREAKS = Map.of(
      "lf", "\n", "crlf", "\r\n", "cr", "\r", "nel", "\u0085", "ls", "\u2028", "ps", "\u2029");

  /** Broken values; %n is the line break, M the mark. Flow-safe ones first. */
  static final Map<String, String> ERRORS = Map.ofEntries(
      Map.entry("dupflow", "{M: 1, M: 2}"),
      Map.entry("dupflowlb", "{M: 1,%nM: 2}"),
      Map.entry("dupnested", "{a: {M: 1, M: 2}}"),
      Map.entry("unclosed", "\"M"),
      Map.entry("unclosedsq", "'M"),
      Map.entry("escape", "\"M\\qM\""),
      Map.entry("hexescape", "\"M\\xZM\""),
      Map.entry("flowlist", "[M, M"),
      Map.entry("flowmap", "{M: 1"),
      Map.entry("colon", "M: x: M"),
      Map.entry("control", "M\u0001M"),
      Map.entry("tabinflow", "[M,\tM:\t]"),
      Map.entry("block", "|M%n  M"),
      Map.entry("dupblock", "%n  M: 1%n  M: 2"),
      Map.entry("indent", "%n  M: 1%n   M: 2"),
      Map.entry("tab", "%n  M: 1%n\tM: 2"),
      Map.entry("anchor", "&M x"),
      Map.entry("complexkey", "{? [M]: 1}"),
      Map.entry("listindent", "%n  - M%n - M"));

  private static final String HEAD = "---\ntitle: T\npublishedDateTime: 2023-10-17T16:45:00Z\n"
      + "originalUrl: https://example.com/a\n";

  /** Every combination, each a whole file. */
  public static List<Case> all() {
    List<Case> out = new ArrayList<>();
    for (var spelling : SPELLINGS.entrySet()) {
      for (var lb : BREAKS.entrySet()) {
        for (var error : ERRORS.entrySet()) {
          String value = error.getValue().replace("%n", lb.getValue()).replace("M", MARK);
          String key = spelling.getValue().replace("\n", lb.getValue());
          String text = HEAD + "excerpt: before" + lb.getValue() + String.format(key, value)
              + lb.getValue() + "quality: 3\n---\n";
          if (error.getKey().equals("anchor")) {
            text = text.replace("quality: 3", "other: *" + MARK);
          }
          out.add(new Case(spelling.getKey() + "-" + lb.getKey() + "-" + error.getKey(), text));
        }
      }
    }
    return out;
  }
}
