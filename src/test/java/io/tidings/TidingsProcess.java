package io.tidings;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Tidings as a real child process: {@code java -cp <the test class path> io.tidings.Main}, so
 * that signals, exit codes and stdout are the real ones. Collects every stdout line.
 */
public final class TidingsProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private TidingsProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    reader = new Thread(this::readLines, "tidings-child-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts on a free port with {@code content} and the environment {@code env}. */
  public static TidingsProcess start(Path content, Map<String, String> env) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "io.tidings.Main", "--content", content.toString(), "--port", String.valueOf(port)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("TIDINGS_"));
    builder.environment().put("TIDINGS_HTTP_HOST", "127.0.0.1");
    builder.environment().putAll(env);
    return new TidingsProcess(builder.start(), port);
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  /**
   * Sends SIGTERM, as {@code docker stop} and Kubernetes do. Through the ProcessHandle: {@code
   * Process.destroy()} sends the same signal but also closes our end of the child's stdout,
   * and the lines it logs while stopping would be lost.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Every stdout and stderr line so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits until a line contains {@code text}; fails with the output so far at the deadline. */
  public void awaitLine(String text, Duration timeout) {
    try {
      await("a line with \"" + text + "\"").atMost(timeout).until(
          () -> lines.stream().anyMatch(l -> l.contains(text)) || !process.isAlive());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; output:\n" + String.join("\n", lines), e);
    }
    if (lines.stream().noneMatch(l -> l.contains(text))) {
      throw new AssertionError("exited with " + process.exitValue() + " before a line with \""
          + text + "\"; output:\n" + String.join("\n", lines));
    }
  }

  /** Waits for the exit and returns its code; fails at the deadline. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout.toMillis() + " ms; output:\n"
          + String.join("\n", lines));
    }
    reader.join(5_000); // the last lines may still be in the pipe
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
