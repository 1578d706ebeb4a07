package io.tidings;

import io.tidings.config.Shown;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code TIDINGS_LOG_FORMAT} and {@code TIDINGS_LOG_LEVEL}, read from the environment only: by
 * logback rather than by a setting, so checked here before the first logger is made.
 */
final class LogSettings {
  private static final List<String> LEVELS =
      List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private LogSettings() {}

  /**
   * Sets the property that logback.xml reads to pick the appender.
   *
   * @return the one-line error when a variable has a value it does not take
   */
  static Optional<String> apply(Map<String, String> env) {
    String format = env.getOrDefault("TIDINGS_LOG_FORMAT", "").strip().toLowerCase(Locale.ROOT);
    if (!List.of("", "human", "json").contains(format)) {
      return Optional.of("tidings: TIDINGS_LOG_FORMAT must be human or json, got "
          + Shown.quoted(env.get("TIDINGS_LOG_FORMAT")));
    }
    // logback reads it; a level it does not know would silently turn into DEBUG
    String level = env.getOrDefault("TIDINGS_LOG_LEVEL", "INFO").strip().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      return Optional.of("tidings: TIDINGS_LOG_LEVEL must be one of " + String.join(", ", LEVELS)
          + ", got " + Shown.quoted(env.get("TIDINGS_LOG_LEVEL")));
    }
    System.setProperty("tidings.log.format", format.isEmpty() ? "human" : format);
    return Optional.empty();
  }
}
