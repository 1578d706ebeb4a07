package io.tidings.article;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The field names of docs/format.md, level by level, and the warnings for the others: a
 * misspelt field ({@code qualty}, {@code Title}) is ignored like any unknown one, which is
 * rarely what its author meant.
 */
final class KnownFields {
  private KnownFields() {}

  static final List<String> ARTICLE = List.of("title", "publishedDateTime", "originalUrl",
      "webUrl", "ampWebUrl", "cdnAmpWebUrl", "excerpt", "category", "type", "quality", "heat",
      "published", "provider", "topics", "images", "related", "secured");
  static final List<String> PROVIDER = List.of("name", "domain");
  static final List<String> IMAGE = List.of("url", "width", "height", "isCached");
  static final List<String> RELATED = List.of("title", "excerpt", "publishedDateTime", "webUrl",
      "ampWebUrl", "cdnAmpWebUrl", "type", "provider", "quality", "images");

  /**
   * One warning for each field of {@code node} that is not {@code known}, at {@code line};
   * {@code where} ("images[0]: ", or "" at the top) says which mapping it is in.
   */
  static void check(ObjectNode node, List<String> known, String where, int line, Slips slips) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        slips.add(line, where + Slips.unknownField(name, known));
      }
    }
  }

  /** The top level's unknown fields, each at its own line, and the misspelt secured keys. */
  static void check(YamlTree.Root root, Slips slips) {
    for (Iterator<String> names = root.fields().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ARTICLE.contains(name)) {
        slips.add(root.lineOf(name), Slips.unknownField(name, ARTICLE));
      }
    }
    for (Map.Entry<String, Long> key : root.misnamedSecured()) {
      slips.add(root.lineAt(key.getValue()), "unknown field " + Slips.name(key.getKey())
          + ": did you mean secured? (its value is skipped unread, as secured's is)");
    }
  }

  /**
   * The field of the file that was most likely meant to be the missing {@code field}
   * ({@code publishDateTime} for {@code publishedDateTime}), or null.
   */
  static String meantFor(ObjectNode node, String field) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ARTICLE.contains(name) && EditDistance.nearest(name, List.of(field)).isPresent()) {
        return name;
      }
    }
    return null;
  }
}
