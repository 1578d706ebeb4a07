package io.tidings.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the configuration: defaults, then the YAML file, then {@code TIDINGS_*} environment
 * variables, then flags; the later wins. Every value is checked, and a bad one is refused with
 * its key, its value, where it came from and what is allowed.
 */
public final class ConfigLoader {
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
    if (file != null) {
      readFile(file, raw, origin);
    }
    for (Setting s : Settings.ALL) {
      String v = env.get(s.envName());
      if (v != null) {
        raw.put(s.key(), v);
        origin.put(s.key(), "environment variable " + s.envName());
      }
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (Settings.find(e.getKey()) == null) {
        throw new ConfigException("unknown setting " + e.getKey());
      }
      raw.put(e.getKey(), e.getValue());
      origin.put(e.getKey(), "command line");
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Setting s : Settings.ALL) {
      String text = raw.get(s.key());
      try {
        typed.put(s.key(), s.type().parse(text));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(s.key() + " = \"" + text + "\" (from " + origin.get(s.key())
            + ") is not allowed: use " + e.getMessage());
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
        throw new ConfigException("http.keepAliveTimeout = " + raw.get("http.keepAliveTimeout")
            + " (from " + origin.get("http.keepAliveTimeout") + ") is longer than"
            + " http.idleTimeout = " + raw.get("http.idleTimeout") + " (from "
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

  private static void readFile(Path file, Map<String, String> raw, Map<String, String> origin)
      throws ConfigException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return;
    }
    if (!root.isObject()) {
      throw new ConfigException("config file " + file + " must be a YAML mapping of sections");
    }
    flatten("", root, file, raw, origin);
  }

  private static void flatten(String prefix, JsonNode node, Path file, Map<String, String> raw,
      Map<String, String> origin) throws ConfigException {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode value = e.getValue();
      if (value.isObject()) {
        flatten(key + ".", value, file, raw, origin);
        continue;
      }
      if (value.isNull() && isSection(key)) {
        continue; // a section whose keys are all commented out
      }
      if (Settings.find(key) == null) {
        throw new ConfigException("unknown key " + key + " in " + file + "; known keys: "
            + Settings.ALL.stream().map(Setting::key).collect(Collectors.joining(", ")));
      }
      String text;
      if (value.isArray()) {
        StringBuilder s = new StringBuilder();
        value.forEach(v -> s.append(s.length() == 0 ? "" : ",").append(v.asText()));
        text = s.toString();
      } else {
        text = value.isNull() ? "" : value.asText();
      }
      raw.put(key, text);
      origin.put(key, file.toString());
    }
  }

  private static boolean isSection(String prefix) {
    return Settings.ALL.stream().anyMatch(s -> s.key().startsWith(prefix + "."));
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
