package io.tidings.config;

import java.util.Locale;

/**
 * One configuration key: its dotted name, its default, how a text value becomes a typed one,
 * and a line for {@code --help}. The environment variable is derived from the name:
 * {@code content.maxFileSize} is {@code TIDINGS_CONTENT_MAX_FILE_SIZE}.
 *
 * @param field where the value goes in the records of {@link Config}, as a dotted path of
 *     their component names: the key itself ({@code content.maxFileSize} is
 *     {@code Config.content().maxFileSize()}) unless {@link #nestedIn} says otherwise
 */
public record Setting(String key, String defaultValue, ValueType type, String help,
    String field) {

  Setting(String key, String defaultValue, ValueType type, String help) {
    this(key, defaultValue, type, help, key);
  }

  /**
   * The same setting, bound to a record nested in its section's: {@code http.maxHeaderSize}
   * nested in {@code limits} is {@code Config.http().limits().maxHeaderSize()}.
   */
  Setting nestedIn(String component) {
    int dot = key.indexOf('.');
    return new Setting(key, defaultValue, type, help,
        key.substring(0, dot) + "." + component + key.substring(dot));
  }

  public String envName() {
    StringBuilder s = new StringBuilder("TIDINGS_");
    for (char c : key.toCharArray()) {
      if (c == '.') {
        s.append('_');
      } else if (Character.isUpperCase(c)) {
        s.append('_').append(c);
      } else {
        s.append(Character.toUpperCase(c));
      }
    }
    return s.toString().toUpperCase(Locale.ROOT);
  }
}
