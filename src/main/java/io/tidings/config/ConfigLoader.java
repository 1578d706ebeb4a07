package io.tidings.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    GivenSettings given = GivenSettings.read(file, env, overrides);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting s : Settings.ALL) {
      values.put(s.key(), given.convert(s));
    }
    checkTogether(values, given);
    return ConfigBinding.bind(values);
  }

  /** What no one value shows: settings that must agree with each other. */
  private static void checkTogether(Map<String, Object> values, GivenSettings given)
      throws ConfigException {
    int defaultLimit = (Integer) values.get("feeds.defaultLimit");
    int maxLimit = (Integer) values.get("feeds.maxLimit");
    if (defaultLimit > maxLimit) {
      throw new ConfigException("feeds.defaultLimit = " + defaultLimit
          + " is larger than feeds.maxLimit = " + maxLimit + ": it must not be");
    }
    Duration keepAlive = (Duration) values.get("http.keepAliveTimeout");
    Duration idle = (Duration) values.get("http.idleTimeout");
    if (keepAlive.compareTo(idle) > 0) {
      if (given.isDefault("http.keepAliveTimeout")) {
        values.put("http.keepAliveTimeout", idle); // a shorter idle time-out shortens it too
      } else {
        throw new ConfigException("http.keepAliveTimeout = " + given.shown("http.keepAliveTimeout")
            + " (from " + given.origin("http.keepAliveTimeout") + ") is longer than"
            + " http.idleTimeout = " + given.shown("http.idleTimeout") + " (from "
            + given.origin("http.idleTimeout") + "): it must not be, or idle connections would be"
            + " closed before the time that responses promise (Keep-Alive: timeout)");
      }
    }
    if (!((String) values.get("websub.hub")).isEmpty()
        && ((String) values.get("http.baseUrl")).isEmpty()) {
      throw new ConfigException("websub.hub is set (" + given.origin("websub.hub")
          + ") but http.baseUrl is empty: set http.baseUrl to the public URL that subscribers"
          + " use, because the hub is told the feeds' URLs by it");
    }
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
