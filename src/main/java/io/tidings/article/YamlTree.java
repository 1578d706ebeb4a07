package io.tidings.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The front matter's YAML as a tree, with the place of each top-level field so that a field's
 * error can point at it. Aliases ({@code *name}) are refused: an article has no use for them
 * and they are how "billion laughs" files multiply themselves.
 *
 * <p>{@code secured} (FORMAT.md: an opaque upstream blob that must never reach any output) stops
 * here: a key that is {@code secured} in any spelling YAML allows (quoted, {@code ? secured},
 * in flow style, any case, at any depth) has its value skipped unread; so has a key that is a
 * misspelling of it ({@code secure}, {@code secrued}: two edits at most, {@link #isDropped}),
 * whose name alone is kept ({@link Root#misnamedSecured}) for the checker to name. A syntax error is
 * reported in {@link YamlProblem}'s words, which quote nothing of the file; whether it arose
 * inside a secured value is known from the parser's own events (the value is skipped between
 * two counter updates), never from counting lines of the text.
 *
 * <p>Every scalar keeps its text as the file writes it (the parser's text of the scalar, which
 * is YAML's own folding of a multi-line value and nothing more): one that YAML 1.1 resolves to a
 * number or a boolean ({@code Yes}, {@code 3.10}, {@code 0x1F}) becomes a {@link ResolvedScalar},
 * text first, with YAML's typed reading beside it for the number and boolean fields. Only YAML
 * null ({@code ~}, {@code null}, {@code Null}, {@code NULL}, nothing) is no value.
 */
final class YamlTree {
  private static final int MAX_DEPTH = 32;
  /** docs/format.md: an opaque upstream blob that must never reach any output; it stops here. */
  private static final String DROPPED = "secured";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final YAMLFactory factory;

  YamlTree(long maxChars) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(1024, maxChars)));
    this.factory = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
    this.factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * The root mapping and where each top-level field starts (a code point index of the YAML);
   * the keys at any depth that were taken for a misspelt secured, with where each starts.
   */
  record Root(ObjectNode fields, Map<String, Long> starts, String yaml,
      List<Map.Entry<String, Long>> misnamedSecured,
      AtomicReference<long[]> lineStarts) {
    Root(ObjectNode fields, Map<String, Long> starts, String yaml,
        List<Map.Entry<String, Long>> misnamedSecured) {
      this(fields, starts, yaml, misnamedSecured, new AtomicReference<>());
    }

    /** The file line of a top-level field, 0 when it is not written. */
    int lineOf(String field) {
      Long at = starts.get(field);
      return at == null ? 0 : lineAt(at);
    }

    /** The file line of a code point index of the YAML. */
    int lineAt(long at) {
      return YamlProblem.lineOf(lineTable(), at);
    }

    private long[] lineTable() {
      long[] starts = lineStarts.get();
      if (starts == null) { // once per file, only when a line is asked for
        starts = YamlProblem.lineStarts(yaml);
        lineStarts.set(starts);
      }
      return starts;
    }
  }

  /**
   * Whether a key names the secured field: in any case, after Unicode compatibility folding,
   * or misspelt by two edits at most (without dots, dashes, underscores and spaces). No field
   * of docs/format.md is that near, so no field is lost; and a value that a pipeline meant to be
   * secured is not read, whatever the slip in its name.
   */
  static boolean isDropped(String key) {
    if (key == null || KEPT.contains(key)) {
      return false;
    }
    return isDroppedByRule(key);
  }

  /** The fields docs/format.md defines: none is within two edits of secured (checked at start). */
  private static final java.util.Set<String> KEPT = keptFields();

  private static java.util.Set<String> keptFields() {
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (List<String> names : List.of(KnownFields.ARTICLE, KnownFields.PROVIDER,
        KnownFields.IMAGE, KnownFields.RELATED)) {
      for (String name : names) {
        if (!isDroppedByRule(name)) { // by the rule itself, so the shortcut changes nothing
          kept.add(name);
        }
      }
    }
    return java.util.Set.copyOf(kept);
  }

  private static boolean isDroppedByRule(String key) {
    String k = Normalizer.normalize(key, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    return k.equals(DROPPED)
        || EditDistance.of(EditDistance.fold(k), DROPPED, MISSPELT) <= MISSPELT;
  }

  /** Edits within which a key is taken for a misspelt secured. */
  private static final int MISSPELT = 2;

  Root parse(String yaml) throws ArticleFileException {
    Root fast = FastYaml.read(yaml);
    return fast != null ? fast : full(yaml);
  }

  /** The YAML library's reading, for any text; {@link #parse} takes it when {@link FastYaml} cannot. */
  Root full(String yaml) throws ArticleFileException {
    YAMLParser parser;
    try {
      parser = (YAMLParser) factory.createParser(yaml);
    } catch (IOException e) {
      throw new ArticleFileException(0, 0, "could not read the YAML");
    }
    Reading reading = new Reading(parser);
    try (parser) {
      return reading.root(yaml);
    } catch (JsonProcessingException e) {
      boolean inside = reading.dropping > 0 || insideDropped(parser.getParsingContext());
      String key = inside ? null : parser.getParsingContext().getCurrentName();
      throw YamlProblem.describe(e, yaml, key, tokenAt(parser), inside);
    } catch (IOException e) {
      throw new ArticleFileException(0, 0, "could not read the YAML");
    }
  }

  /** One parse: the parser and how deep it is in secured values being skipped. */
  private static final class Reading {
    private final YAMLParser p;
    /** Above 0 while a secured value is being skipped: a failure now is inside it. */
    int dropping;
    /** Keys skipped as secured that are not spelt exactly so, with where each starts. */
    List<Map.Entry<String, Long>> misnamed = new ArrayList<>();

    Reading(YAMLParser p) {
      this.p = p;
    }

    Root root(String yaml) throws IOException, ArticleFileException {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ArticleFileException(1, 0,
            "the front matter is empty; title, publishedDateTime and originalUrl are required");
      }
      if (first != JsonToken.START_OBJECT) {
        throw YamlProblem.at(yaml, tokenAt(p),
            "the front matter must be YAML fields (key: value), but it is "
                + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
      }
      Map<String, Long> starts = new HashMap<>();
      ObjectNode root = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (skippedDropped(name)) {
          continue;
        }
        starts.putIfAbsent(name, tokenAt(p));
        p.nextToken();
        root.set(name, value(yaml));
      }
      return new Root(root, starts, yaml, List.copyOf(misnamed));
    }

    /** Skips the value of a secured key unread: not even a number conversion may see it. */
    private boolean skippedDropped(String name) throws IOException {
      if (!isDropped(name)) {
        return false;
      }
      if (!name.equals(DROPPED)) {
        misnamed.add(Map.entry(name, tokenAt(p)));
      }
      dropping++; // before its first token is read: the scanner fails while reading it
      p.nextToken();
      p.skipChildren();
      dropping--;
      return true;
    }

    private JsonNode value(String yaml) throws IOException, ArticleFileException {
      if (p.isCurrentAlias()) {
        throw YamlProblem.at(yaml, tokenAt(p),
            "YAML aliases (*name) are not allowed in article files; write the value out");
      }
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          ObjectNode o = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!skippedDropped(name)) {
              p.nextToken();
              o.set(name, value(yaml));
            }
          }
          return o;
        }
        case START_ARRAY -> {
          ArrayNode a = NODES.arrayNode();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(value(yaml));
          }
          return a;
        }
        case VALUE_NULL -> {
          return NODES.nullNode(); // ~, null, Null, NULL or nothing: no value, as YAML says
        }
        case VALUE_NUMBER_INT -> {
          return new ResolvedScalar(p.getText(),
              p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                  ? null : NODES.numberNode(p.getLongValue()));
        }
        case VALUE_NUMBER_FLOAT -> {
          return new ResolvedScalar(p.getText(), null); // no field is a fraction: never converted
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return new ResolvedScalar(p.getText(), NODES.booleanNode(t == JsonToken.VALUE_TRUE));
        }
        default -> {
          // VALUE_STRING (quoted, or plain that YAML leaves text: dates, 12:30, y) and any other
          // tagged scalar (!!binary): the scalar's text, as written
          return NODES.textNode(p.getText());
        }
      }
    }
  }

  /** Whether the parser is within a secured value: a key on its path is a secured spelling. */
  private static boolean insideDropped(JsonStreamContext context) {
    for (JsonStreamContext c = context == null ? null : context.getParent(); c != null;
        c = c.getParent()) {
      if (isDropped(c.getCurrentName())) {
        return true;
      }
    }
    return false;
  }

  /** The code point index at which the parser's current token starts, -1 when unknown. */
  private static long tokenAt(JsonParser p) {
    var at = p.currentTokenLocation();
    return at == null ? -1 : at.getCharOffset();
  }
}
