package io.tidings.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A TIDINGS_ variable that no setting reads is named in a warning, with the nearest that does. */
class UnknownVariablesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "TIDINGS_CONTENT_DEBOUNSE      | did you mean TIDINGS_CONTENT_DEBOUNCE?",
      "TIDINGS_HTTP_PROT             | did you mean TIDINGS_HTTP_PORT?",
      "TIDINGS_CONTENT_MAXFILESIZE   | did you mean TIDINGS_CONTENT_MAX_FILE_SIZE?",
      "tidings_http_port             | did you mean TIDINGS_HTTP_PORT?",
      "Tidings_Feeds_Title           | did you mean TIDINGS_FEEDS_TITLE?",
      "TIDINGS_LOG_LEVLE             | did you mean TIDINGS_LOG_LEVEL?",
      "TIDINGS_COLOUR                | --help lists the variables",
  })
  void oneWarningNamingTheVariableAndTheNearest(String name, String hint) {
    assertThat(ConfigLoader.unknownVariables(Map.of(name, "1", "PATH", "/bin",
        "TIDINGS_HTTP_PORT", "8080", "TIDINGS_LOG_FORMAT", "json", "TIDINGS_LOG_LEVEL", "WARN")))
        .containsExactly("environment variable " + name + " is not a setting of Tidings and is"
            + " ignored; " + hint);
  }

  @org.junit.jupiter.api.Test
  void knownVariablesAndOthersAreQuietAndNamesAreEscaped() {
    Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", "/root", "TIDINGSX", "1"));
    Settings.ALL.forEach(s -> env.put(s.envName(), s.defaultValue()));
    assertThat(ConfigLoader.unknownVariables(env)).isEmpty();
    assertThat(ConfigLoader.unknownVariables(Map.of("TIDINGS_A\nWARN forged", "1")))
        .singleElement().asString().startsWith("environment variable TIDINGS_A\\nWARN forged is");
  }
}
