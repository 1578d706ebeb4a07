package io.tidings.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seeds and helpers for the fuzz tests: the sample content as a starting corpus, and a way to
 * tell whether an input carries a {@code secured} value, so that a test can check that the
 * value makes no difference to any output.
 */
public final class FuzzInputs {
  /** Two values for {@code secured} that occur in no article, no template and no feed. */
  public static final String MARKER_A = "Zq1SecuredMarkerAlphaZq";
  public static final String MARKER_B = "Zq1SecuredMarkerBravoZq";

  private static final YAMLMapper YAML = new YAMLMapper();

  private FuzzInputs() {}

  /** Every file of the sample content (conf/content), then a few small hostile shapes. */
  public static Stream<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("conf/content"))) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String s : List.of(
        "---\ntitle: t\npublishedDateTime: 2023-10-17T16:45:00Z\noriginalUrl: https://e.com/a\n"
            + "secured: s3cr3t\n---\n",
        "---\ntitle: \"<b>&amp;]]>\"\npublishedDateTime: 2023-10-17T16:45:00+02:00\n"
            + "webUrl: http://e.com/?a=1&b=2\ntopics: [AI, 人工智能, '']\n"
            + "provider: {name: X, domain: www.X.com}\nimages: [{url: 'https://e.com/i.png',"
            + " width: 1, height: 2}]\nrelated: [{title: r, webUrl: 'https://e.com/r'}]\n---\nbody\n",
        "---\ntitle: &a x\nexcerpt: *a\n---\n",
        "---\n[1, 2]\n---\n",
        "---\n")) {
      seeds.add(s.getBytes(StandardCharsets.UTF_8));
    }
    return seeds.stream();
  }

  /**
   * When the file's front matter has a top-level {@code secured} string whose text occurs
   * exactly once in the file, the file twice over: with {@link #MARKER_A} and with {@link
   * #MARKER_B} in its place. Empty otherwise (no secured value, or one that cannot be told apart
   * from the rest of the file).
   */
  public static Optional<byte[][]> securedVariants(byte[] file) {
    String text = new String(file, StandardCharsets.UTF_8);
    if (!text.startsWith("---\n")) {
      return Optional.empty();
    }
    int end = text.indexOf("\n---", 3);
    String front = end < 0 ? text.substring(4) : text.substring(4, end + 1);
    String secured;
    try {
      JsonNode root = YAML.readTree(front);
      JsonNode value = root == null ? null : root.get("secured");
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        return Optional.empty();
      }
      secured = value.asText();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    int at = text.indexOf(secured);
    if (at < 0 || text.indexOf(secured, at + 1) >= 0) {
      return Optional.empty();
    }
    String before = text.substring(0, at);
    String after = text.substring(at + secured.length());
    return Optional.of(new byte[][] {
        (before + MARKER_A + after).getBytes(StandardCharsets.UTF_8),
        (before + MARKER_B + after).getBytes(StandardCharsets.UTF_8)});
  }
}
