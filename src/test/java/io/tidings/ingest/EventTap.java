package io.tidings.ingest;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Stands between the native watcher and ingest, as the kernel's event queue does: from {@link
 * #lose()} on, every report is dropped, as by a kernel that lost them; {@link #overflow()}
 * reports an overflow, as the watcher does when the kernel says its queue overflowed.
 */
final class EventTap implements UnaryOperator<NativeWatcher.Events> {
  private volatile boolean losing;
  private volatile NativeWatcher.Events ingest;

  @Override
  public NativeWatcher.Events apply(NativeWatcher.Events real) {
    ingest = real;
    return new NativeWatcher.Events() {
      @Override
      public void changed(Path path, boolean written) {
        if (!losing) {
          real.changed(path, written);
        }
      }

      @Override
      public void overflow() {
        if (!losing) {
          real.overflow();
        }
      }

      @Override
      public void rootLost() {
        if (!losing) {
          real.rootLost();
        }
      }
    };
  }

  /** From now on no report reaches ingest. */
  void lose() {
    losing = true;
  }

  /** Tells ingest that events overflowed (and were lost). */
  void overflow() {
    ingest.overflow();
  }
}
