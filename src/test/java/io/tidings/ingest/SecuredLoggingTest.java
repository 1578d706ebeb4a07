package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** docs/format.md: {@code secured} must never appear in a log line or an error message. */
class SecuredLoggingTest {
  private static final String SECRET = "S3cr3tBl0b9f2c";
  private static final String HEAD = "---\ntitle: \"Broken\"\n"
      + "publishedDateTime: 2023-10-17T16:45:00Z\noriginalUrl: \"https://example.com/broken\"\n";

  /** Files whose syntax error is on the secured line, each in its own way. */
  private static final List<String> BROKEN_SECURED_LINES = List.of(
      "secured: \"" + SECRET + "\n",                      // a quote that never closes
      "secured: " + SECRET + ": more\n",                   // a second ': ' unquoted
      "quality: 5\n  secured: " + SECRET + "\n",           // indented under another field
      "\tsecured: " + SECRET + "\n",                       // a tab for indentation
      "secured: [" + SECRET + "\n",                        // an unclosed list
      "secured: {" + SECRET + "\n",                        // an unclosed mapping
      "secured: " + SECRET + "\nsecured: " + SECRET + "\n", // written twice
      "secured: '" + SECRET + "'x'\n",                     // text after the closing quote
      "secured: !!binary " + SECRET + "\n",                // a tag that cannot hold it
      "secured: \"" + SECRET + "\\q\"\n",                  // an unknown escape
      "secured: |" + SECRET + "\n");                       // a block scalar header

  @TempDir
  Path base;
  private IngestHarness h;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger rootLogger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    rootLevel = rootLogger.getLevel();
    rootLogger.setLevel(Level.TRACE); // every line any level would write
    logs.start();
    rootLogger.addAppender(logs);
  }

  @AfterEach
  void release() {
    if (h != null) {
      h.close();
    }
    rootLogger.detachAppender(logs);
    rootLogger.setLevel(rootLevel);
  }

  private void write(String name, String securedPart) {
    h.write(name, (HEAD + securedPart + "---\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void securedAppearsInNoLogLineAndNoProblem() {
    h = IngestHarness.create(base, "native");
    h.write("good.txt", article("good").secured(SECRET));
    for (int i = 0; i < BROKEN_SECURED_LINES.size(); i++) {
      write("broken-" + i + ".txt", BROKEN_SECURED_LINES.get(i));
    }
    h.write("not-utf8.txt", (HEAD + "secured: " + SECRET + "\u00e9\n---\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    h.write("binary.txt", (HEAD + "secured: " + SECRET + "\u0000\n---\n")
        .getBytes(StandardCharsets.UTF_8));
    h.start();
    assertThat(h.problemFiles()).hasSize(BROKEN_SECURED_LINES.size() + 2);

    // The same while running: a good file turns bad (stale), then good again.
    h.write("later.txt", article("later").secured(SECRET));
    h.awaitIds("good", "later");
    write("later.txt", BROKEN_SECURED_LINES.get(0));
    await("later.txt to be stale").atMost(Duration.ofSeconds(10)).until(
        () -> h.problem("later.txt") != null && h.problem("later.txt").stale());
    h.write("later.txt", article("later").secured(SECRET + "-v2"));
    await("later.txt to parse again").atMost(Duration.ofSeconds(10))
        .until(() -> h.problem("later.txt") == null);

    assertThat(captured()).as("captured log lines").isNotEmpty();
    assertThat(captured()).anySatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("broken-1.txt"));
    assertThat(lines()).noneMatch(line -> line.contains(SECRET));
    assertThat(h.current().problems()).allSatisfy(p ->
        assertThat(p.toString()).doesNotContain(SECRET));
    assertThat(h.current().articles().toString()).doesNotContain(SECRET);
  }

  @Test
  void aTagThatWouldMakeSecuredANumberIsNeverEvenRead() {
    h = IngestHarness.create(base, "poll");
    write("float.txt", "secured: !!float " + SECRET + "\n");
    write("alias.txt", "secured: *" + SECRET + "\n");
    h.start();
    // The value is skipped unread: the files parse, and nothing of the value is anywhere.
    assertThat(h.problemFiles()).isEmpty();
    assertThat(h.current().size()).isEqualTo(1); // both files carry one identity
    assertThat(h.current().duplicates()).hasSize(1);
    assertThat(lines()).noneMatch(line -> line.contains(SECRET));
    assertThat(h.current().articles().toString()).doesNotContain(SECRET);
  }

  /**
   * The events so far. The ingest and watcher threads may still be logging: the appender adds
   * under its own lock (AppenderBase.doAppend), so copy under it rather than iterate its list.
   */
  private List<ILoggingEvent> captured() {
    synchronized (logs) {
      return new ArrayList<>(logs.list);
    }
  }

  /** Every captured event as text: its message, its arguments, its exceptions. */
  private List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : captured()) {
      out.add(e.getFormattedMessage());
      if (e.getArgumentArray() != null) {
        for (Object arg : e.getArgumentArray()) {
          out.add(String.valueOf(arg));
        }
      }
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        out.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    return out;
  }
}
