package io.tidings.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real processes for tests: output to files (no pipe to fill up), a deadline on every wait. */
public final class Processes {
  private Processes() {}

  /** What a finished process said. */
  public record Result(int exit, String stdout, String stderr) {
    public List<String> stdoutLines() {
      return stdout.lines().toList();
    }
  }

  /** {@code java -jar JAR args...} with this JVM's java. */
  public static ProcessBuilder javaJar(Path jar, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(java());
    argv.add("-jar");
    argv.add(jar.toString());
    argv.addAll(List.of(args));
    return new ProcessBuilder(argv);
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs to the end; a process still running at the deadline is killed and fails the test. */
  public static Result run(ProcessBuilder pb, Path scratch, Duration timeout) {
    try {
      Files.createDirectories(scratch);
      Path out = Files.createTempFile(scratch, "stdout", ".txt");
      Path err = Files.createTempFile(scratch, "stderr", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(pb.command() + " still running after " + timeout.toSeconds()
            + " s; it said: " + Files.readString(out) + Files.readString(err));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
