package io.tidings.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permissions taken away and given back ({@link PermissionScenario}). Root reads any file
 * whatever its mode, through the capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so as
 * root (our machines and CI) the scenario runs in a child JVM started by {@code setpriv} without
 * those two: still root, but bound by file modes like the container's {@code tidings} user.
 * Skipped only where neither is possible (root without setpriv).
 */
class IngestPermissionsTest {
  @TempDir
  Path base;

  @BothModes
  void permissionsTakenAwayAndGivenBack(String mode) throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      PermissionScenario.run(base, mode);
      return;
    }
    Path setpriv = Path.of("/usr/bin/setpriv");
    assumeThat(Files.isExecutable(setpriv)).as("%s to drop root's file-mode override", setpriv)
        .isTrue();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = base.resolve("scenario.log");
    Process p = new ProcessBuilder(List.of(setpriv.toString(),
        "--bounding-set=-dac_override,-dac_read_search", java.toString(),
        "-cp", System.getProperty("java.class.path"),
        PermissionScenario.class.getName(), base.resolve("work").toString(), mode))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = p.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    String output = read(log);
    assertThat(ended).as("the scenario ended within 3 minutes:\n%s", output).isTrue();
    assertThat(p.exitValue()).as("the scenario's exit status:\n%s", output).isZero();
    assertThat(output).contains("permission scenario passed: " + mode);
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
