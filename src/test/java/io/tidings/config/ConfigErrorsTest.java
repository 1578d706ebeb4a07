package io.tidings.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal names the key, the value, where it came from and what is allowed. */
class ConfigErrorsTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("tidings.yaml"), yaml);
  }

  private static String refusal(Path file, Map<String, String> env, Map<String, String> overrides) {
    try {
      Config c = ConfigLoader.load(file, env, overrides);
      throw new AssertionError("accepted: " + c);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.getMessage();
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "http.port               | 70000   | an integer from 0 to 65535",
      "http.port               | -1      | an integer from 0 to 65535",
      "http.port               | eighty  | an integer from 0 to 65535",
      "content.watch           | inotify | one of auto, native, poll",
      "content.debounce        | fast    | a duration of at least 1ms",
      "content.debounce        | 0ms     | a duration of at least 1ms",
      "content.pollInterval    | 10ms    | a duration of at least 100ms",
      "content.maxFileSize     | huge    | a size from 1024 to 1073741824 bytes",
      "content.maxFileSize     | 2GiB    | a size from 1024 to 1073741824 bytes",
      "content.maxFileSize     | 1.5MiB  | a size from 1024 to 1073741824 bytes",
      "http.baseUrl            | ftp://x | an absolute http(s) URL",
      "http.baseUrl            | feeds.example.com | an absolute http(s) URL",
      "http.baseUrl            | https://x/?a=b | an absolute http(s) URL",
      "content.includeUnpublished | maybe | true or false",
      "content.extensions      | 'txt, a b' | a comma-separated list of file extensions",
      "feeds.language          | english! | a language tag such as en or en-US",
      "feeds.defaultLimit      | 0       | an integer from 1 to 10000",
      "feeds.ttl               | 30s     | a duration of at least 60000ms",
  })
  void invalidValueFromTheFile(String key, String value, String allowed) throws IOException {
    String[] parts = key.split("\\.");
    Path f = file(parts[0] + ":\n  " + parts[1] + ": \"" + value + "\"\n");
    String m = refusal(f, Map.of(), Map.of());
    assertThat(m).contains(key, "\"" + value + "\"", allowed, f.toString());
  }

  @Test
  void invalidValueFromTheEnvironmentNamesTheVariable() {
    String m = refusal(null, Map.of("TIDINGS_HTTP_PORT", "70000"), Map.of());
    assertThat(m).isEqualTo("http.port = \"70000\" (from environment variable TIDINGS_HTTP_PORT)"
        + " is not allowed: use an integer from 0 to 65535");
  }

  @Test
  void invalidValueFromAFlagSaysSo() {
    String m = refusal(null, Map.of(), Map.of("content.watch", "inotify"));
    assertThat(m).contains("content.watch", "\"inotify\"", "command line", "one of auto, native, poll");
  }

  @Test
  void defaultLimitAboveMaxLimit() throws IOException {
    String m = refusal(file("feeds:\n  defaultLimit: 600\n  maxLimit: 500\n"), Map.of(), Map.of());
    assertThat(m).contains("feeds.defaultLimit", "600", "feeds.maxLimit", "500");
    String fromEnv = refusal(null, Map.of("TIDINGS_FEEDS_MAX_LIMIT", "10"), Map.of());
    assertThat(fromEnv).contains("feeds.defaultLimit = 50", "feeds.maxLimit = 10");
  }

  @Test
  void unknownKeyInTheFileIsNamed() throws IOException {
    Path f = file("http:\n  prot: 8080\n");
    String m = refusal(f, Map.of(), Map.of());
    assertThat(m).contains("unknown key http.prot", f.toString(), "http.port");
    assertThat(refusal(file("colour: red\n"), Map.of(), Map.of())).contains("unknown key colour");
    assertThat(refusal(file("content:\n  maxFileSize:\n    value: 1MiB\n"), Map.of(), Map.of()))
        .contains("content.maxFileSize takes a value, not keys below it");
  }

  @Test
  void unknownOverrideKeyIsNamed() {
    assertThat(refusal(null, Map.of(), Map.of("http.prot", "1"))).contains("http.prot");
  }

  @Test
  void malformedYamlFile() throws IOException {
    Path f = file("http:\n  port: 8080\n   host: x\n");
    String m = refusal(f, Map.of(), Map.of());
    assertThat(m).startsWith(f + ":3:");
    assertThat(refusal(file("http:\n  port: [8080\n"), Map.of(), Map.of()))
        .startsWith(f + ":2:9: ").contains("never closed");
  }

  @Test
  void fileThatIsNotAMapping() throws IOException {
    Path f = file("- http\n- content\n");
    assertThat(refusal(f, Map.of(), Map.of())).contains(f.toString(), "must be sections of keys");
  }

  @Test
  void duplicateKeyInTheFileIsRefused() throws IOException {
    Path f = file("http:\n  port: 8081\n  port: 8082\n");
    assertThat(refusal(f, Map.of(), Map.of())).contains(f.toString(), "port");
  }

  @Test
  void missingFile() {
    Path f = dir.resolve("absent.yaml");
    assertThat(refusal(f, Map.of(), Map.of())).isEqualTo(f + ": no such file");
  }

  @Test
  void hugeNumbersAreRefusedWithTheUsualMessage() {
    // 2^54 + 1 GiB wraps around to 1 GiB in 64 bits; it must not be taken for 1 GiB
    assertThat(refusal(null, Map.of(), Map.of("content.maxFileSize", "18014398509481985GiB")))
        .contains("content.maxFileSize", "a size from 1024 to 1073741824 bytes");
    assertThat(refusal(null, Map.of(), Map.of("content.maxFileSize", "99999999999999999999999")))
        .contains("a size from").doesNotContain("For input string");
    assertThat(refusal(null, Map.of(), Map.of("feeds.ttl", "9999999999999999h")))
        .contains("feeds.ttl", "a duration of at least");
    assertThat(refusal(null, Map.of(), Map.of("feeds.ttl", "99999999999999999999999h")))
        .contains("feeds.ttl", "a duration of at least").doesNotContain("For input string");
    assertThat(refusal(null, Map.of(), Map.of("http.port", "99999999999999999999")))
        .contains("an integer from 0 to 65535");
  }

  @Test
  void emptyValueForATypedKey() throws IOException {
    assertThat(refusal(file("http:\n  port:\n"), Map.of(), Map.of()))
        .contains("http.port = \"\"", "an integer from 0 to 65535");
    assertThat(refusal(null, Map.of("TIDINGS_CONTENT_EXTENSIONS", " , "), Map.of()))
        .contains("content.extensions", "comma-separated list");
  }

  @Test
  void aBadEnvironmentValueReplacedByAFlagIsNeverChecked() throws ConfigException {
    Config c = ConfigLoader.load(null, Map.of("TIDINGS_HTTP_PORT", "x"), Map.of("http.port", "8081"));
    assertThat(c.http().port()).isEqualTo(8081);
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TIDINGS_HTTP_PORT", "x"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TIDINGS_HTTP_PORT");
  }
}
