package io.tidings.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xml.sax.InputSource;

/** A feed body read back by the parsers feed readers use: ROME for RSS and Atom, Jackson for JSON Feed. */
final class FeedItems {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One item as a reader sees it.
   *
   * @param categories RSS categories, Atom category terms, JSON Feed tags
   * @param mark the writer's mark in the excerpt; null for a static article
   */
  record Item(String id, String title, String excerpt, Set<String> categories, String author,
      Instant published, Marked mark) {}

  private FeedItems() {}

  /** Parses the identity bytes of a feed; throws when they are not a well-formed feed. */
  static List<Item> parse(String format, byte[] body) throws Exception {
    return format.equals("json") ? json(body) : xml(body);
  }

  private static List<Item> xml(byte[] body) throws Exception {
    SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    List<Item> out = new ArrayList<>(feed.getEntries().size());
    for (SyndEntry e : feed.getEntries()) {
      Set<String> categories = new TreeSet<>();
      for (SyndCategory c : e.getCategories()) {
        categories.add(c.getName());
      }
      String excerpt = e.getDescription() == null ? null : e.getDescription().getValue();
      Instant published = e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant();
      out.add(new Item(e.getUri(), e.getTitle(), excerpt, categories, e.getAuthor(), published,
          Marked.parse(excerpt)));
    }
    return out;
  }

  private static List<Item> json(byte[] body) throws Exception {
    JsonNode feed = JSON.readTree(body);
    if (!"https://jsonfeed.org/version/1.1".equals(feed.path("version").asText())) {
      throw new IllegalStateException("not a JSON Feed 1.1: version " + feed.path("version"));
    }
    List<Item> out = new ArrayList<>();
    for (JsonNode i : feed.path("items")) {
      Set<String> tags = new TreeSet<>();
      i.path("tags").forEach(t -> tags.add(t.asText()));
      String excerpt = i.hasNonNull("summary") ? i.get("summary").asText() : null;
      JsonNode author = i.path("authors").path(0).path("name");
      out.add(new Item(i.path("id").asText(null), i.path("title").asText(null), excerpt, tags,
          author.isMissingNode() ? null : author.asText(), Instant.parse(
              i.path("date_published").asText()), Marked.parse(excerpt)));
    }
    return out;
  }
}
