package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.article.ArticleParser;
import io.tidings.testing.StandardStreams;
import io.tidings.testing.Articles;
import io.tidings.testing.SecuredErrorCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every way an error message reaches a person: {@code check}'s output, the log and {@code
 * /status}. A directory of files broken inside {@code secured} (every key spelling x line break
 * x error kind) and files whose quoted values or names carry a line break or an ESC: no error
 * names the secured value, and each error is one line, its control characters escaped.
 */
class ErrorMessagesEverywhereTest {
  /** A line that a value would forge in a log or in check's output if it were not escaped. */
  private static final String FORGED = "2026-01-01T00:00:00.000Z ERROR forged";
  /** What no message may hold: a raw control character or line or paragraph separator. */
  private static final Pattern RAW = Pattern.compile("[\\p{Cntrl}\u0085\u2028\u2029\u202e]");

  @TempDir static Path content;
  static TestServer server;
  static int errorFiles;
  static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  static final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeAll
  static void start() throws Exception {
    logs.start();
    root.addAppender(logs);
    ArticleParser parser = new ArticleParser(1 << 20);
    for (SecuredErrorCases.Case c : SecuredErrorCases.all()) {
      byte[] bytes = c.text().getBytes(StandardCharsets.UTF_8);
      Articles.write(content, "matrix/" + c.name() + ".txt", bytes);
      errorFiles += parser.parse(c.name(), bytes).error() == null ? 0 : 1;
    }
    String head = "---\ntitle: T\noriginalUrl: https://example.com/forged\n";
    Articles.write(content, "forged-quality.txt", head + "publishedDateTime: 2023-10-17T16:45:00Z\n"
        + "quality: \"1\\n" + FORGED + "\\e[31m\"\n---\n");
    Articles.write(content, "forged-date.txt", head + "publishedDateTime: \"x\\r\\n" + FORGED
        + "\\u2028\\u202e\\x9b\"\n---\n");
    Articles.write(content, "forged\n" + FORGED + "\u001b[2J.txt", "---\ntitle: no date\n---\n");
    errorFiles += 3;
    server = TestServer.start(content, Map.of());
    await("every error in /status").atMost(Duration.ofSeconds(10)).until(() -> {
      try {
        return new ObjectMapper().readTree(server.text("/status")).get("filesWithErrors")
            .asInt() == errorFiles;
      } catch (IOException | InterruptedException e) {
        return false;
      }
    });
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      root.detachAppender(logs);
    }
  }

  @Test
  void statusNamesNoSecretAndEscapesEveryMessage() throws Exception {
    String text = server.text("/status");
    assertThat(text).doesNotContain("QZX").doesNotContain("SECRET");
    List<String> shown = new ArrayList<>();
    for (JsonNode e : new ObjectMapper().readTree(text).get("errors")) {
      for (String field : List.of("file", "reason", "message")) {
        assertThat(e.get(field).asText()).as(e.toString()).doesNotContainPattern(RAW);
      }
      shown.add(e.get("message").asText());
    }
    assertThat(shown).hasSize(errorFiles)
        .contains("forged-quality.txt:5: quality \"1\\n" + FORGED + "\\u001b[31m\" is not a whole"
            + " number")
        .anyMatch(m -> m.startsWith("forged\\n" + FORGED + "\\u001b[2J.txt: "))
        .anyMatch(m -> m.startsWith("forged-date.txt:4: publishedDateTime \"x\\r\\n" + FORGED
            + "\\u2028\\u202e\\u009b\""));
  }

  @Test
  void theLogNamesNoSecretAndHasOneLinePerError() {
    List<String> lines = new ArrayList<>();
    synchronized (logs) {
      for (ILoggingEvent e : logs.list) {
        lines.add(e.getFormattedMessage());
      }
    }
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("QZX")
        .doesNotContain("SECRET").doesNotContainPattern(RAW));
    assertThat(lines).anyMatch(l -> l.equals("forged-quality.txt:5: quality \"1\\n" + FORGED
        + "\\u001b[31m\" is not a whole number"));
    assertThat(lines).anyMatch(l -> l.startsWith("forged\\n" + FORGED + "\\u001b[2J.txt: "));
  }

  @Test
  void checkPrintsOneLinePerErrorAndNoSecret() {
    StandardStreams.Run run =
        StandardStreams.both(() -> Main.run(new String[] {"check", content.toString()}));
    int exit = run.exit();
    String printed = run.printed();
    assertThat(exit).isEqualTo(1);
    assertThat(printed).doesNotContain("QZX").doesNotContain("SECRET");
    List<String> lines = Arrays.asList(printed.split("\n", -1));
    assertThat(lines.get(lines.size() - 1)).isEmpty(); // ends with a line break
    lines = lines.subList(0, lines.size() - 1);
    assertThat(lines).hasSize(errorFiles + 1) // one per error, then the summary
        .allSatisfy(l -> assertThat(l).doesNotContainPattern(RAW))
        .noneMatch(l -> l.startsWith("2026"))
        .contains(content.resolve("forged-quality.txt") + ":5: quality \"1\\n" + FORGED
            + "\\u001b[31m\" is not a whole number");
    assertThat(lines.get(lines.size() - 1)).endsWith(errorFiles + " errors, 0 duplicates");
  }
}
