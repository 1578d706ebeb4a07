package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.article.ArticleParser;
import io.tidings.article.Parsed;
import io.tidings.article.Topic;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.testing.FuzzInputs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Coverage-guided fuzzing of the whole way from file bytes to feed bytes: parse, put into a
 * snapshot, render as RSS, Atom and JSON Feed (all articles, and the article's first topic).
 * Every body is UTF-8, RSS and Atom are well-formed XML with one item per article, JSON Feed
 * is valid JSON with one item, and the {@code secured} value changes no byte of any of them.
 * Without {@code JAZZER_FUZZ} it replays the seeds and the inputs under {@code
 * FeedRenderFuzzTestInputs/render}; docs/development.md, "Fuzzing", says how to fuzz.
 */
class FeedRenderFuzzTest {
  private static final ArticleParser PARSER = new ArticleParser(64 * 1024);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Config.Feeds CONFIG = Config.defaults(Path.of("unused")).feeds();
  private static final String BASE = "https://feeds.example.com";
  /** Renders the snapshot it is given; made once, as the server makes it once. */
  private static final FeedService SERVICE = new FeedService(CONFIG);
  /** One namespace-aware parser that refuses DTDs, made once: fuzzing runs it many times. */
  private static final DocumentBuilder XML;

  static {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      XML = f.newDocumentBuilder();
      XML.setErrorHandler(null);
    } catch (ParserConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static Stream<byte[]> seeds() {
    return FuzzInputs.seeds();
  }

  @MethodSource("seeds")
  // libFuzzer's dictionary format is one entry a line: no entry may hold a line break.
  @DictionaryEntries({"---", "title: ", "publishedDateTime: ", "originalUrl: ", "webUrl: ",
      "excerpt: ", "topics: ", "provider: ", "domain: ", "images: ", "related: ", "published: ",
      "secured: ", "2023-10-17T16:45:00Z", "https://", "  - "})
  @FuzzTest(maxDuration = "30s")
  void render(byte[] file) throws Exception {
    renderAll(file);
    Optional<byte[][]> variants = FuzzInputs.securedVariants(file);
    if (variants.isPresent()) {
      List<byte[]> a = renderAll(variants.get()[0]);
      List<byte[]> b = renderAll(variants.get()[1]);
      for (int i = 0; i < a.size(); i++) {
        String text = new String(a.get(i), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(FuzzInputs.MARKER_A);
        assertThat(a.get(i)).as("feed %s does not depend on the secured value", i)
            .isEqualTo(b.get(i));
      }
      assertThat(a).hasSameSizeAs(b);
    }
  }

  /** Every feed of the file's article, checked; empty when the file is no article. */
  private static List<byte[]> renderAll(byte[] file) throws Exception {
    Parsed parsed = PARSER.parse("fuzz.txt", file);
    if (parsed.article() == null) {
      return List.of();
    }
    // Drafts are shown and future dates too, so that every article reaches the renderers.
    Snapshot snapshot = new Catalog(true).apply(List.of(new FileChange("fuzz.txt", parsed)));
    assertThat(snapshot.size()).isEqualTo(1);
    FeedService service = SERVICE;
    List<FeedRequest> requests = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      requests.add(new FeedRequest(format, Scope.ALL, "",
          FeedQuery.parse(Map.of(), service.limits()), BASE));
      for (Topic t : parsed.article().topics()) {
        FeedQuery q = FeedQuery.parse(Map.of(), Scope.TOPIC, t.name(), service.limits());
        requests.add(new FeedRequest(format, Scope.TOPIC, q.topics().first(), q, BASE));
        break;
      }
    }
    List<byte[]> out = new ArrayList<>();
    for (FeedRequest request : requests) {
      byte[] body = service.render(request, snapshot).body();
      checkUtf8(body);
      int expected = Selection.run(snapshot, request.query()).size();
      switch (request.format()) {
        case RSS -> assertThat(xml(body).getElementsByTagName("item").getLength())
            .as("RSS items").isEqualTo(expected);
        case ATOM -> {
          Document d = xml(body);
          assertThat(d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
              .as("Atom entries").isEqualTo(expected);
        }
        case JSON -> {
          JsonNode feed = JSON.readTree(body);
          assertThat(feed.get("items").size()).as("JSON Feed items").isEqualTo(expected);
          assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        }
      }
      out.add(body);
    }
    return out;
  }

  private static Document xml(byte[] body) {
    try {
      return XML.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n"
          + new String(body, StandardCharsets.UTF_8), e);
    }
  }

  private static void checkUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw new AssertionError("not UTF-8: " + Arrays.toString(Arrays.copyOf(body, 64)), e);
    }
  }
}
