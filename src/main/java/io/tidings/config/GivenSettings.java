package io.tidings.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each key's text and where it came from: its default, then the YAML file, then a
 * {@code TIDINGS_*} environment variable, then the command line; the later wins. A value that
 * its type refuses is refused here, with its key, its text, where it came from and what is
 * allowed.
 */
final class GivenSettings {
  private final Map<String, String> text = new LinkedHashMap<>();
  private final Map<String, String> origin = new LinkedHashMap<>();
  /** Keys whose value is the file's: their messages start with the file's line and column. */
  private final Set<String> fromFile = new HashSet<>();

  private GivenSettings() {}

  /**
   * @param file the YAML file, or null for none
   * @param env the environment ({@code System.getenv()})
   * @param overrides dotted keys from flags
   */
  static GivenSettings read(Path file, Map<String, String> env, Map<String, String> overrides)
      throws ConfigException {
    GivenSettings given = new GivenSettings();
    for (Setting s : Settings.ALL) {
      given.set(s.key(), s.defaultValue(), "default");
    }
    if (file != null) {
      String name = Shown.plain(file.toString());
      for (Map.Entry<String, ConfigYaml.Value> e
          : ConfigYaml.parse(name, ConfigFile.read(file)).entrySet()) {
        ConfigYaml.Value v = e.getValue();
        given.set(e.getKey(), v.text(), name + ":" + v.line() + ":" + v.column());
        given.fromFile.add(e.getKey());
      }
    }
    for (Setting s : Settings.ALL) {
      String v = env.get(s.envName());
      if (v != null) {
        given.set(s.key(), v, "environment variable " + s.envName());
      }
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (Settings.find(e.getKey()) == null) {
        throw new ConfigException("unknown setting " + Shown.plain(e.getKey())
            + Spelling.nearest(e.getKey(), keys()).map(k -> "; did you mean " + k + "?")
                .orElse(""));
      }
      given.set(e.getKey(), e.getValue(), "command line");
    }
    return given;
  }

  private void set(String key, String value, String from) {
    text.put(key, value);
    origin.put(key, from);
    fromFile.remove(key);
  }

  /** The setting's value, typed. */
  Object convert(Setting s) throws ConfigException {
    String t = text.get(s.key());
    try {
      return s.type().parse(t);
    } catch (IllegalArgumentException e) {
      String value = s.key() + " = " + Shown.quoted(t);
      throw new ConfigException((fromFile.contains(s.key())
          ? origin.get(s.key()) + ": " + value : value + " (from " + origin.get(s.key()) + ")")
          + " is not allowed: use " + e.getMessage());
    }
  }

  /** The key's text as given, control characters escaped. */
  String shown(String key) {
    return Shown.plain(text.get(key));
  }

  /** "default", "FILE:LINE:COLUMN", "environment variable NAME" or "command line". */
  String origin(String key) {
    return origin.get(key);
  }

  boolean isDefault(String key) {
    return origin.get(key).equals("default");
  }

  private static List<String> keys() {
    return Settings.ALL.stream().map(Setting::key).toList();
  }
}
