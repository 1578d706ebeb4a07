package io.tidings;

import io.tidings.push.EventLog;
import io.tidings.push.StreamCounters;

/** What the event streams of every event loop share. */
record Push(EventLog log, StreamCounters counters) {}
