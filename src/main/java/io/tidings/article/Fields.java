package io.tidings.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Typed reads of one YAML mapping; each failure names the field, the value and what is allowed.
 * Text reads see every scalar as the file writes it ({@code Yes}, {@code 3.10}); number and
 * boolean reads see YAML's typed reading of it ({@link ResolvedScalar#typed}).
 */
final class Fields {
  private static final int MAX_QUOTED = 80;

  private final ObjectNode node;
  private final ToIntFunction<String> lineOf;

  Fields(ObjectNode node, ToIntFunction<String> lineOf) {
    this.node = node;
    this.lineOf = lineOf;
  }

  JsonNode node(String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? null : n;
  }

  String text(String field) {
    JsonNode n = node(field);
    if (n == null || !n.isValueNode()) {
      return null;
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  String requiredText(String field) throws ArticleFileException {
    JsonNode n = node(field);
    if (n == null && node.has(field)) { // written, but YAML null: 'title: ~', 'title: null'
      throw error(field, field + " is empty (YAML reads nothing, ~ and null as no value);"
          + " it must be non-blank text");
    }
    if (n == null) {
      throw new ArticleFileException(lineOf.applyAsInt(field), 0, field + " is missing; it is required");
    }
    if (!n.isValueNode()) {
      throw error(field, field + " must be text, not a " + (n.isArray() ? "list" : "mapping"));
    }
    String s = n.asText().strip();
    if (s.isEmpty()) {
      throw error(field, field + " is empty; it must be non-blank text");
    }
    return s;
  }

  Instant requiredInstant(String field) throws ArticleFileException {
    String raw = requiredText(field);
    Instant at = instant(raw);
    if (at == null) {
      throw error(field, field + " " + quote(raw)
          + " is not an ISO-8601 date-time with a zone, such as 2023-10-17T16:45:00Z");
    }
    Instant kept = Published.inRange(at);
    if (kept == null) {
      throw error(field, field + " is out of range: it must be " + Published.RANGE
          + ", the dates that RSS, Atom, JSON Feed and HTTP can all carry");
    }
    return kept;
  }

  /** A date, or null when it is absent, unreadable or out of range (see {@link Published}). */
  Instant lenientInstant(String field) {
    String raw = text(field);
    Instant at = raw == null ? null : instant(raw);
    return at == null ? null : Published.inRange(at);
  }

  static Instant instant(String raw) {
    try {
      return OffsetDateTime.parse(raw.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An absolute http(s) URL, or null when absent; anything else is an error naming the value. */
  String url(String field) throws ArticleFileException {
    String raw = text(field);
    if (raw == null) {
      return null;
    }
    String url = validUrl(raw);
    if (url == null) {
      throw error(field, field + " " + quote(raw) + " is not an absolute http(s) URL"
          + " such as https://example.com/story");
    }
    return url;
  }

  /** Alternates are never an identity and never shown: a bad one is dropped, not fatal. */
  String optionalUrl(String field) {
    return validUrl(text(field));
  }

  static String validUrl(String raw) {
    if (raw == null) {
      return null;
    }
    if (PlainUrl.isPlain(raw)) {
      return raw; // the usual shape, which URI would take too (PlainUrlTest)
    }
    try {
      URI u = new URI(raw);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
          && !u.getHost().isEmpty()) {
        return raw;
      }
    } catch (URISyntaxException e) {
      return null;
    }
    return null;
  }

  Integer integer(String field) throws ArticleFileException {
    JsonNode n = node(field);
    if (n == null) {
      return null;
    }
    JsonNode typed = ResolvedScalar.typed(n);
    if (typed != null && typed.isIntegralNumber() && typed.canConvertToInt()) {
      return typed.intValue(); // YAML 1.1's reading: 0x1F is 31, 1_000 is 1000, 010 is 8
    }
    if (typed == n && n.isTextual() && n.asText().strip().matches("[-+]?\\d{1,9}")) {
      return Integer.parseInt(n.asText().strip()); // quoted by a pipeline: "13" means 13
    }
    throw error(field, field + " " + quote(n.isValueNode() ? n.asText() : n.toString())
        + " is not a whole number");
  }

  Integer lenientInteger(String field) {
    JsonNode n = ResolvedScalar.typed(node(field));
    return n != null && n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : null;
  }

  boolean bool(String field, boolean absent) throws ArticleFileException {
    JsonNode n = node(field);
    if (n == null) {
      return absent;
    }
    JsonNode typed = ResolvedScalar.typed(n);
    if (typed != null && typed.isBoolean()) {
      return typed.booleanValue(); // YAML 1.1's booleans: true/false, yes/no, on/off, any case
    }
    throw error(field, field + " " + quote(n.asText()) + " must be true or false");
  }

  Provider provider(String field) {
    JsonNode n = node(field);
    if (n instanceof ObjectNode o) {
      Fields p = new Fields(o, k -> 0);
      String name = p.text("name");
      String domain = p.text("domain");
      return name == null && domain == null ? null : Interned.provider(name, domain);
    }
    if (n != null && n.isValueNode()) {
      return Interned.provider(n.asText(), null);
    }
    return null;
  }

  /**
   * The images of a list; each one that cannot be shown (no url, not a mapping) is dropped with
   * a slip at {@code line} that names it by {@code where} and index ({@code images[2]}).
   */
  static List<Image> images(JsonNode n, String where, int line, Slips slips) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      slips.add(line, where + " is not a list of images: it is ignored; write - url: ... for each");
      return List.of();
    }
    List<Image> out = new ArrayList<>(n.size());
    int index = 0;
    for (JsonNode item : n) {
      String at = where + "[" + index++ + "]";
      if (!(item instanceof ObjectNode o)) {
        slips.add(line, at + " is not an image (url, width, height): it is dropped");
        continue;
      }
      KnownFields.check(o, KnownFields.IMAGE, at + ": ", line, slips);
      Fields f = new Fields(o, k -> 0);
      String raw = f.text("url");
      String url = validUrl(raw);
      if (url == null) {
        slips.add(line, at + (raw == null ? " has no url"
            : ".url " + quote(raw) + " is not an absolute http(s) URL") + ": the image is dropped");
        continue;
      }
      JsonNode cached = ResolvedScalar.typed(f.node("isCached"));
      out.add(new Image(url, positive(f.lenientInteger("width")),
          positive(f.lenientInteger("height")), cached != null && cached.isBoolean()
              ? cached.booleanValue() : null));
    }
    return List.copyOf(out);
  }

  private static Integer positive(Integer i) {
    return i == null || i <= 0 ? null : i;
  }

  private ArticleFileException error(String field, String reason) {
    return new ArticleFileException(lineOf.applyAsInt(field), 0, reason);
  }

  /** A value quoted in a message: escaped and shortened (never a secured value: it is not read). */
  static String quote(String value) {
    return Printable.quote(value, MAX_QUOTED);
  }
}
