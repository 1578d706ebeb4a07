package io.tidings.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tidings.article.ArticleParser;
import io.tidings.article.ParseError;
import io.tidings.article.Parsed;
import io.tidings.catalog.FileChange;
import io.tidings.testing.Articles;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A file's problem is logged once, not on every read or poll; unreadable files are known by kind. */
class ProblemLogTest {
  private final ProblemLog log = new ProblemLog();
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(Ingest.class);

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  private List<String> logged() {
    return lines.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private static FileChange failed(String file, ParseError e) {
    return new FileChange(file, Parsed.failed(e));
  }

  private static FileChange ok(String file) {
    return new FileChange(file, new ArticleParser(1 << 20).parse(file,
        Articles.article("x").bytes()));
  }

  @Test
  void theSameProblemIsLoggedOnceAndCountedEveryTime() {
    ParseError e = new ParseError("a.txt", 3, 1, "a bad line");
    for (int i = 0; i < 3; i++) {
      log.record(failed("a.txt", e));
    }
    assertThat(logged()).containsExactly("WARN a.txt:3:1: a bad line");
    assertThat(log.parseErrors()).isEqualTo(3);

    // Another problem in the same file is news; so is the same problem in another file.
    log.record(failed("a.txt", new ParseError("a.txt", 4, 1, "a bad line")));
    log.record(failed("b.txt", new ParseError("b.txt", 3, 1, "a bad line")));
    assertThat(logged()).containsExactly("WARN a.txt:3:1: a bad line",
        "WARN a.txt:4:1: a bad line", "WARN b.txt:3:1: a bad line");
  }

  @Test
  void aFileThatParsesAgainSaysSoOnceAndItsNextProblemIsNewsAgain() {
    ParseError e = new ParseError("a.txt", 3, 1, "a bad line");
    log.record(failed("a.txt", e));
    log.record(ok("a.txt"));
    log.record(ok("a.txt"));
    log.record(failed("a.txt", e));
    assertThat(logged()).containsExactly("WARN a.txt:3:1: a bad line", "INFO a.txt parses again",
        "WARN a.txt:3:1: a bad line");
  }

  @Test
  void aBrokenFileThatGoesAwayIsForgottenQuietly() {
    ParseError e = new ParseError("a.txt", 3, 1, "a bad line");
    log.record(failed("a.txt", e));
    log.record(new FileChange("a.txt", Parsed.missing()));
    log.record(failed("a.txt", e));
    assertThat(logged()).containsExactly("WARN a.txt:3:1: a bad line",
        "WARN a.txt:3:1: a bad line");
  }

  @Test
  void unreadableIsTheKindNotTheWording() {
    log.record(failed("denied.txt", ParseError.unreadable("denied.txt", "any words at all")));
    log.record(failed("broken.txt", new ParseError("broken.txt", 0, 0,
        "permission denied: a content problem that merely says so")));
    assertThat(log.isUnreadable("denied.txt")).isTrue();
    assertThat(log.isUnreadable("broken.txt")).isFalse();
    assertThat(log.isUnreadable("never-seen.txt")).isFalse();

    log.record(ok("denied.txt"));
    assertThat(log.isUnreadable("denied.txt")).as("readable again").isFalse();
  }
}
