package io.tidings.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way reading a config file can fail, each as exactly one line: the file (with line and
 * column where there is one) and the reason in our words. {@code {f}} in an expected line is
 * the file; an expected line ending in {@code ...} is a prefix (the rest lists keys).
 */
class ConfigFileErrorsTest {
  @TempDir
  Path dir;

  interface Setup {
    Path make(Path dir) throws Exception;
  }

  private static Setup yaml(String text) {
    return d -> Files.writeString(d.resolve("config.yaml"), text);
  }

  private static Arguments row(String name, Setup setup, String expected) {
    return Arguments.of(name, setup, expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("missing file", d -> d.resolve("absent.yaml"), "{f}: no such file"),
        row("missing directory", d -> d.resolve("nope/config.yaml"), "{f}: no such file"),
        row("parent is a file", d -> Files.writeString(d.resolve("plain"), "").resolve("c.yaml"),
            "{f}: not a directory"),
        row("broken symbolic link", d -> Files.createSymbolicLink(d.resolve("link.yaml"),
            d.resolve("gone.yaml")), "{f}: is a symbolic link to a file that does not exist"),
        row("directory", d -> Files.createDirectory(d.resolve("conf.yaml")),
            "{f}: is a directory, not a config file"),
        row("FIFO", ConfigFileErrorsTest::fifo,
            "{f}: is a named pipe (FIFO), not a regular file; give a YAML file"),
        row("socket", ConfigFileErrorsTest::socket,
            "{f}: is a socket, not a regular file; give a YAML file"),
        row("character device", d -> Path.of("/dev/zero"),
            "{f}: is a character device, not a regular file; give a YAML file"),
        row("too large", d -> Files.writeString(d.resolve("big.yaml"),
            "#".repeat(ConfigFile.MAX_BYTES) + "\n"),
            "{f}: is 1048577 bytes, larger than the 1048576 bytes (1 MiB) a config file may have"),
        row("not UTF-8", d -> Files.write(d.resolve("latin1.yaml"),
            "feeds:\n  title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
            "{f}:2:13: is not valid UTF-8 (byte 0xE9); save the file as UTF-8"),
        row("control character", yaml("feeds:\n  title: a\u001bb\n"),
            "{f}:2:11: the control character U+001B is not allowed in a YAML file; remove it"
                + " (or write it as an escape in a \"quoted\" value)"),
        row("tab", yaml("http:\n\tport: 1\n"), "{f}:2:1: a tab; indent with spaces, not tabs"),
        row("duplicate key", yaml("http:\n  port: 8081\n  port: 8082\n"),
            "{f}:3:3: http.port is written twice (first on line 2); keep one"),
        row("duplicate section", yaml("http:\n  port: 1\nhttp:\n  host: x\n"),
            "{f}:3:1: http is written twice (first on line 1); keep one"),
        row("a key indented too far", yaml("http:\n  port: 8080\n   host: x\n"),
            "{f}:3:8: a ':' where none may be: quote a value that contains ': ', and indent the"
                + " keys of one section alike"),
        row("a key indented too little", yaml("http:\n  port: 1\n host: 2\n"),
            "{f}:3:2: bad indentation: the keys of one section must be indented alike, each"
                + " line written key: value"),
        row("unclosed quote", yaml("feeds:\n  title: \"abc\n"),
            "{f}:2:10: a quoted value that is never closed"),
        row("unclosed list", yaml("content:\n  extensions: [txt\n"),
            "{f}:2:15: a list [ that is never closed with ]"),
        row("unclosed mapping", yaml("http: {port: 1\n"),
            "{f}:1:7: a mapping { that is never closed with }"),
        row("top level is a list", yaml("- http\n- content\n"),
            "{f}:1:1: the file must be sections of keys (http:, content:, ...), but it is a list"),
        row("top level is a value", yaml("port 8080\n"), "{f}:1:1: the file must be sections"
            + " of keys (http:, content:, ...), but it is a single value"),
        row("two documents", yaml("http:\n  port: 1\n---\nhttp:\n  port: 2\n"),
            "{f}:4:1: a second YAML document (after ---); a config file holds one"),
        row("alias", yaml("http:\n  port: &p 8080\nfeeds:\n  maxLimit: *p\n"),
            "{f}:4:13: YAML aliases (*name) are not supported in the config file; write the"
                + " value of feeds.maxLimit out"),
        row("complex key", yaml("? [a]\n: 1\n"),
            "{f}:1:4: a key must be plain text, not a list or a mapping"),
        row("binary value", yaml("feeds:\n  title: !!binary aGk=\n"), "{f}:2:10: feeds.title"
            + " has a value of a kind a setting cannot take (a YAML tag such as !!binary?);"
            + " write it as plain text"),
        row("section given a value", yaml("http: 8080\n"),
            "{f}:1:1: http is a section, not a setting: write its keys below it, indented"
                + " (host, port, ..."),
        row("setting given keys", yaml("content:\n  maxFileSize:\n    value: 1MiB\n"),
            "{f}:2:3: content.maxFileSize takes a value, not keys below it"),
        row("list of mappings", yaml("content:\n  extensions: [{a: 1}]\n"),
            "{f}:2:16: content.extensions takes a list of plain values only"),
        row("misspelt key", yaml("content:\n  debounse: 1s\n"),
            "{f}:2:3: unknown key content.debounse; did you mean content.debounce?"),
        row("key in snake case", yaml("content:\n  max_file_size: 2MiB\n"),
            "{f}:2:3: unknown key content.max_file_size; did you mean content.maxFileSize?"),
        row("misspelt section", yaml("contnet:\n  dir: /x\n"),
            "{f}:1:1: unknown key contnet; did you mean content?"),
        row("unknown key", yaml("http:\n  colour: red\n"),
            "{f}:2:3: unknown key http.colour; the keys of http are host, port, ..."),
        row("unknown section", yaml("colour: red\n"),
            "{f}:1:1: unknown key colour; the sections are http, content, feeds, push, websub, metrics"),
        row("unknown key with an escape", yaml("\"ht\\etp\": 1\n"),
            "{f}:1:1: unknown key ht\\u001Btp; did you mean http?"),
        row("wrong type", yaml("http:\n  port: eighty\n"),
            "{f}:2:3: http.port = \"eighty\" is not allowed: use an integer from 0 to 65535"),
        row("value that would forge a log line", yaml("http:\n  port: \"1\\n2 INFO ready\"\n"),
            "{f}:2:3: http.port = \"1\\n2 INFO ready\" is not allowed: use an integer from 0 to"
                + " 65535"),
        row("text with an escape", yaml("feeds:\n  title: \"a\\e[31mb\"\n"),
            "{f}:2:3: feeds.title = \"a\\u001B[31mb\" is not allowed: use text without control"
                + " characters"),
        row("file name with a newline", d -> d.resolve("con\nfig.yaml"), "{f}: no such file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneLineNamingTheFileAndTheReason(String name, Setup setup, String expected)
      throws Exception {
    Path file = setup.make(dir);
    // A FIFO must be refused, not opened: an open would block until a writer came, forever.
    String message = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refusal(file));
    String shown = file.toString().replace("\n", "\\n");
    assertThat(message).doesNotContain("\n", "\r", "\u001b");
    if (expected.endsWith("...")) {
      assertThat(message).startsWith(expected.replace("{f}", shown)
          .substring(0, expected.length() + shown.length() - "{f}".length() - 3));
    } else {
      assertThat(message).isEqualTo(expected.replace("{f}", shown));
    }
  }

  private static String refusal(Path file) {
    try {
      Config c = ConfigLoader.load(file, Map.of(), Map.of());
      throw new AssertionError("accepted: " + c);
    } catch (ConfigException e) {
      return e.getMessage();
    }
  }

  private static Path fifo(Path d) throws Exception {
    Path fifo = d.resolve("fifo.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("mkfifo ended").isTrue();
    assertThat(p.exitValue()).as("mkfifo's exit status").isZero();
    return fifo;
  }

  private static Path socket(Path d) throws Exception {
    Path socket = d.resolve("socket.yaml");
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    channel.bind(UnixDomainSocketAddress.of(socket));
    channel.close(); // the file stays
    return socket;
  }

  @Test
  void aByteOrderMarkAndAnEmptyFileAreFine() throws Exception {
    Path bom = Files.writeString(dir.resolve("bom.yaml"), "\uFEFFhttp:\n  port: 9000\n");
    assertThat(ConfigLoader.load(bom, Map.of(), Map.of()).http().port()).isEqualTo(9000);
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing set\n");
    assertThat(ConfigLoader.load(empty, Map.of(), Map.of()).http().port()).isEqualTo(8080);
    Path dotted = Files.writeString(dir.resolve("dotted.yaml"), "http.port: 9001\n"
        + "content:\n  extensions: [txt, md]\n  dir: \"/srv/caf\u00e9\"\n");
    Config c = ConfigLoader.load(dotted, Map.of(), Map.of());
    assertThat(c.http().port()).isEqualTo(9001);
    assertThat(c.content().extensions()).containsExactly("txt", "md");
    assertThat(c.content().dir()).isEqualTo(Path.of("/srv/caf\u00e9"));
  }

  @Test
  void aValueOfTheFileReplacedByTheEnvironmentIsBlamedOnTheVariable() throws Exception {
    Path f = Files.writeString(dir.resolve("c.yaml"), "http:\n  port: 9000\n");
    assertThat(refusalWith(f, Map.of("TIDINGS_HTTP_PORT", "x\u001b"))).isEqualTo(
        "http.port = \"x\\u001B\" (from environment variable TIDINGS_HTTP_PORT) is not allowed:"
            + " use an integer from 0 to 65535");
  }

  private static String refusalWith(Path file, Map<String, String> env) {
    try {
      Config c = ConfigLoader.load(file, env, Map.of());
      throw new AssertionError("accepted: " + c);
    } catch (ConfigException e) {
      return e.getMessage();
    }
  }

  @Test
  void theDefaultFileIsReadWhenAnythingIsThereAndSkippedWhenNothingIs() throws Exception {
    Path given = dir.resolve("given.yaml");
    Path fallback = dir.resolve("conf/config.yaml");
    assertThat(ConfigLoader.fileToRead(given, fallback)).isEqualTo(given);
    assertThat(ConfigLoader.fileToRead(null, fallback)).isNull();
    Files.createDirectories(fallback); // a directory there is reported, not silently skipped
    assertThat(ConfigLoader.fileToRead(null, fallback)).isEqualTo(fallback);
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("gone.yaml"));
    assertThat(ConfigLoader.fileToRead(null, link)).isEqualTo(link);
  }
}
