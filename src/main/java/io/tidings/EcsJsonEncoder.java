package io.tidings;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object a line in Elastic Common Schema field names: {@code @timestamp} (ISO-8601
 * UTC, milliseconds), {@code log.level}, {@code message}, {@code log.logger},
 * {@code process.thread.name}, {@code ecs.version}, for an error {@code error.type},
 * {@code error.message}, {@code error.stack_trace}, and each SLF4J key-value pair of the event
 * as a field of its own (the access log's {@code http.*}, {@code url.path},
 * {@code event.duration}). Jackson escapes the strings; U+0085, U+2028 and U+2029 are escaped
 * too, so no line-break character of any kind is written inside an event.
 */
public final class EcsJsonEncoder extends EncoderBase<ILoggingEvent> {
  static final String ECS_VERSION = "8.11.0";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Set<String> OWN = Set.of("@timestamp", "log.level", "message",
      "log.logger", "process.thread.name", "ecs.version", "error.type", "error.message",
      "error.stack_trace");
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setCharacterEscapes(LineBreaks.INSTANCE);
      json.writeStartObject();
      json.writeStringField("@timestamp",
          TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp())));
      json.writeStringField("log.level", event.getLevel().toString());
      json.writeStringField("message", event.getFormattedMessage());
      json.writeStringField("ecs.version", ECS_VERSION);
      json.writeStringField("log.logger", event.getLoggerName());
      json.writeStringField("process.thread.name", event.getThreadName());
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          if (pair.key != null && !OWN.contains(pair.key)) {
            writeValue(json, pair.key, pair.value);
          }
        }
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        json.writeStringField("error.type", error.getClassName());
        if (error.getMessage() != null) {
          json.writeStringField("error.message", error.getMessage());
        }
        json.writeStringField("error.stack_trace", ThrowableProxyUtil.asString(error));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator json, String key, Object value)
      throws IOException {
    json.writeFieldName(key);
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else {
      json.writeString(String.valueOf(value));
    }
  }

  /** Jackson's standard escapes plus the line breaks outside ASCII. */
  private static final class LineBreaks extends CharacterEscapes {
    static final LineBreaks INSTANCE = new LineBreaks();
    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case 0x85 -> new SerializedString("\\u0085");
        case 0x2028 -> new SerializedString("\\u2028");
        case 0x2029 -> new SerializedString("\\u2029");
        default -> null;
      };
    }
  }
}
