package io.tidings.ingest;

import java.util.Locale;

/** How changes to the content tree are noticed ({@code content.watch}). */
enum WatchMode {
  /** Native file events where the system has them, else polling. */
  AUTO,
  /** Native file events (inotify on Linux), or no start at all. */
  NATIVE,
  /** A walk of the whole tree every {@code content.pollInterval}. */
  POLL;

  /** The setting's value: {@code auto}, {@code native} or {@code poll}. */
  static WatchMode of(String setting) {
    return valueOf(setting.toUpperCase(Locale.ROOT));
  }

  /** The name in the setting and in /status. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
