package io.tidings.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** conf/config.yaml, as shipped: it loads, it gives the defaults, it documents every key. */
class ShippedConfigTest {
  private static final Path SHIPPED = Path.of("conf/config.yaml");

  @Test
  void loadsAndGivesTheDocumentedDefaults() throws Exception {
    Config c = ConfigLoader.load(SHIPPED, Map.of(), Map.of());
    assertThat(c).isEqualTo(ConfigLoader.load(null, Map.of(), Map.of()));
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.http().baseUrl()).isEmpty();
    assertThat(c.content().dir()).isEqualTo(Path.of("conf/content"));
    assertThat(c.content().watch()).isEqualTo("auto");
    assertThat(c.content().maxFileSize()).isEqualTo(1L << 20);
    assertThat(c.content().debounce()).isEqualTo(Duration.ofMillis(100));
    assertThat(c.content().extensions()).containsExactly("txt", "md", "markdown", "yaml", "yml");
    assertThat(c.feeds().defaultLimit()).isEqualTo(50);
    assertThat(c.feeds().maxLimit()).isEqualTo(500);
    assertThat(c.feeds().cacheBytes()).isEqualTo(64L << 20);
  }

  @Test
  void environmentStillBeatsTheShippedFile() throws Exception {
    Config c = ConfigLoader.load(SHIPPED, Map.of("TIDINGS_HTTP_PORT", "9999"), Map.of());
    assertThat(c.http().port()).isEqualTo(9999);
  }

  @Test
  void everySettingIsAKeyOfTheFileWithItsDefault() throws Exception {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(SHIPPED));
    List<String> keys = new ArrayList<>();
    flatten("", root, keys);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(
        Settings.ALL.stream().map(Setting::key).toList());
    for (Setting s : Settings.ALL) {
      String[] parts = s.key().split("\\.");
      JsonNode v = root.path(parts[0]).path(parts[1]);
      Object fromFile = s.type().parse(v.isArray() ? join(v) : v.asText());
      assertThat(fromFile).as(s.key()).isEqualTo(s.type().parse(s.defaultValue()));
    }
  }

  @Test
  void everySettingIsDocumentedWithItsVariable() throws Exception {
    List<String> lines = Files.readAllLines(SHIPPED);
    for (Setting s : Settings.ALL) {
      String leaf = s.key().substring(s.key().indexOf('.') + 1);
      int at = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().startsWith(leaf + ":")) {
          at = i;
        }
      }
      assertThat(at).as("line of " + s.key()).isPositive();
      // the nearest comment block above the key (keys documented together share one) explains it
      // and names its environment variable
      int i = at - 1;
      while (i >= 0 && lines.get(i).startsWith("  ") && !lines.get(i).strip().startsWith("#")) {
        i--;
      }
      StringBuilder comment = new StringBuilder();
      for (; i >= 0 && lines.get(i).strip().startsWith("#"); i--) {
        comment.insert(0, lines.get(i).strip() + "\n");
      }
      assertThat(comment.toString()).as("comment above " + s.key()).contains(s.envName());
    }
  }

  private static void flatten(String prefix, JsonNode node, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        flatten(prefix + e.getKey() + ".", e.getValue(), out);
      } else {
        out.add(prefix + e.getKey());
      }
    }
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(x -> parts.add(x.asText()));
    return String.join(",", parts);
  }
}
