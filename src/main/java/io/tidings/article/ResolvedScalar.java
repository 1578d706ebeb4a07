package io.tidings.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A plain (unquoted) scalar that YAML 1.1 resolves to a number or a boolean: {@code Yes},
 * {@code NO}, {@code on}, {@code 3.10}, {@code 0x1F}, {@code 007}, {@code 1_000}, {@code .inf}.
 *
 * <p>It is text, and its text is the scalar as the file writes it: every field that
 * docs/format.md calls text (title, excerpt, topics, provider, ...) reads it as a {@link TextNode},
 * so {@code title: Yes} is "Yes", never "true", and {@code title: 3.10} is "3.10", never "3.1".
 * Only the fields that are a number or a boolean (quality, heat, published, width, height,
 * isCached) ask for {@link #typed()}, YAML's own reading of it.
 */
final class ResolvedScalar extends TextNode {
  private static final long serialVersionUID = 1L;

  /** YAML's reading: a whole number or a boolean; null for a number that no field can use. */
  private final transient JsonNode typed;

  ResolvedScalar(String source, JsonNode typed) {
    super(source);
    this.typed = typed;
  }

  /**
   * YAML's typed reading of a scalar: a {@link ResolvedScalar}'s number or boolean (null for a
   * fraction, an infinity or a whole number beyond 64 bits); any other node as it is.
   */
  static JsonNode typed(JsonNode n) {
    return n instanceof ResolvedScalar r ? r.typed : n;
  }
}
