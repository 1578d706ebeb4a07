package io.tidings.config;

import java.util.Locale;

/**
 * One configuration key: its dotted name, its default, how a text value becomes a typed one,
 * and a line for {@code --help}. The environment variable is derived from the name:
 * {@code content.maxFileSize} is {@code TIDINGS_CONTENT_MAX_FILE_SIZE}.
 */
record Setting(String key, String defaultValue, ValueType type, String help) {

  String envName() {
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
