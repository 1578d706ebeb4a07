package io.tidings.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A config file's YAML as dotted keys and their text, each with the line and column it was
 * written at. Every way the text can be wrong is one line, {@code FILE:LINE:COLUMN: reason}, in
 * our words: never the YAML library's message with its quoted snippet and caret.
 */
final class ConfigYaml {
  /** A setting's text as the file wrote it (a list joined with commas), and where. */
  record Value(String text, int line, int column) {}

  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
      .build();

  private final String file;
  private final Map<String, Value> values = new LinkedHashMap<>();
  private final Map<String, Integer> seenAt = new LinkedHashMap<>();

  private ConfigYaml(String file) {
    this.file = file;
  }

  /**
   * @param file the file's name as it appears in messages (control characters escaped)
   * @param text its text
   */
  static Map<String, Value> parse(String file, String text) throws ConfigException {
    ConfigYaml yaml = new ConfigYaml(file);
    yaml.unprintable(text);
    try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
      yaml.document(p);
    } catch (JsonProcessingException e) {
      throw yaml.syntax(e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be parsed: " + Shown.plain(String.valueOf(e)));
    }
    return yaml.values;
  }

  private void document(YAMLParser p) throws IOException, ConfigException {
    JsonToken first = p.nextToken();
    if (first == JsonToken.START_OBJECT) {
      mapping(p, "");
    } else if (first != null && first != JsonToken.VALUE_NULL) {
      throw at(p.currentTokenLocation(), "the file must be sections of keys (http:, content:,"
          + " ...), but it is " + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
    }
    if (p.nextToken() != null) {
      throw at(p.currentTokenLocation(), "a second YAML document (after ---); a config file"
          + " holds one");
    }
  }

  private void mapping(YAMLParser p, String prefix) throws IOException, ConfigException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + p.currentName();
      JsonLocation where = p.currentTokenLocation();
      Integer first = seenAt.putIfAbsent(key, where.getLineNr());
      if (first != null) {
        throw at(where, Shown.plain(key) + " is written twice (first on line " + first
            + "); keep one");
      }
      JsonToken t = p.nextToken();
      if (p.isCurrentAlias()) {
        throw at(p.currentTokenLocation(), "YAML aliases (*name) are not supported in the"
            + " config file; write the value of " + Shown.plain(key) + " out");
      }
      boolean section = isSection(key);
      if (!section && Settings.find(key) == null) {
        throw at(where, unknownKey(key));
      }
      if (section) {
        if (t == JsonToken.START_OBJECT) {
          mapping(p, key + ".");
        } else if (t != JsonToken.VALUE_NULL && !(t == JsonToken.VALUE_STRING
            && p.getText().isEmpty())) { // empty: a section whose keys are all commented out
          throw at(where, key + " is a section, not a setting: write its keys below it,"
              + " indented (" + keysOf(key) + ")");
        }
        continue;
      }
      if (t == JsonToken.START_OBJECT) {
        throw at(where, key + " takes a value, not keys below it");
      }
      values.put(key, new Value(value(p, key, t), where.getLineNr(), where.getColumnNr()));
    }
  }

  private String value(YAMLParser p, String key, JsonToken t) throws IOException, ConfigException {
    if (t != JsonToken.START_ARRAY) {
      return scalar(p, key, t);
    }
    StringBuilder list = new StringBuilder();
    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
      if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY || p.isCurrentAlias()) {
        throw at(p.currentTokenLocation(), key + " takes a list of plain values only");
      }
      list.append(list.length() == 0 ? "" : ",").append(scalar(p, key, item));
    }
    return list.toString();
  }

  private String scalar(YAMLParser p, String key, JsonToken t) throws IOException, ConfigException {
    return switch (t) {
      case VALUE_NULL -> "";
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          p.getText();
      default -> throw at(p.currentTokenLocation(), key + " has a value of a kind a setting"
          + " cannot take (a YAML tag such as !!binary?); write it as plain text");
    };
  }

  static boolean isSection(String key) {
    return Settings.ALL.stream().anyMatch(s -> s.key().startsWith(key + "."));
  }

  /** "unknown key http.prot; did you mean http.port?", or the keys there are. */
  private static String unknownKey(String key) {
    Set<String> sections = Settings.ALL.stream().map(s -> s.key().substring(0, s.key().indexOf('.')))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    Optional<String> near = Spelling.nearest(key, Stream.concat(sections.stream(),
        Settings.ALL.stream().map(Setting::key)).toList());
    String known;
    int dot = key.lastIndexOf('.');
    if (near.isPresent()) {
      known = "did you mean " + near.get() + "?";
    } else if (dot > 0 && isSection(key.substring(0, dot))) {
      known = "the keys of " + key.substring(0, dot) + " are " + keysOf(key.substring(0, dot));
    } else {
      known = "the sections are " + String.join(", ", sections);
    }
    return "unknown key " + Shown.plain(key) + "; " + known;
  }

  private static String keysOf(String section) {
    return Settings.ALL.stream().map(Setting::key).filter(k -> k.startsWith(section + "."))
        .map(k -> k.substring(section.length() + 1)).collect(Collectors.joining(", "));
  }

  private ConfigException at(JsonLocation where, String reason) {
    return at(where.getLineNr(), where.getColumnNr(), reason);
  }

  private ConfigException at(int line, int column, String reason) {
    return new ConfigException(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "")
        : "") + ": " + reason);
  }

  /** A character that YAML does not allow (a control character), at its line and column. */
  private void unprintable(String text) throws ConfigException {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (!StreamReader.isPrintable(c)) {
        throw at(line, column, String.format("the control character U+%04X is not allowed in"
            + " a YAML file; remove it (or write it as an escape in a \"quoted\" value)", c));
      }
      column++;
    }
  }

  /** A syntax error in our words, at the line and column the problem is. */
  private ConfigException syntax(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        String problem = String.valueOf(m.getProblem());
        String context = m.getContext() == null ? "" : m.getContext();
        Mark mark = m.getProblemMark();
        String reason;
        if (problem.contains("\\t") || problem.contains("(TAB)")) {
          reason = "a tab; indent with spaces, not tabs";
        } else if (problem.startsWith("mapping values are not allowed")) {
          reason = "a ':' where none may be: quote a value that contains ': ', and indent the"
              + " keys of one section alike";
        } else if (context.contains("quoted scalar") && m.getContextMark() != null) {
          mark = m.getContextMark();
          reason = "a quoted value that is never closed";
        } else if (context.contains("flow sequence") && m.getContextMark() != null) {
          mark = m.getContextMark();
          reason = "a list [ that is never closed with ]";
        } else if (context.contains("flow mapping") && m.getContextMark() != null) {
          mark = m.getContextMark();
          reason = "a mapping { that is never closed with }";
        } else if (problem.contains("expected <block end>")
            || problem.contains("could not find expected ':'")) {
          reason = "bad indentation: the keys of one section must be indented alike, each"
              + " line written key: value";
        } else {
          reason = "invalid YAML: " + oneLine((context.isEmpty() ? "" : context + ": ") + problem);
        }
        return at(mark.getLine() + 1, mark.getColumn() + 1, reason);
      }
    }
    String message = String.valueOf(e.getOriginalMessage());
    String reason;
    if (message.startsWith("Expected a field name")) {
      reason = "a key must be plain text, not a list or a mapping";
    } else if (message.contains("nesting depth")) {
      reason = "nested too deeply for a config file";
    } else {
      reason = "invalid YAML: " + oneLine(message);
    }
    JsonLocation where = e.getLocation();
    return where == null ? at(0, 0, reason) : at(where, reason);
  }

  private static String oneLine(String s) {
    return Shown.plain(s.replaceAll("\\s+", " ").strip());
  }
}
