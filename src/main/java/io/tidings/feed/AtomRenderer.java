package io.tidings.feed;

import static io.tidings.feed.XmlText.clean;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.tidings.article.Article;
import io.tidings.article.Topic;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Namespace;

/** Atom 1.0 (RFC 4287) through ROME's Atom model. */
final class AtomRenderer implements FeedRenderer {

  private final XmlBytes xml;
  private final String topicScheme;

  /** @param topicScheme the URL prefix that names topic categories ({@code base/topics/}) */
  AtomRenderer(XmlBytes xml, String topicScheme) {
    this.xml = xml;
    this.topicScheme = topicScheme;
  }

  @Override
  public byte[] render(FeedMeta meta, List<Article> items) {
    Feed feed = new Feed("atom_1.0");
    feed.setEncoding("UTF-8");
    feed.setId(meta.feedId());
    feed.setTitleEx(text(meta.title()));
    feed.setSubtitle(text(meta.description()));
    // RFC 4287 4.2.15: required, also when there is no entry (see FeedMeta.updatedOrCatalog).
    feed.setUpdated(Date.from(meta.updatedOrCatalog()));
    feed.setAlternateLinks(List.of(link("alternate", meta.htmlUrl(), "text/html")));
    List<Link> links = new ArrayList<>(5);
    links.add(link("self", meta.selfUrl(), "application/atom+xml"));
    if (meta.hub() != null) {
      links.add(link("hub", meta.hub(), null));
    }
    FeedMeta.History history = meta.history();
    addLink(links, "current", history.current());
    addLink(links, "prev-archive", history.prevArchive());
    addLink(links, "next-archive", history.nextArchive());
    feed.setOtherLinks(links);
    Generator generator = new Generator();
    generator.setValue(FeedMeta.GENERATOR);
    generator.setUrl(FeedMeta.GENERATOR_URI);
    feed.setGenerator(generator);
    if (!meta.language().isEmpty()) {
      feed.setLanguage(meta.language());
    }
    if (items.isEmpty()) {
      // RFC 4287 4.1.1: a feed whose entries do not all name an author names one itself.
      Person site = new Person();
      site.setName(clean(meta.title()));
      feed.setAuthors(List.of(site));
    }
    List<Entry> entries = new ArrayList<>(items.size());
    for (Article a : items) {
      entries.add(entry(a));
    }
    feed.setEntries(entries);
    try {
      Document doc = new WireFeedOutput().outputJDom(feed);
      if (!meta.language().isEmpty()) {
        // ROME's Atom 1.0 generator drops Feed.language: declare it as xml:lang ourselves.
        doc.getRootElement().setAttribute("lang", meta.language(), Namespace.XML_NAMESPACE);
      }
      if (history.archive()) {
        XmlBytes.markArchive(doc.getRootElement(), doc.getRootElement().getChild("entry",
            doc.getRootElement().getNamespace()));
      }
      XmlBytes.addStylesheet(doc, meta.stylesheet());
      return xml.bytes(doc);
    } catch (FeedException e) {
      throw new IllegalStateException("Atom output failed: " + e.getMessage(), e);
    }
  }

  private Entry entry(Article a) {
    Entry e = new Entry();
    e.setId(a.id());
    e.setTitleEx(text(a.title()));
    e.setAlternateLinks(List.of(link("alternate", a.webUrl(), "text/html")));
    Date published = Date.from(a.publishedAt());
    e.setPublished(published);
    e.setUpdated(published);
    if (a.excerpt() != null) {
      e.setSummary(text(a.excerpt()));
    }
    Content html = new Content();
    html.setType(Content.HTML);
    html.setValue(ItemHtml.of(a));
    e.setContents(List.of(html));
    Person author = new Person();
    author.setName(clean(a.provider().name()));
    if (a.provider().siteUrl() != null) {
      author.setUri(a.provider().siteUrl());
    }
    e.setAuthors(List.of(author));
    List<Category> categories = new ArrayList<>();
    for (Topic t : a.topics()) {
      if (t.key().isEmpty()) {
        continue; // a topic of punctuation only has no term; a blank term is no category
      }
      Category c = new Category();
      c.setTerm(t.key());
      c.setLabel(clean(t.name()));
      c.setScheme(topicScheme);
      categories.add(c);
    }
    e.setCategories(categories);
    return e;
  }

  /**
   * A text construct: plain text, {@code type="text"} (RFC 4287 3.1.1.1), escaped for XML
   * only. Every reader shows exactly its characters, a typed {@code <b>} or {@code &amp;} too;
   * as {@code type="html"} readers disagreed on whether to decode it ({@code M&amp;A}).
   */
  private static Content text(String value) {
    Content c = new Content();
    c.setType(Content.TEXT);
    c.setValue(clean(value));
    return c;
  }

  private static void addLink(List<Link> links, String rel, String href) {
    if (href != null) {
      links.add(link(rel, href, "application/atom+xml"));
    }
  }

  private static Link link(String rel, String href, String type) {
    Link l = new Link();
    l.setRel(rel);
    l.setHref(href);
    l.setType(type);
    return l;
  }
}
