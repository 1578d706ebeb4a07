package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tidings.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real process prints for a configuration it cannot use: one line on stderr, exit
 * status 2, and never a hang (each run has a deadline). Run in a scratch directory, so that the
 * default conf/config.yaml is the one each test makes there, or none.
 */
class ConfigErrorLinesTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private Processes.Result main(Map<String, String> env, List<String> prefix, String... args) {
    List<String> argv = new ArrayList<>(prefix);
    argv.addAll(List.of(Processes.java(), "-cp", System.getProperty("java.class.path"),
        "io.tidings.Main"));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.toUpperCase().startsWith("TIDINGS_"));
    pb.environment().putAll(env);
    return Processes.run(pb, dir.resolve("out"), LIMIT);
  }

  private Processes.Result main(Map<String, String> env, String... args) {
    return main(env, List.of(), args);
  }

  private static void assertOneLine(Processes.Result r, String line) {
    assertThat(r.stderr().lines()).as("stderr").containsExactly(line);
    assertThat(r.exit()).as("exit status").isEqualTo(2);
  }

  private Path fifo(Path fifo) throws Exception {
    Files.createDirectories(fifo.getParent());
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return fifo;
  }

  @Test
  void aFifoGivenWithConfigIsRefusedAtOnce() throws Exception {
    Path fifo = fifo(dir.resolve("config.yaml"));
    assertOneLine(main(Map.of(), "--config", fifo.toString()), "tidings: invalid configuration: "
        + fifo + ": is a named pipe (FIFO), not a regular file; give a YAML file");
  }

  @Test
  void aDefaultConfigThatIsAFifoIsRefusedNotSkipped() throws Exception {
    fifo(dir.resolve("conf/config.yaml"));
    assertOneLine(main(Map.of()), "tidings: invalid configuration: conf/config.yaml: is a"
        + " named pipe (FIFO), not a regular file; give a YAML file");
  }

  @Test
  void aMissingConfigGivenWithConfigIsRefused() {
    assertOneLine(main(Map.of(), "--config", "nope.yaml"),
        "tidings: invalid configuration: nope.yaml: no such file");
    assertOneLine(main(Map.of(), "--config", ""), "tidings: --config needs a value; see --help");
  }

  @Test
  void aYamlErrorIsOneLineNotTheLibrarysSnippet() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "http:\n\tport: 1\n");
    assertOneLine(main(Map.of(), "--config", "config.yaml"),
        "tidings: invalid configuration: config.yaml:2:1: a tab; indent with spaces, not tabs");
    Files.writeString(dir.resolve("config.yaml"), "http:\n  port: 1\n  port: 2\n");
    assertOneLine(main(Map.of(), "--config", "config.yaml"), "tidings: invalid configuration:"
        + " config.yaml:3:3: http.port is written twice (first on line 2); keep one");
  }

  @Test
  void aMisspeltVariableIsWarnedAboutByName() {
    Path missing = dir.resolve("articles");
    Processes.Result r = main(Map.of("TIDINGS_CONTENT_DIRR", missing.toString()));
    assertThat(r.stdoutLines()).filteredOn(l -> l.contains("TIDINGS_CONTENT_DIRR"))
        .singleElement().asString().contains(" WARN ", "environment variable"
            + " TIDINGS_CONTENT_DIRR is not a setting of Tidings and is ignored; did you mean"
            + " TIDINGS_CONTENT_DIR?");
    assertThat(r.stderr().lines()).singleElement().asString().contains("content directory");
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void badValuesOfTheEnvironmentNameTheVariable() {
    assertOneLine(main(Map.of("TIDINGS_HTTP_PORT", "80\u001b[2J")), "tidings: invalid"
        + " configuration: http.port = \"80\\u001B[2J\" (from environment variable"
        + " TIDINGS_HTTP_PORT) is not allowed: use an integer from 0 to 65535");
    assertOneLine(main(Map.of("TIDINGS_LOG_LEVEL", "verbose")), "tidings: TIDINGS_LOG_LEVEL"
        + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got \"verbose\"");
    assertOneLine(main(Map.of(), "--colour\u001b[31m"),
        "tidings: unknown option --colour\\u001B[31m; see --help");
  }

  /**
   * Root reads any file whatever its mode (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH); as root the
   * process runs under setpriv without those, bound by file modes like any user (as
   * IngestPermissionsTest does).
   */
  @Test
  void anUnreadableConfigSaysPermissionDenied() throws Exception {
    List<String> prefix = List.of();
    if ("root".equals(System.getProperty("user.name"))) {
      Path setpriv = Path.of("/usr/bin/setpriv");
      assumeThat(Files.isExecutable(setpriv)).as("%s to drop root's file-mode override", setpriv)
          .isTrue();
      prefix = List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search");
    }
    Path unreadable = Files.writeString(dir.resolve("secret.yaml"), "http:\n  port: 1\n");
    Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
    Path closed = Files.createDirectories(dir.resolve("closed"));
    Files.writeString(closed.resolve("config.yaml"), "http:\n  port: 1\n");
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
    try {
      assertOneLine(main(Map.of(), prefix, "--config", unreadable.toString()),
          "tidings: invalid configuration: " + unreadable + ": permission denied");
      assertOneLine(main(Map.of(), prefix, "--config", closed.resolve("config.yaml").toString()),
          "tidings: invalid configuration: " + closed.resolve("config.yaml")
              + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
