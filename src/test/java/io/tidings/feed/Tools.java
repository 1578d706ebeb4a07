package io.tidings.feed;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real clients the tests check our feeds with; each may be absent. */
final class Tools {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  private Tools() {}

  /** What a finished command said. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  /** The executable {@code name} on PATH, or null. */
  static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Whether Debian's python3 can import {@code module}. */
  static boolean pythonHas(String module) {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      return run(Path.of("."), Map.of(), 60, PYTHON.toString(), "-c", "import " + module)
          .exit() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs a command in {@code dir} with extra environment; fails the test on a timeout. */
  static Result run(Path dir, Map<String, String> env, int timeoutSeconds, String... command)
      throws IOException {
    return run(dir, env, timeoutSeconds, List.of(command));
  }

  static Result run(Path dir, Map<String, String> env, int timeoutSeconds, List<String> command)
      throws IOException {
    Path out = Files.createTempFile("tidings-tool", ".out");
    Path err = Files.createTempFile("tidings-tool", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      boolean done;
      try {
        done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
