package io.tidings.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, then the file, then the environment, then overrides: the later wins. */
class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("config.yaml"), yaml);
  }

  @Test
  void defaults() throws ConfigException {
    Config c = ConfigLoader.load(null, Map.of(), Map.of());
    assertThat(c.http()).isEqualTo(
        new Config.Http("0.0.0.0", 8080, "", Duration.ofSeconds(8), 0, false,
            new Config.Limits(8192, 4096, 64, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 16384)));
    assertThat(c.content()).isEqualTo(new Config.Content(Path.of("conf/content"), "auto",
        Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMinutes(10), 1L << 20, false,
        List.of("txt", "md", "markdown", "yaml", "yml"), 0, true, Duration.ofSeconds(60),
        Path.of("")));
    assertThat(c.feeds()).isEqualTo(new Config.Feeds("Tidings", "Articles served by Tidings", "", 50,
        500, Duration.ofMinutes(30), Duration.ofSeconds(60), 2000, 64L << 20, true));
  }

  @Test
  void aLimitThatWouldDisarmTheServerIsRefusedByName() {
    assertThatThrownBy(() -> ConfigLoader.load(null,
        Map.of("TIDINGS_HTTP_HEADER_TIMEOUT", "10ms"), Map.of()))
        .hasMessageContaining("http.headerTimeout = \"10ms\"")
        .hasMessageContaining("environment variable TIDINGS_HTTP_HEADER_TIMEOUT")
        .hasMessageContaining("at least 100ms");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(),
        Map.of("http.maxConnections", "0"))).hasMessageContaining("http.maxConnections");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(),
        Map.of("http.maxHeaderSize", "2MiB"))).hasMessageContaining("http.maxHeaderSize");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(),
        Map.of("http.keepAliveTimeout", "1s"))).hasMessageContaining("http.keepAliveTimeout")
        .hasMessageContaining("at least 2000ms");
  }

  @Test
  void aKeepAliveLongerThanTheIdleTimeoutIsRefusedNamingBoth() {
    assertThatThrownBy(() -> ConfigLoader.load(null,
        Map.of("TIDINGS_HTTP_KEEP_ALIVE_TIMEOUT", "90s"), Map.of()))
        .hasMessageContaining("http.keepAliveTimeout = 90s")
        .hasMessageContaining("environment variable TIDINGS_HTTP_KEEP_ALIVE_TIMEOUT")
        .hasMessageContaining("http.idleTimeout = 60s (from default)");
  }

  @Test
  void aShorterIdleTimeoutShortensTheDefaultKeepAlive() throws ConfigException {
    Config c = ConfigLoader.load(null, Map.of(), Map.of("http.idleTimeout", "20s"));
    assertThat(c.http().limits().keepAliveTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void defaultsHelperSetsOnlyTheContentDir() {
    Config c = Config.defaults(Path.of("/srv/articles"));
    assertThat(c.content().dir()).isEqualTo(Path.of("/srv/articles"));
    assertThat(c.http().port()).isEqualTo(8080);
  }

  @Test
  void fileValues() throws Exception {
    Config c = ConfigLoader.load(file("""
        http:
          host: 127.0.0.1
          port: 9090
          baseUrl: https://feeds.example.com/
          eventLoops: 3
          maxHeaderSize: 16KiB
          maxUriLength: 2048
          maxQueryParams: 10
          headerTimeout: 500ms
          keepAliveTimeout: 90s
          idleTimeout: 2m
          maxConnections: 100
        content:
          dir: /data/articles
          watch: POLL
          pollInterval: 250ms
          debounce: 1s
          rescanInterval: 0
          maxFileSize: 512KiB
          includeUnpublished: true
          extensions: [TXT, .md]
          parseThreads: 4
          hideFuture: false
        feeds:
          title: My News
          description: All of it
          language: de-CH
          defaultLimit: 20
          maxLimit: 100
          ttl: 1h
          maxAge: 5m
          cacheEntries: 10
          cacheBytes: 1MB
          stylesheet: false
        """), Map.of(), Map.of());
    assertThat(c.http()).isEqualTo(new Config.Http("127.0.0.1", 9090, "https://feeds.example.com",
        Duration.ofSeconds(8), 3, false, new Config.Limits(16 * 1024, 2048, 10,
            Duration.ofMillis(500), Duration.ofSeconds(90), Duration.ofMinutes(2), 100)));
    assertThat(c.http().effectiveEventLoops()).isEqualTo(3);
    assertThat(c.content()).isEqualTo(new Config.Content(Path.of("/data/articles"), "poll",
        Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ZERO, 512L * 1024, true,
        List.of("txt", "md"), 4, false, Duration.ofSeconds(60), Path.of("")));
    assertThat(c.feeds()).isEqualTo(new Config.Feeds("My News", "All of it", "de-CH", 20, 100,
        Duration.ofHours(1), Duration.ofMinutes(5), 10, 1L << 20, false));
  }

  @Test
  void partialFileKeepsOtherDefaults() throws Exception {
    Config c = ConfigLoader.load(file("http:\n  port: 9000\n"), Map.of(), Map.of());
    assertThat(c.http().port()).isEqualTo(9000);
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.content().maxFileSize()).isEqualTo(1L << 20);
  }

  @Test
  void emptyOrCommentOnlyFileIsAllDefaults() throws Exception {
    Config defaults = ConfigLoader.load(null, Map.of(), Map.of());
    assertThat(ConfigLoader.load(file(""), Map.of(), Map.of())).isEqualTo(defaults);
    assertThat(ConfigLoader.load(file("# nothing set\n"), Map.of(), Map.of())).isEqualTo(defaults);
  }

  @Test
  void sectionWithEveryKeyCommentedOutIsFine() throws Exception {
    Config c = ConfigLoader.load(file("http:\n  # port: 9000\ncontent:\n  dir: /x\nfeeds:\n"), Map.of(),
        Map.of());
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.content().dir()).isEqualTo(Path.of("/x"));
  }

  @Test
  void environmentOverridesFile() throws Exception {
    Path f = file("http:\n  port: 9000\ncontent:\n  dir: /from/file\n  maxFileSize: 4MiB\n");
    Config c = ConfigLoader.load(f, Map.of(
        "TIDINGS_CONTENT_DIR", "/from/env",
        "TIDINGS_HTTP_PORT", "7070",
        "TIDINGS_CONTENT_MAX_FILE_SIZE", "2MiB",
        "TIDINGS_CONTENT_EXTENSIONS", "txt, md",
        "PATH", "/usr/bin",
        "TIDINGS_UNKNOWN_THING", "ignored"), Map.of());
    assertThat(c.content().dir()).isEqualTo(Path.of("/from/env"));
    assertThat(c.http().port()).isEqualTo(7070);
    assertThat(c.content().maxFileSize()).isEqualTo(2L * 1024 * 1024);
    assertThat(c.content().extensions()).containsExactly("txt", "md");
  }

  @Test
  void environmentAloneOverridesDefaults() throws Exception {
    Config c = ConfigLoader.load(null, Map.of("TIDINGS_FEEDS_INCLUDE_UNPUBLISHED", "x",
        "TIDINGS_CONTENT_INCLUDE_UNPUBLISHED", "yes", "TIDINGS_HTTP_BASE_URL", "http://h:81/feeds"), Map.of());
    assertThat(c.content().includeUnpublished()).isTrue();
    assertThat(c.http().baseUrl()).isEqualTo("http://h:81/feeds");
  }

  @Test
  void overridesBeatEnvironmentAndFile() throws Exception {
    Path f = file("http:\n  port: 9000\ncontent:\n  dir: /from/file\n");
    Config c = ConfigLoader.load(f,
        Map.of("TIDINGS_HTTP_PORT", "7070", "TIDINGS_CONTENT_DIR", "/from/env"),
        Map.of("http.port", "6060", "content.dir", "/from/flag"));
    assertThat(c.http().port()).isEqualTo(6060);
    assertThat(c.content().dir()).isEqualTo(Path.of("/from/flag"));
  }

  @Test
  void durationsAndSizesInTheirForms() throws Exception {
    Config c = ConfigLoader.load(null, Map.of(), Map.of("content.pollInterval", "3",
        "content.debounce", "250 ms", "feeds.ttl", "2H", "content.maxFileSize", "1048576",
        "feeds.cacheBytes", "1GiB"));
    assertThat(c.content().pollInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.content().debounce()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.feeds().ttl()).isEqualTo(Duration.ofHours(2));
    assertThat(c.content().maxFileSize()).isEqualTo(1048576L);
    assertThat(c.feeds().cacheBytes()).isEqualTo(1L << 30);
  }

  @Test
  void envNameDerivation() {
    assertThat(Settings.find("content.maxFileSize").envName()).isEqualTo("TIDINGS_CONTENT_MAX_FILE_SIZE");
    assertThat(Settings.find("http.port").envName()).isEqualTo("TIDINGS_HTTP_PORT");
    assertThat(Settings.find("http.baseUrl").envName()).isEqualTo("TIDINGS_HTTP_BASE_URL");
    assertThat(Settings.find("content.includeUnpublished").envName())
        .isEqualTo("TIDINGS_CONTENT_INCLUDE_UNPUBLISHED");
    assertThat(Settings.find("feeds.defaultLimit").envName()).isEqualTo("TIDINGS_FEEDS_DEFAULT_LIMIT");
    assertThat(new Setting("a.bCdEf", "", ValueType.string(), "").envName()).isEqualTo("TIDINGS_A_B_CD_EF");
  }

  @Test
  void envNamesAreDistinctAndUpperSnake() {
    assertThat(Settings.ALL).extracting(Setting::envName).doesNotHaveDuplicates()
        .allMatch(n -> n.matches("TIDINGS_[A-Z]+(_[A-Z]+)+"));
    assertThat(Settings.ALL).extracting(Setting::key).doesNotHaveDuplicates();
  }

  @Test
  void everyDefaultIsValid() throws Exception {
    for (Setting s : Settings.ALL) {
      assertThat(s.type().parse(s.defaultValue())).as(s.key()).isNotNull();
    }
  }

  @Test
  void describeListsEveryKeyWithItsVariableAndDefault() {
    String help = ConfigLoader.describe();
    for (Setting s : Settings.ALL) {
      assertThat(help).contains(s.key(), s.envName(), s.help());
    }
    assertThat(help).contains("default 1MiB", "default (empty)");
  }
}
