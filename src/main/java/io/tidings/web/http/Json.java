package io.tidings.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * The API's one JSON writer: records (fields in component order, nulls written) through one
 * Jackson mapper. Pretty output is Jackson's default pretty printer ({@code "key" : value},
 * two-space indent); text is written as characters, then encoded as UTF-8, so every character,
 * emoji included, is itself in the bytes.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter());
  private static final ObjectWriter COMPACT = MAPPER.writer();

  private Json() {}

  /** The value as indented UTF-8 JSON: the API's answers. */
  public static byte[] pretty(Object value) {
    return write(PRETTY, value).getBytes(StandardCharsets.UTF_8);
  }

  /** The value as one line of JSON: event payloads. */
  public static String compact(Object value) {
    return write(COMPACT, value);
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON output failed for " + value.getClass().getSimpleName(),
          e);
    }
  }
}
