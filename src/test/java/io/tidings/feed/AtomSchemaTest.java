package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import io.tidings.TestServer;
import io.tidings.feed.SampleFeeds.Route;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every Atom output over the sample content (every topic, every provider, the whole feed, a q
 * feed, an empty feed) against RFC 4287's RELAX NG compact schema, with Jing.
 */
@TidingsServer(settings = "feeds.language=en")
class AtomSchemaTest {
  static TestServer server;

  /** The schema's complaints about {@code doc}; empty when it is valid Atom. */
  static List<String> schemaErrors(byte[] doc) throws Exception {
    List<String> errors = new ArrayList<>();
    ErrorHandler collect = new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    };
    PropertyMapBuilder props = new PropertyMapBuilder();
    props.put(ValidateProperty.ERROR_HANDLER, collect);
    ValidationDriver driver = new ValidationDriver(props.toPropertyMap(),
        CompactSchemaReader.getInstance());
    URL schema = AtomSchemaTest.class.getResource("/feed/atom.rnc");
    assertThat(schema).as("src/test/resources/feed/atom.rnc").isNotNull();
    if (!driver.loadSchema(new InputSource(schema.toString()))) {
      throw new AssertionError("the Atom schema did not load: " + errors);
    }
    boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(doc)));
    if (!valid && errors.isEmpty()) {
      errors.add("invalid (no message)");
    }
    return errors;
  }

  @Test
  void everyAtomRouteIsValid() throws Exception {
    List<Route> routes = SampleFeeds.everyRoute(SampleFeeds.snapshot(server), FeedFormat.ATOM);
    assertThat(routes).as("routes").hasSizeGreaterThan(20);
    boolean sawEmpty = false;
    for (Route route : routes) {
      byte[] body = SampleFeeds.fetch(server, route);
      assertThat(schemaErrors(body)).as("RFC 4287 schema errors in %s", route).isEmpty();
      sawEmpty |= route.expected(server).isEmpty();
    }
    assertThat(sawEmpty).as("an empty feed was among them").isTrue();
  }

  /** RFC 5005's archive pages (fh:archive, current, prev- and next-archive) are valid Atom too. */
  @Test
  void everyArchivePageIsValid() throws Exception {
    java.util.regex.Pattern prev = java.util.regex.Pattern.compile(
        "rel=\"prev-archive\"[^>]*href=\"[a-z]+://[^/]+([^\"]+)\"");
    for (String head : List.of("/feed.atom", "/topics/ai/feed.atom?q=ai")) {
      String next = head;
      int pages = 0;
      while (next != null) {
        byte[] body = server.get(next.replace("&amp;", "&")).body();
        assertThat(schemaErrors(body)).as("RFC 4287 schema errors in %s", next).isEmpty();
        java.util.regex.Matcher m = prev.matcher(new String(body, StandardCharsets.UTF_8));
        next = m.find() ? m.group(1) : null;
        pages++;
      }
      assertThat(pages).as("the feed and its archives: " + head).isGreaterThan(2);
    }
  }

  @Test
  void anEntryWithoutItsIdIsRejected() throws Exception {
    byte[] good = SampleFeeds.fetch(server, Route.topic(FeedFormat.ATOM, "ai", ""));
    String text = new String(good, StandardCharsets.UTF_8);
    int entry = text.indexOf("<entry>");
    assertThat(entry).as("an entry in the AI feed").isPositive();
    int idStart = text.indexOf("<id>", entry);
    int idEnd = text.indexOf("</id>", idStart) + "</id>".length();
    String broken = text.substring(0, idStart) + text.substring(idEnd);
    assertThat(schemaErrors(broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }

  @Test
  void brokenAtomDocumentsAreRejected() throws Exception {
    String ns = "http://www.w3.org/2005/Atom";
    String valid = "<feed xmlns=\"" + ns + "\"><id>urn:x</id><title>t</title>"
        + "<updated>2023-09-04T07:15:00Z</updated><author><name>n</name></author>%s</feed>";
    assertThat(schemaErrors(valid.formatted("").getBytes(StandardCharsets.UTF_8))).isEmpty();
    // no title
    assertThat(schemaErrors(valid.formatted("").replace("<title>t</title>", "")
        .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    // a date that is no RFC 3339 date
    assertThat(schemaErrors(valid.formatted("").replace("2023-09-04T07:15:00Z",
        "Mon, 04 Sep 2023 07:15:00 GMT").getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    // an element Atom does not define
    assertThat(schemaErrors(valid.formatted("<summary>s</summary>")
        .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    // a text construct of an unknown type
    assertThat(schemaErrors(valid.formatted("").replace("<title>", "<title type=\"rtf\">")
        .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }
}
