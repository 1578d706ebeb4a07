package io.tidings.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Binds checked values into the records of {@link Config}: each setting's value goes into a
 * tree at its {@link Setting#field}, and Jackson maps the tree onto the records by their
 * component names. A component that no setting fills, or a setting that no component takes,
 * fails every load at once (the binding is strict both ways), so the table of keys and the
 * records cannot drift apart.
 */
final class ConfigBinding {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule("tidings-config")
          .addDeserializer(Duration.class, asConverted(Duration.class))
          .addDeserializer(Path.class, asConverted(Path.class))
          .addDeserializer(TrustedProxies.class, asConverted(TrustedProxies.class)))
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private ConfigBinding() {}

  /** @param values each key's value as its {@link ValueType} made it */
  static Config bind(Map<String, Object> values) {
    ObjectNode root = MAPPER.createObjectNode();
    values.forEach((key, value) -> put(root, Settings.find(key).field(), value));
    try {
      return MAPPER.treeToValue(root, Config.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // the table of keys and the records disagree: a mistake in this code, not in the config
      throw new IllegalStateException("the settings do not fit the records of Config", e);
    }
  }

  private static void put(ObjectNode root, String field, Object value) {
    ObjectNode node = root;
    String[] path = field.split("\\.");
    for (int i = 0; i < path.length - 1; i++) {
      node = node.withObjectProperty(path[i]);
    }
    String name = path[path.length - 1];
    if (value instanceof Duration || value instanceof Path || value instanceof TrustedProxies) {
      node.putPOJO(name, value); // JSON has no such type: handed through as it is
    } else {
      node.set(name, MAPPER.valueToTree(value));
    }
  }

  /** A value of a type that JSON lacks, taken as the tree holds it. */
  private static <T> JsonDeserializer<T> asConverted(Class<T> type) {
    return new StdDeserializer<>(type) {
      @Override
      public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
        Object value = p.getEmbeddedObject();
        if (!type.isInstance(value)) {
          return type.cast(context.handleUnexpectedToken(type, p));
        }
        return type.cast(value);
      }
    };
  }
}
