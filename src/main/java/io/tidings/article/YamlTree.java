package io.tidings.article;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The front matter's YAML as a tree, with the line of each top-level field so that a field's
 * error can point at it. Aliases ({@code *name}) are refused: an article has no use for them
 * and they are how "billion laughs" files multiply themselves.
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

  /** The root mapping and each top-level field's line in the file. */
  record Root(ObjectNode fields, Map<String, Integer> lines) {
    int lineOf(String field) {
      return lines.getOrDefault(field, 0);
    }
  }

  Root parse(String yaml) throws ArticleFileException {
    try (YAMLParser parser = (YAMLParser) factory.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ArticleFileException(1, 0,
            "the front matter is empty; title, publishedDateTime and originalUrl are required");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ArticleFileException(fileLine(parser.currentTokenLocation()), 0,
            "the front matter must be YAML fields (key: value), but it is "
                + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
      }
      Map<String, Integer> lines = new HashMap<>();
      ObjectNode root = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        lines.putIfAbsent(name, fileLine(parser.currentTokenLocation()));
        parser.nextToken();
        if (name.equals(DROPPED)) {
          parser.skipChildren(); // never read its value: not even a number conversion error may quote it
          continue;
        }
        root.set(name, value(parser));
      }
      return new Root(root, lines);
    } catch (JsonProcessingException e) {
      throw yamlError(e, yaml);
    } catch (IOException e) {
      throw new ArticleFileException(0, 0, "could not read the YAML: " + e.getMessage());
    }
  }

  private JsonNode value(YAMLParser p) throws IOException, ArticleFileException {
    if (p.isCurrentAlias()) {
      throw new ArticleFileException(fileLine(p.currentTokenLocation()),
          p.currentTokenLocation().getColumnNr(),
          "YAML aliases (*name) are not allowed in article files; write the value out");
    }
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          o.set(name, value(p));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(value(p));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? NODES.textNode(p.getText()) : NODES.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }

  /** A YAML syntax error in an author's words; never quotes the offending text (it may be a secret). */
  private static ArticleFileException yamlError(JsonProcessingException e, String yaml) {
    ArticleFileException error = describe(e, yaml);
    if (inDroppedField(yaml, error.line)) {
      return new ArticleFileException(error.line, error.column,
          "invalid YAML in the value of " + DROPPED + " (its text is never shown); check its"
              + " quoting and indentation");
    }
    return error;
  }

  /**
   * Whether a file line falls inside the dropped field: from its {@code key:} line to the next
   * line that starts a top-level field.
   */
  static boolean inDroppedField(String yaml, int fileLine) {
    String[] lines = yaml.split("\n", -1);
    boolean inside = false;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      boolean topLevel = !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && l.charAt(0) != '#';
      if (topLevel) {
        inside = l.startsWith(DROPPED) && l.substring(DROPPED.length()).stripLeading()
            .startsWith(":");
      }
      if (inside && i + FrontMatter.FIRST_YAML_LINE == fileLine) {
        return true;
      }
    }
    return false;
  }

  private static ArticleFileException describe(JsonProcessingException e, String yaml) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ReaderException) {
        // its position is within snakeyaml's read buffer, not the text: find the character here
        ArticleFileException at = unprintable(yaml);
        if (at != null) {
          return at;
        }
      }
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        String problem = m.getProblem() == null ? "invalid YAML" : m.getProblem();
        String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
        return new ArticleFileException(m.getProblemMark().getLine() + FrontMatter.FIRST_YAML_LINE,
            m.getProblemMark().getColumn() + 1, "invalid YAML: " + oneLine(problem) + oneLine(context)
                + hint(problem));
      }
    }
    JsonLocation at = e.getLocation();
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Duplicate field")) {
      message = "a field is written twice: " + message.substring("Duplicate field ".length());
    } else if (message != null && message.contains("limit")) {
      message = "the YAML is too large or too deeply nested: " + message;
    }
    return new ArticleFileException(at == null ? 0 : fileLine(at),
        at == null ? 0 : at.getColumnNr(), "invalid YAML: " + oneLine(String.valueOf(message)));
  }

  /** The first character YAML does not allow (a control character), at its line and column. */
  private static ArticleFileException unprintable(String yaml) {
    int line = FrontMatter.FIRST_YAML_LINE;
    int column = 1;
    for (int i = 0; i < yaml.length(); ) {
      int cp = yaml.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (!StreamReader.isPrintable(cp)) {
        return new ArticleFileException(line, column, String.format(
            "invalid YAML: the control character U+%04X is not allowed in an article file;"
                + " remove it", cp));
      }
      column++;
    }
    return null;
  }

  private static String hint(String problem) {
    if (problem.contains("mapping values are not allowed")) {
      return "; a value that contains ': ' must be quoted, and fields of one level must be indented alike";
    }
    if (problem.contains("cannot start any token") && problem.contains("\\t")) {
      return "; indent with spaces, not tabs";
    }
    return "";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static int fileLine(JsonLocation location) {
    return location.getLineNr() <= 0 ? 0 : location.getLineNr() + FrontMatter.FIRST_YAML_LINE - 1;
  }
}
