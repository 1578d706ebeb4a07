package io.tidings.config;

/**
 * A configuration that cannot be used. The message is one line: the file (with line and
 * column) or the key, variable or flag, the value with control characters escaped, and what is
 * wrong or allowed.
 */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
