package io.tidings.push;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Event streams across every event loop: the bound on open streams, and the metrics' counts. */
public final class StreamCounters {
  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong tooSlow = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public StreamCounters(int max) {
    this.max = max;
  }

  /** Takes a place for one more stream; false (and counted) when all {@code max} are taken. */
  public boolean tryOpen() {
    while (true) {
      int n = open.get();
      if (n >= max) {
        refused.incrementAndGet();
        return false;
      }
      if (open.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  public void closed() {
    open.decrementAndGet();
  }

  public void sent(int n) {
    events.addAndGet(n);
  }

  public void cutOffTooSlow() {
    tooSlow.incrementAndGet();
  }

  public int open() {
    return open.get();
  }

  public long eventsSent() {
    return events.get();
  }

  public long cutOff() {
    return tooSlow.get();
  }

  public long refused() {
    return refused.get();
  }
}
