package io.tidings.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the configuration: defaults, then the YAML file, then {@code TIDINGS_*} environment
 * variables, then flags; the later wins. Every value is checked, and a bad one is refused with
 * its key, its value, where it came from and what is allowed.
 */
public final class ConfigLoader {
  /** Read when it exists and no other file is given. */
  public static final Path DEFAULT_FILE = Path.of("conf/config.yaml");

  /** Variables read by Main and logback rather than by a setting. */
  static final List<String> OTHER_VARIABLES = List.of("TIDINGS_LOG_FORMAT", "TIDINGS_LOG_LEVEL");

  private ConfigLoader() {}

  /**
   * @param file the YAML file, or null for none
   * @param env the environment ({@code System.getenv()})
   * @param overrides dotted keys from flags
   */
  public static Config load(Path file, Map<String, String> env, Map<String, String> overrides)
      throws ConfigException {
    Map<String, String> raw = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    for (Setting s : Settings.ALL) {
      raw.put(s.key(), s.defaultValue());
      origin.put(s.key(), "default");
    }
    Set<String> fromFile = new HashSet<>();
    if (file != null) {
      String name = Shown.plain(file.toString());
      for (Map.Entry<String, ConfigYaml.Value> e
          : ConfigYaml.parse(name, ConfigFile.read(file)).entrySet()) {
        ConfigYaml.Value v = e.getValue();
        raw.put(e.getKey(), v.text());
        origin.put(e.getKey(), name + ":" + v.line() + ":" + v.column());
        fromFile.add(e.getKey());
      }
    }
    for (Setting s : Settings.ALL) {
      String v = env.get(s.envName());
      if (v != null) {
        raw.put(s.key(), v);
        origin.put(s.key(), "environment variable " + s.envName());
        fromFile.remove(s.key());
      }
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (Settings.find(e.getKey()) == null) {
        throw new ConfigException("unknown setting " + Shown.plain(e.getKey())
            + Spelling.nearest(e.getKey(), keys()).map(k -> "; did you mean " + k + "?")
                .orElse(""));
      }
      raw.put(e.getKey(), e.getValue());
      origin.put(e.getKey(), "command line");
      fromFile.remove(e.getKey());
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Setting s : Settings.ALL) {
      String text = raw.get(s.key());
      try {
        typed.put(s.key(), s.type().parse(text));
      } catch (IllegalArgumentException e) {
        String value = s.key() + " = " + Shown.quoted(text);
        throw new ConfigException((fromFile.contains(s.key())
            ? origin.get(s.key()) + ": " + value : value + " (from " + origin.get(s.key()) + ")")
            + " is not allowed: use " + e.getMessage());
      }
    }
    int defaultLimit = (Integer) typed.get("feeds.defaultLimit");
    int maxLimit = (Integer) typed.get("feeds.maxLimit");
    if (defaultLimit > maxLimit) {
      throw new ConfigException("feeds.defaultLimit = " + defaultLimit
          + " is larger than feeds.maxLimit = " + maxLimit + ": it must not be");
    }
    Duration keepAlive = (Duration) typed.get("http.keepAliveTimeout");
    Duration idle = (Duration) typed.get("http.idleTimeout");
    if (keepAlive.compareTo(idle) > 0) {
      if (origin.get("http.keepAliveTimeout").equals("default")) {
        typed.put("http.keepAliveTimeout", idle); // a shorter idle time-out shortens it too
      } else {
        throw new ConfigException("http.keepAliveTimeout = "
            + Shown.plain(raw.get("http.keepAliveTimeout"))
            + " (from " + origin.get("http.keepAliveTimeout") + ") is longer than"
            + " http.idleTimeout = " + Shown.plain(raw.get("http.idleTimeout")) + " (from "
            + origin.get("http.idleTimeout") + "): it must not be, or idle connections would be"
            + " closed before the time that responses promise (Keep-Alive: timeout)");
      }
    }
    if (!((String) typed.get("websub.hub")).isEmpty()
        && ((String) typed.get("http.baseUrl")).isEmpty()) {
      throw new ConfigException("websub.hub is set (" + origin.get("websub.hub")
          + ") but http.baseUrl is empty: set http.baseUrl to the public URL that subscribers"
          + " use, because the hub is told the feeds' URLs by it");
    }
    return Config.of(typed);
  }

  /**
   * The file to read: the one given with {@code --config}, else {@code fallback} (the default
   * {@link #DEFAULT_FILE}) when there is anything at all at that path, so that a default that
   * is a directory, a FIFO or a broken link is reported rather than skipped; else none (null).
   */
  public static Path fileToRead(Path given, Path fallback) {
    if (given != null) {
      return given;
    }
    return Files.exists(fallback, LinkOption.NOFOLLOW_LINKS) ? fallback : null;
  }

  /**
   * One warning for each variable of the environment that looks meant for Tidings but is not
   * read: {@code TIDINGS_*} in any case, unknown; with the nearest name that is known. A typo
   * in a variable must not go unnoticed; it is a warning rather than an error because the
   * prefix is shared with variables read by other programs (the compose file's
   * {@code TIDINGS_CONTENT}, {@code TIDINGS_PUBLIC_PORT}).
   */
  public static List<String> unknownVariables(Map<String, String> env) {
    Set<String> known = new TreeSet<>(OTHER_VARIABLES);
    Settings.ALL.forEach(s -> known.add(s.envName()));
    List<String> warnings = new ArrayList<>();
    for (String name : new TreeSet<>(env.keySet())) {
      if (!name.toUpperCase(Locale.ROOT).startsWith("TIDINGS_") || known.contains(name)) {
        continue;
      }
      warnings.add("environment variable " + Shown.plain(name) + " is not a setting of"
          + " Tidings and is ignored; " + Spelling.nearest(name, known)
              .map(n -> "did you mean " + n + "?").orElse("--help lists the variables"));
    }
    return warnings;
  }

  private static List<String> keys() {
    return Settings.ALL.stream().map(Setting::key).toList();
  }

  /** The keys, defaults, environment variables and meanings, for {@code --help}. */
  public static String describe() {
    StringBuilder s = new StringBuilder();
    for (Setting st : Settings.ALL) {
      s.append(String.format("  %-26s %-32s default %s%n      %s%n", st.key(), st.envName(),
          st.defaultValue().isEmpty() ? "(empty)" : st.defaultValue(), st.help()));
    }
    return s.toString();
  }
}
