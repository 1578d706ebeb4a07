package io.tidings.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline, instead of sleeping and hoping. */
public final class Await {
  public static final Duration DEFAULT = Duration.ofSeconds(10);
  private static final long STEP_MILLIS = 10;

  private Await() {}

  /** Polls {@code condition} every 10 ms until it holds; fails naming {@code what} at the deadline. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for "
            + what);
      }
      pause();
    }
  }

  public static void until(BooleanSupplier condition, Duration timeout) {
    until("a condition", timeout, condition);
  }

  /**
   * Runs {@code assertion} (AssertJ or similar) every 10 ms until it passes; at the deadline
   * rethrows its last failure, so the report says what was expected and what was there.
   */
  public static void untilAsserted(Duration timeout, Runnable assertion) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
      }
      pause();
    }
  }

  public static void untilAsserted(Runnable assertion) {
    untilAsserted(DEFAULT, assertion);
  }

  private static void pause() {
    try {
      Thread.sleep(STEP_MILLIS); // a poll step with a deadline around it, not a bare wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
