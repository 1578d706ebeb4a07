package io.tidings.ingest;

import io.tidings.article.Printable;
import io.tidings.article.ParseError;
import io.tidings.catalog.FileChange;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of files' problems: each problem is logged once, not on every read or poll (again
 * only when it changes), and a file that parses again says so. Also knows which files could not
 * be read at all ({@link ParseError.Kind#UNREADABLE}), for walks to try them again. Ingest
 * thread only; {@link #parseErrors()} any thread.
 */
final class ProblemLog {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  /** The problem last logged per file (or folder), until it parses again or is gone. */
  private final Map<String, ParseError> reported = new HashMap<>();
  private final AtomicLong parseErrors = new AtomicLong();

  /** Takes note of one change read from the tree; logs what is new. */
  void record(FileChange c) {
    ParseError error = c.parsed().error();
    if (error == null) {
      if (reported.remove(c.file()) != null && !c.parsed().isMissing()) {
        LOG.info("{} parses again", Printable.escape(c.file()));
      }
      return;
    }
    parseErrors.incrementAndGet();
    if (!error.equals(reported.put(c.file(), error))) {
      LOG.warn("{}", error); // ParseError escapes its file name and reason
    }
  }

  /** Whether the file's last read failed because it could not be read at all. */
  boolean isUnreadable(String file) {
    ParseError e = reported.get(file);
    return e != null && e.kind() == ParseError.Kind.UNREADABLE;
  }

  /** Reads that ended in a problem, counting every read. */
  long parseErrors() {
    return parseErrors.get();
  }
}
