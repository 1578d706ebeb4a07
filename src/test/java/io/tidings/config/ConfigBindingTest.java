package io.tidings.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records are bound from the table of keys by Jackson: every key lands in its component. */
class ConfigBindingTest {
  @Test
  void everyKeyIsBoundToTheComponentItsFieldNames() throws Exception {
    Config defaults = ConfigLoader.load(null, Map.of(), Map.of());
    for (Setting s : Settings.ALL) {
      assertThat(component(defaults, s.field())).as(s.key())
          .isEqualTo(comparable(s.type().parse(s.defaultValue())));
    }
    assertThat(Settings.find("http.maxHeaderSize").field()).isEqualTo("http.limits.maxHeaderSize");
    assertThat(Settings.find("content.maxFileSize").field()).isEqualTo("content.maxFileSize");
  }

  @Test
  void aValueFromTheEnvironmentReachesItsComponent() throws Exception {
    Config c = ConfigLoader.load(null, Map.of("TIDINGS_HTTP_MAX_URI_LENGTH", "1024",
        "TIDINGS_CONTENT_DIR", "/srv/a:b"), Map.of());
    assertThat(c.http().limits().maxUriLength()).isEqualTo(1024);
    assertThat(c.content().dir()).isEqualTo(Path.of("/srv/a:b")); // a path, never a URI
  }

  @Test
  void aComponentThatNoSettingFillsFailsTheBinding() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting s : Settings.ALL) {
      values.put(s.key(), s.type().parse(s.defaultValue()));
    }
    values.remove("push.replay");
    assertThatThrownBy(() -> ConfigBinding.bind(values))
        .isInstanceOf(IllegalStateException.class)
        .hasStackTraceContaining("replay");
  }

  /** The value at a dotted path of record components: {@code http.limits.maxHeaderSize}. */
  private static Object component(Object record, String path) throws Exception {
    Object value = record;
    for (String name : path.split("\\.")) {
      value = value.getClass().getMethod(name).invoke(value);
    }
    return comparable(value);
  }

  /** An int component holds a size (a long) as well: numbers compare by value. */
  private static Object comparable(Object value) {
    return value instanceof Number n ? n.longValue() : value;
  }
}
