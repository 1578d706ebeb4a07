package io.tidings.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a setting's text becomes a value, and what to say when it cannot. */
interface ValueType {
  /** @throws IllegalArgumentException whose message says what is allowed */
  Object parse(String text);

  /** Text without control characters (but tabs and line breaks, which YAML may fold in). */
  static ValueType string() {
    return text -> {
      if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n'
          && c != '\r')) {
        throw new IllegalArgumentException("text without control characters");
      }
      return text;
    };
  }

  /** A file system path: text as {@link #string()} allows it. */
  static ValueType path() {
    return text -> {
      string().parse(text);
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("a path this system can open");
      }
    };
  }

  static ValueType integer(int min, int max) {
    return text -> {
      try {
        int v = Integer.parseInt(text.strip());
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new IllegalArgumentException("an integer from " + min + " to " + max);
    };
  }

  static ValueType bool() {
    return text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("true or false");
    };
  }

  static ValueType oneOf(String... values) {
    return text -> {
      String v = text.strip().toLowerCase(Locale.ROOT);
      if (Arrays.asList(values).contains(v)) {
        return v;
      }
      throw new IllegalArgumentException("one of " + String.join(", ", values));
    };
  }

  Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  /** {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
  static ValueType duration(Duration min) {
    return text -> {
      Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        try {
          long n = Long.parseLong(m.group(1));
          String unit = m.group(2) == null ? "s" : m.group(2);
          Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
          };
          if (d.compareTo(min) >= 0) {
            return d;
          }
        } catch (NumberFormatException | ArithmeticException e) {
          // too many digits, or more hours than a Duration holds: the message below
        }
      }
      throw new IllegalArgumentException("a duration of at least " + min.toMillis()
          + "ms, written like 250ms, 2s, 5m or 1h");
    };
  }

  Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

  /** {@code 1048576}, {@code 512KiB}, {@code 1MiB}, {@code 1GiB} (KB and MB mean KiB and MiB here). */
  static ValueType size(long min, long max) {
    return text -> {
      Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n;
        try {
          n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          n = Long.MAX_VALUE; // too many digits: over any limit
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
          case "kb", "kib" -> 1024L;
          case "mb", "mib" -> 1024L * 1024;
          case "gb", "gib" -> 1024L * 1024 * 1024;
          default -> 1L;
        };
        if (n <= max / factor) { // n * factor must not overflow into the allowed range
          long v = n * factor;
          if (v >= min) {
            return v;
          }
        }
      }
      throw new IllegalArgumentException("a size from " + min + " to " + max
          + " bytes, written like 1048576, 512KiB or 1MiB");
    };
  }

  /** Empty, or an absolute http(s) URL without query; a trailing slash is dropped. */
  static ValueType baseUrl() {
    return text -> {
      String t = text.strip();
      if (t.isEmpty()) {
        return "";
      }
      try {
        URI u = URI.create(t);
        if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
            && u.getQuery() == null && u.getFragment() == null) {
          return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
        }
      } catch (IllegalArgumentException e) {
        // fall through
      }
      throw new IllegalArgumentException(
          "empty, or an absolute http(s) URL such as https://feeds.example.com");
    };
  }

  /** A comma-separated list of IP addresses and CIDR blocks; empty for none. */
  static ValueType trustedProxies() {
    return TrustedProxies::parse;
  }

  /** A comma-separated list of file extensions without dots. */
  static ValueType extensions() {
    return text -> {
      List<String> list = Arrays.stream(text.split(","))
          .map(s -> s.strip().toLowerCase(Locale.ROOT))
          .map(s -> s.startsWith(".") ? s.substring(1) : s)
          .filter(s -> !s.isEmpty())
          .toList();
      if (list.isEmpty() || list.stream().anyMatch(s -> !s.matches("[a-z0-9]+"))) {
        throw new IllegalArgumentException(
            "a comma-separated list of file extensions such as txt,md,yaml");
      }
      return list;
    };
  }

  /** Empty or a language tag such as en or en-US. */
  static ValueType language() {
    return text -> {
      String t = text.strip();
      if (t.isEmpty() || t.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
        return t;
      }
      throw new IllegalArgumentException("empty, or a language tag such as en or en-US");
    };
  }
}
