package io.tidings.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.bench.CorpusGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FastYaml} against the YAML library's reading ({@link YamlTree#full}): whenever the fast
 * reading takes a text, the library must read it without error to exactly the same tree (node
 * kinds, texts, YAML's typed values, field order), the same field starts and the same misspelt
 * secured keys. Checked on generated corpora, the bundled content, a table of YAML's corners and
 * many thousands of random edits of real files.
 */
class FastYamlTest {
  private final YamlTree tree = new YamlTree(1 << 20);

  /** Whether the fast reading took the text; fails when it differs from the library's. */
  private boolean agrees(String yaml) {
    YamlTree.Root fast = FastYaml.read(yaml);
    if (fast == null) {
      return false;
    }
    YamlTree.Root full;
    try {
      full = tree.full(yaml);
    } catch (ArticleFileException e) {
      fail("the fast reading took a text the YAML library refuses (" + e.getMessage() + "):\n"
          + yaml);
      return false;
    }
    assertEquals(shape(full.fields()), shape(fast.fields()), yaml);
    assertEquals(full.starts(), fast.starts(), yaml);
    assertEquals(full.misnamedSecured(), fast.misnamedSecured(), yaml);
    for (String key : full.starts().keySet()) {
      assertEquals(full.lineOf(key), fast.lineOf(key), key + " in\n" + yaml);
    }
    for (Map.Entry<String, Long> key : full.misnamedSecured()) {
      assertEquals(full.lineAt(key.getValue()), fast.lineAt(key.getValue()), yaml);
    }
    return true;
  }

  /** A node as text that tells kinds apart: TextNode and ResolvedScalar compare equal otherwise. */
  static String shape(JsonNode n) {
    if (n == null) {
      return "absent";
    }
    if (n.isObject()) {
      StringBuilder b = new StringBuilder("{");
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.append(e.getKey()).append('=').append(shape(e.getValue())).append(", ");
      }
      return b.append('}').toString();
    }
    if (n.isArray()) {
      StringBuilder b = new StringBuilder("[");
      n.forEach(item -> b.append(shape(item)).append(", "));
      return b.append(']').toString();
    }
    if (n instanceof ResolvedScalar r) {
      JsonNode typed = ResolvedScalar.typed(r);
      return "resolved(" + r.asText() + " as " + (typed == null ? "nothing"
          : typed.getClass().getSimpleName() + " " + typed) + ")";
    }
    return n.getClass().getSimpleName() + "(" + n.asText() + ")";
  }

  private static String yamlOf(String file) throws ArticleFileException {
    return FrontMatter.split(file.getBytes(StandardCharsets.UTF_8)).yaml();
  }

  @Test
  void generatedFilesAreReadFastToTheSameTree() throws Exception {
    int fast = 0;
    int all = 0;
    for (long seed : new long[] {1, 42, 2026}) {
      CorpusGenerator generator = CorpusGenerator.withSeed(seed);
      for (int i = 0; i < 400; i++) {
        all++;
        if (agrees(yamlOf(generator.articleText(i)))) {
          fast++;
        }
      }
    }
    // The generator writes what pipelines write: the fast reading must take nearly all of it.
    assertTrue(fast >= all * 0.98, fast + " of " + all + " read fast");
  }

  @Test
  void bundledContentIsReadTheSame() throws IOException, ArticleFileException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("conf", "content"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.size() > 20, "the bundled content is there");
    int fast = 0;
    for (Path f : files) {
      if (agrees(FrontMatter.split(Files.readAllBytes(f)).yaml())) {
        fast++;
      }
    }
    assertTrue(fast >= files.size() * 0.9, fast + " of " + files.size() + " read fast");
  }

  /** Texts the fast reading must take, each beside the library's reading of it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "title: Yes\nquality: 13\nheat: -1\npublished: false\nother: NO\nz: ON\nt: True\n",
      "title: y\nb: n\nc: Y\nd: ~\ne: null\nf: Null\ng: NULL\nh:\ni: 0\nj: -7\nk: 123456789012345678\n",
      "d: 2023-10-17T16:45:00Z\ne: 2023-10-17\ng: 3.10.1\nh: a:b\ni: http://x/y?a=b#c\n",
      "t: \"a \\\"q\\\" \\\\ \\n \\t \\r \\u00e9 \\u4e2d # not a comment\"\nu: 'it''s ''x'''\n",
      "t: plain # a comment\nu: \"q\" # another\nv: 'w'   \nw: trailing   \n# whole line\n\n",
      "title: 人工智能 и café 😀 text\nexcerpt: \"emoji 😀 in quotes\"\nz: after\n",
      "provider:\n  name: Reuters\n  domain: reuters.com\ntopics:\n  - AI\n  - Open Source\n",
      "topics:\n- AI\n- 'B'\nrelated:\n- title: a\n  webUrl: https://e/x\n  images:\n  - url: u\n"
          + "    width: 3\nafter: x\n",
      "related:\n  - title: a\n    images:\n      - url: u\n        isCached: true\n  - title: b\n",
      "secured: \"opaque/+=blob\"\ntitle: t\n",
      "title: t\nsecured:\n  inner: x\n  list:\n    - a\nnext: 1\n",
      "Secured: x\nsecure: y\nsecrued: 'z'\ntitle: t\nprovider:\n  SECURED: q\n  secure_d: r\n",
      "related:\n  - secured: x\n    secur: y\n    title: t\n",
      "a_b: 1\nA1: 2\n_x: 3\nnull: 4\ntrue: 5\non: 6\ny: 7\n",
      "title:    spaced value\nexcerpt: a - b -- c\nx: -a\ny: ---\nz: a,b [c] {d}\n",
      "list:\n  - \"quoted\"\n  - 'single'\n  - plain # comment\n  -   spaced\n",
      "e:\nf:\n  g:\nh: x\n",
      "k: <<\nl: =\n",
      "v: 1.2.3-beta\nw: 2023-10-17 16:45:00 +00:00\nx: 12abc\ny: -x1\nz: Nasa1\nq: Nulls\n",
      "a: nULL\nb: TRUE\nc: Off\nd: falsey\nf: -123\ng: 2023\n",
      "a: yES\nb: tRUE\nc: oN\nd: nO\ne: FaLsE\nf: OfF\ng: NuLL\nh: nulL\ni: Y\nj: N\nk: yess\n",
  })
  void cornersAreReadTheSame(String yaml) {
    assertTrue(agrees(yaml), "the fast reading should take:\n" + yaml);
  }

  /** Texts beyond the fast reading: it gives up and the library reads (or refuses) them. */
  @ParameterizedTest
  @ValueSource(strings = {
      "title: a\tb\n", "title: a\r\nx: b\r\n", "title: a\rb\n", "title: a\u0085b\n",
      "title: a\u2028b\n", "title: a\u2029b\n", "\ufefftitle: a\n", "title: a\u0007\n",
      "title: a\u007fb\n", "title: \ud800x\n",
      "topics: [AI, B]\n", "p: {a: b}\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  x\n",
      "a: >\n  x\n", "a: multi\n  line\n", "a: \"multi\n  line\"\n", "\"title\": x\n",
      "'title': x\n", "? title\n: x\n", "title : x\n", "title:x\n", "title: x\ntitle: y\n",
      "a:\n  - - x\n", "a:\n  -\n    x\n", "a: - x\n", "a: b: c\n", "a: b:\n", "a: %x\n",
      "a: @x\n", "a: `x\n", "a: 0x1F\n", "a: 010\n", "a: 1_000\n", "a: +5\n", "a: -0\n",
      "a: 1:30\n", "a: 3.10\n", "a: .inf\n", "a: \"\\x41\"\n", "a: \"\\/\"\n",
      "a: \"\\ud83d\\ude00\"\n", "a: \"x\" y\n", "a: \"x\"#c\n", "a: 'x' y\n", "---\na: 1\n",
      "a: 1\n...\n", "- a\n- b\n", "plain\n", "", "# only a comment\n", " a: 1\n",
      "a:\n    b: 1\n  c: 2\n", "a: 1\n  b: 2\n", "a: # empty with comment\n",
      "secured: \"never\nclosed\n", "secured: [a, b]\n", "key with space: x\n", "é: x\n",
      "a.b: x\n", "a-b: x\n", "😀x: 1\n", "a: 0.\n", "a: 12:30\n",
      "a: -.inf\n", "a: -.Inf\n", "a: 1e5\n", "a: -1.5\n", "a: 0b101\n", "a: -0x1F\n", "a: 9999999999999999999\n",
  })
  void othersAreLeftToTheLibrary(String yaml) {
    assertNull(FastYaml.read(yaml), "the fast reading should give up on:\n" + yaml);
  }

  /**
   * Random edits of real files (a character of YAML's syntax put in, one taken out, a line
   * repeated, indented or dedented): whatever the fast reading takes, the library reads the same.
   */
  @Test
  void randomEditsNeverMakeTheReadingsDiffer() throws Exception {
    List<String> seeds = new ArrayList<>();
    CorpusGenerator generator = CorpusGenerator.withSeed(7);
    for (int i = 0; i < 20; i++) {
      seeds.add(yamlOf(generator.articleText(i)));
    }
    seeds.add("title: \"a 'b' \\\"c\\\"\"\nq: 'x''y'\nsecured: \"s\"\nt:\n  - a # c\n");
    String alphabet = " \n:-#\"'\\[]{}&*!|>?%@,~aZ0159.e_xuéé中😀\tsecured";
    Random random = new Random(20261203L);
    int taken = 0;
    int tried = 0;
    for (int round = 0; round < 12_000; round++) {
      String base = seeds.get(random.nextInt(seeds.size()));
      StringBuilder b = new StringBuilder(base);
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        edit(b, random, alphabet);
      }
      tried++;
      if (agrees(b.toString())) {
        taken++;
      }
    }
    assertTrue(taken > tried / 4, "the edits should leave many texts readable fast: " + taken);
  }

  private static void edit(StringBuilder b, Random random, String alphabet) {
    int at = b.length() == 0 ? 0 : random.nextInt(b.length());
    switch (random.nextInt(5)) {
      case 0, 1 -> {
        int from = random.nextInt(alphabet.length());
        int to = Math.min(alphabet.length(), from + 1 + (random.nextInt(8) == 0 ? 6 : 0));
        String piece = alphabet.substring(from, to);
        if (piece.length() == 1 && Character.isSurrogate(piece.charAt(0))) {
          piece = "😀";
        }
        b.insert(at, piece);
      }
      case 2 -> {
        if (b.length() > 0 && !Character.isSurrogate(b.charAt(at))) {
          b.deleteCharAt(at);
        }
      }
      case 3 -> {
        int start = b.lastIndexOf("\n", at) + 1;
        int end = b.indexOf("\n", at);
        if (end > start) {
          b.insert(start, b.substring(start, end + 1));
        }
      }
      default -> {
        int start = b.lastIndexOf("\n", at) + 1;
        if (random.nextBoolean()) {
          b.insert(start, "  ");
        } else if (b.length() > start + 1 && b.charAt(start) == ' ') {
          b.delete(start, start + 1);
        }
      }
    }
  }
}
