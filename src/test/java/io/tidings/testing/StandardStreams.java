package io.tidings.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a command run in process prints: System.out and System.err captured for each test
 * ({@code @RegisterExtension}) and put back after it.
 */
public final class StandardStreams implements BeforeEachCallback, AfterEachCallback {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @Override
  public void beforeEach(ExtensionContext context) {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what was printed so far on stdout. */
  public void resetOut() {
    out.reset();
  }

  /** What one run printed on stdout and stderr together, and its exit status. */
  public record Run(int exit, String printed) {}

  /** Runs {@code command} with stdout and stderr captured into one text, then puts them back. */
  public static Run both(java.util.function.IntSupplier command) {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    int exit;
    try {
      PrintStream capture = new PrintStream(both, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      exit = command.getAsInt();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Run(exit, both.toString(StandardCharsets.UTF_8));
  }
}
