package io.tidings.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to release the articles held back by {@code content.hideFuture}: the rule of {@link
 * Catalog#nextDue()} turned into wake-ups. Knows which due time the pending wake-up is for, how
 * long to sleep, and releases what is due. No timer of its own, so a fixed clock tests it; for
 * the thread that calls {@link Catalog#apply}.
 */
public final class ScheduledRelease {
  /**
   * Longest sleep before the release time is checked again: timers wait on the monotonic clock,
   * so a wall clock that jumps (NTP, a resumed VM) is caught up within this.
   */
  public static final Duration RECHECK = Duration.ofMinutes(1);

  private final Catalog catalog;
  private final Clock clock;
  /** The due time the last wake-up was armed for; null when none was. */
  private Instant armedFor;

  public ScheduledRelease(Catalog catalog) {
    this.catalog = catalog;
    this.clock = catalog.clock();
  }

  /**
   * Whether the wake-up armed last is still the right one after a batch: it has not run yet
   * ({@code pending}) and the soonest due time is still the one it was armed for.
   */
  public boolean stillRight(boolean pending) {
    Instant due = catalog.nextDue();
    return pending && due != null && due.equals(armedFor);
  }

  /**
   * Arms for the soonest scheduled article: how long to sleep before the next wake-up, or null
   * when nothing is held back.
   */
  public Duration arm() {
    armedFor = catalog.nextDue();
    return armedFor == null ? null : sleep(clock.instant(), armedFor);
  }

  /**
   * How long to sleep at {@code now} for an article due at {@code due}: until it is due, at most
   * {@link #RECHECK}; 1 ms more, as the article is due once now is not before its time and the
   * timer counts whole milliseconds.
   */
  public static Duration sleep(Instant now, Instant due) {
    Duration wait = Duration.between(now, due);
    if (wait.compareTo(RECHECK) > 0) {
      wait = RECHECK;
    }
    return Duration.ofMillis(Math.max(0, wait.toMillis()) + 1);
  }

  /**
   * The wake-up: publishes the scheduled articles whose time has come, as a change with no file
   * in it; none when woken early (a re-check) or by a clock that went back.
   *
   * @return how many articles it released
   */
  public int release() {
    armedFor = null;
    Snapshot before = catalog.current();
    Snapshot after = catalog.apply(List.of());
    return after.size() - before.size();
  }
}
