package io.tidings;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The shipped logback.xml in both formats, in a logger context of its own: JSON is one object
 * a line in Elastic Common Schema fields whatever the message holds, the exception as
 * error.* fields; human is one line a event.
 */
class LogFormatTest {
  private static final String TRICKY = "file \"a.txt\":3: reason with \\ and\nnewline, 人工智能"
      + " and ESC\u001b[2J,\u2028LS,\u0085NEL";
  private static final long WHEN = Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli();

  @Test
  void jsonIsOneEcsObjectPerLineWithTheExceptionAsFields() throws Exception {
    List<String> lines = logWith("json");
    assertThat(lines).hasSize(2);
    assertThat(String.join("\n", lines)).doesNotContain("\u2028", "\u0085");
    ObjectMapper json = new ObjectMapper();
    JsonNode warn = json.readTree(lines.get(0));
    assertThat(Instant.parse(warn.path("@timestamp").asText()))
        .isEqualTo(Instant.ofEpochMilli(WHEN));
    assertThat(warn.path("@timestamp").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(warn.path("log.level").asText()).isEqualTo("WARN");
    assertThat(warn.path("log.logger").asText()).isEqualTo("io.tidings.test");
    assertThat(warn.path("message").asText()).isEqualTo(TRICKY);
    assertThat(warn.path("process.thread.name").asText()).isEqualTo("worker-7");
    assertThat(warn.path("ecs.version").asText()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(warn.has("error.type")).isFalse();
    assertThat(warn.has("timestamp") || warn.has("formattedMessage") || warn.has("loggerName"))
        .isFalse();
    JsonNode error = json.readTree(lines.get(1));
    assertThat(error.path("log.level").asText()).isEqualTo("ERROR");
    assertThat(error.path("message").asText()).isEqualTo("failed");
    assertThat(error.path("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.path("error.message").asText()).isEqualTo("boom");
    assertThat(error.path("error.stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("at io.tidings.LogFormatTest.logWith");
  }

  @Test
  void humanIsOneLinePerEventWithTimeLevelAndLogger() throws Exception {
    List<String> lines = logWith("human");
    assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  test - "
        + "file \"a\\.txt\":3: reason with \\\\ and newline, 人工智能 and ESC \\[2J, LS, NEL");
    assertThat(lines).anyMatch(l -> l.contains("ERROR test - failed"));
    assertThat(lines).anyMatch(l -> l.contains("java.lang.IllegalStateException: boom"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> logWith(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    context.putProperty("tidings.log.format", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    // the encoder that the file gives the console appender, fed two events
    ch.qos.logback.classic.Logger log = context.getLogger("io.tidings.test");
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Encoder<ILoggingEvent> encoder =
        ((OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT")).getEncoder();
    // Detached, never stopped: stopping a console appender closes System.out, and with it
    // what surefire reads from this JVM.
    root.detachAppender("STDOUT");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LoggingEvent warn = new LoggingEvent(Logger.class.getName(), log, Level.WARN,
        "file \"{}\":3: reason with \\ and\nnewline, 人工智能 and ESC\u001b[2J,\u2028LS,\u0085NEL",
        null, new Object[] {"a.txt"});
    warn.setTimeStamp(WHEN);
    warn.setThreadName("worker-7");
    out.write(encoder.encode(warn));
    out.write(encoder.encode(new LoggingEvent(Logger.class.getName(), log, Level.ERROR,
        "failed", new IllegalStateException("boom"), null)));
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
