package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A named pipe where an article file should be never holds the reading thread. */
class RegularFileTest {
  @TempDir
  Path dir;

  static Path mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assumeThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo works").isTrue();
    return path;
  }

  @Test
  void aPipeIsRefusedBeforeItIsOpened() throws Exception {
    Path pipe = mkfifo(dir.resolve("a.txt"));
    Parsed p = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> new ArticleParser(1 << 20).read(pipe, "a.txt"));
    assertThat(p.error()).isNotNull();
    assertThat(p.error().toString()).isEqualTo("a.txt: not a regular file but a named pipe,"
        + " socket or device; only regular files can be articles");
  }

  /** The race: the type check passed (a regular file), then a pipe took the path before the open. */
  @Test
  void anOpenThatFindsAPipeIsReleasedWithinTheTimeout() throws Exception {
    Path pipe = mkfifo(dir.resolve("a.txt"));
    long t0 = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        assertThatThrownBy(() -> RegularFile.open(pipe).close())
            .isInstanceOf(RegularFile.NotRegularException.class));
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(RegularFile.OPEN_TIMEOUT_MILLIS));
    assertThat(Files.exists(pipe)).isTrue();
  }

  @Test
  void aRegularFileOpensAsUsual() throws Exception {
    Path file = Files.writeString(dir.resolve("b.txt"), "x");
    try (var in = RegularFile.open(file)) {
      assertThat(in.readAllBytes()).containsExactly('x');
    }
  }
}
