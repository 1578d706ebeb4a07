package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/tidings.jar check DIR} and friends, as processes of the built jar. */
class CheckCommandIT {
  private static final Path JAR = Path.of("target", "tidings.jar");
  private static final Duration LIMIT = Duration.ofSeconds(120);

  @TempDir
  Path tmp;

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR).as("the packaged jar; run this test with mvn verify").isRegularFile();
  }

  private Processes.Result run(String... args) {
    return Processes.run(Processes.javaJar(JAR, args), tmp.resolve("out"), LIMIT);
  }

  @Test
  void knownErrorsArePrintedWithTheirLinesAndTheExitIs1() {
    Path content = tmp.resolve("content");
    CheckCommandTest.writeKnownErrors(content);
    Processes.Result r = run("check", content.toString());
    assertThat(r.exit()).as(r.stderr()).isEqualTo(1);
    List<String> expected = new ArrayList<>(CheckCommandTest.knownErrorLines(content.toString()));
    expected.add(content + ": 7 files, 1 article, 0 scheduled, 1 draft, 4 errors, 1 duplicate");
    // Nothing else on stdout: no log line, no banner, no server.
    assertThat(r.stdoutLines()).containsExactlyElementsOf(expected);
    assertThat(r.stdout() + r.stderr()).doesNotContain("TOPSECRET");
  }

  @Test
  void theSampleContentHasNoErrorsAndTheExitIs0() {
    Processes.Result r = run("check", "conf/content");
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdoutLines()).containsExactlyElementsOf(CheckCommandTest.BUNDLED_WARNINGS);
  }

  @Test
  void usageErrorsExit2() {
    Processes.Result r = run("check");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("DIR is missing");
  }

  @Test
  void helpAndVersionPrintAndExit0() {
    Processes.Result help = run("check", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.stdout()).contains("FILE:LINE:COLUMN: REASON");
    Processes.Result version = run("--version");
    assertThat(version.exit()).isZero();
    // The packaged jar knows its version from its manifest (in-process tests say "dev").
    assertThat(version.stdout().strip()).matches("tidings \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
