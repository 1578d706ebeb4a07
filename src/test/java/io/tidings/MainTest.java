package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.testing.StandardStreams;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, version, and every way to start wrong, each before binding a port. */
class MainTest {
  @RegisterExtension
  final StandardStreams streams = new StandardStreams();

  private String stdout() {
    return streams.out();
  }

  private String stderr() {
    return streams.err();
  }

  @Test
  void helpListsEveryFlagAndSettingWithItsVariable() {
    assertThat(Main.run(new String[] {"--help"})).isZero();
    assertThat(stdout()).contains("--config", "--content", "--port", "--help",
        "content.maxFileSize", "TIDINGS_CONTENT_MAX_FILE_SIZE", "TIDINGS_CONTENT_DIR",
        "TIDINGS_HTTP_PORT", "content.watch");
  }

  @Test
  void helpListsEveryKeyOfTheTableWithItsVariableAndDefaultOnOneLine() {
    assertThat(Main.run(new String[] {"--help"})).isZero();
    List<String> lines = stdout().lines().toList();
    for (Setting s : Settings.ALL) {
      String shown = s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue();
      assertThat(lines).as(s.key()).anyMatch(line -> line.matches("\\s+" + Pattern.quote(s.key())
          + "\\s+" + Pattern.quote(s.envName()) + "\\s+default " + Pattern.quote(shown)));
    }
  }

  @Test
  void versionPrintsAndExits() {
    assertThat(Main.run(new String[] {"--version"})).isZero();
    assertThat(stdout()).startsWith("tidings ");
  }

  @Test
  void invalidPortNamesKeyValueAndAllowedRangeAndExitsNonZero() {
    assertThat(Main.run(new String[] {"--port", "99999"})).isEqualTo(2);
    assertThat(stderr()).contains("http.port", "99999", "command line",
        "an integer from 0 to 65535");
  }

  @Test
  void invalidConfigFileValueExitsBeforeBindingThePort(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "http:\n  port: " + port + "\ncontent:\n  dir: " + dir
        + "\n  watch: inotify\n");
    assertThat(Main.run(new String[] {"--config", config.toString()})).isEqualTo(2);
    assertThat(stderr()).contains("content.watch", "inotify", config.toString(),
        "one of auto, native, poll");
    // Nothing listens: the port is still free to bind.
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void unknownConfigKeyIsNamed(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "content:\n  wacth: poll\n");
    assertThat(Main.run(new String[] {"--config", config.toString()})).isEqualTo(2);
    assertThat(stderr()).contains("unknown key content.wacth");
  }

  @Test
  void missingContentDirectoryIsOneClearLineAndExitCode2(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThat(Main.run(new String[] {"--content", missing.toString(), "--port", "0"}))
        .isEqualTo(2);
    assertThat(stderr().strip().lines()).hasSize(1);
    assertThat(stderr()).contains(missing.toString(), "does not exist");
  }

  @Test
  void unknownFlagAndMissingValueAreRefused() {
    assertThat(Main.run(new String[] {"--bogus"})).isEqualTo(2);
    assertThat(Main.run(new String[] {"--port"})).isEqualTo(2);
    assertThat(stderr()).contains("unknown option --bogus", "--port needs a value");
  }
}
