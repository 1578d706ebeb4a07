package io.tidings.feed;

import static io.tidings.feed.XmlText.clean;

import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.tidings.article.Article;
import io.tidings.article.Image;
import io.tidings.article.Topic;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 2.0 through ROME's RSS model (not the Synd model, which adds a second {@code dc:date}).
 * The item's description is the excerpt escaped as HTML, so that markup in it reads as text.
 */
final class RssRenderer implements FeedRenderer {
  static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

  private final XmlBytes xml;

  RssRenderer(XmlBytes xml) {
    this.xml = xml;
  }

  @Override
  public byte[] render(FeedMeta meta, List<Article> items) {
    Channel channel = new Channel("rss_2.0");
    channel.setEncoding("UTF-8");
    channel.setTitle(clean(meta.title()));
    channel.setLink(meta.htmlUrl());
    // Readers take description as HTML (feedparser does, on the channel too): escaped once,
    // like the items' descriptions, so that they show its characters.
    channel.setDescription(XmlText.htmlText(clean(meta.description())));
    if (!meta.language().isEmpty()) {
      channel.setLanguage(meta.language());
    }
    channel.setGenerator(FeedMeta.GENERATOR);
    channel.setDocs("https://www.rssboard.org/rss-specification");
    channel.setTtl(meta.ttlMinutes());
    if (meta.updated() != null) {
      channel.setLastBuildDate(Date.from(meta.updated()));
      channel.setPubDate(Date.from(meta.updated()));
    }
    List<Item> rssItems = new ArrayList<>(items.size());
    for (Article a : items) {
      rssItems.add(item(a));
    }
    channel.setItems(rssItems);
    try {
      Document doc = new WireFeedOutput().outputJDom(channel);
      Element root = doc.getRootElement();
      root.addNamespaceDeclaration(ATOM);
      Element ch = root.getChild("channel");
      Element self = new Element("link", ATOM)
          .setAttribute("href", meta.selfUrl())
          .setAttribute("rel", "self")
          .setAttribute("type", "application/rss+xml");
      Element firstItem = ch.getChild("item");
      ch.addContent(firstItem == null ? ch.getContentSize() : ch.indexOf(firstItem), self);
      int at = ch.indexOf(self) + 1;
      if (meta.hub() != null) {
        // WebSub 4: the hub beside the self link, which is the topic URL subscribers use.
        ch.addContent(at++, new Element("link", ATOM)
            .setAttribute("href", meta.hub())
            .setAttribute("rel", "hub"));
      }
      // RFC 5005 appendix B: the history links as atom:link in the channel.
      FeedMeta.History history = meta.history();
      at = historyLink(ch, at, "current", history.current());
      at = historyLink(ch, at, "prev-archive", history.prevArchive());
      historyLink(ch, at, "next-archive", history.nextArchive());
      if (history.archive()) {
        XmlBytes.markArchive(ch, ch.getChild("item"));
      }
      XmlBytes.addStylesheet(doc, meta.stylesheet());
      return xml.bytes(doc);
    } catch (FeedException e) {
      throw new IllegalStateException("RSS output failed: " + e.getMessage(), e);
    }
  }

  private static int historyLink(Element channel, int at, String rel, String href) {
    if (href == null) {
      return at;
    }
    channel.addContent(at, new Element("link", ATOM)
        .setAttribute("href", href)
        .setAttribute("rel", rel)
        .setAttribute("type", "application/rss+xml"));
    return at + 1;
  }

  private static Item item(Article a) {
    Item item = new Item();
    item.setTitle(clean(a.title()));
    item.setLink(a.webUrl());
    Guid guid = new Guid();
    guid.setValue(a.id());
    guid.setPermaLink(true);
    item.setGuid(guid);
    if (a.excerpt() != null) {
      Description d = new Description();
      d.setValue(XmlText.htmlText(clean(a.excerpt())));
      item.setDescription(d);
    }
    item.setPubDate(Date.from(a.publishedAt()));
    List<Category> categories = new ArrayList<>();
    for (Topic t : a.topics()) {
      addCategory(categories, t.name());
    }
    if (a.category() != null) {
      addCategory(categories, a.category());
    }
    item.setCategories(categories);
    if (a.provider().siteUrl() != null) {
      Source source = new Source();
      source.setUrl(a.provider().siteUrl());
      source.setValue(clean(a.provider().name()));
      item.setSource(source);
    }
    List<Module> modules = new ArrayList<>(3);
    ContentModuleImpl content = new ContentModuleImpl();
    content.setEncodeds(List.of(ItemHtml.of(a)));
    modules.add(content);
    DCModuleImpl dc = new DCModuleImpl();
    dc.setCreator(clean(a.provider().name()));
    modules.add(dc);
    if (!a.images().isEmpty()) {
      modules.add(media(a.images()));
    }
    item.setModules(modules);
    return item;
  }

  /** A category, unless nothing of its name is left to show (a blank one is no category). */
  private static void addCategory(List<Category> categories, String name) {
    String value = clean(name);
    if (value.isBlank()) {
      return;
    }
    Category c = new Category();
    c.setValue(value);
    categories.add(c);
  }

  private static Module media(List<Image> images) {
    MediaEntryModuleImpl media = new MediaEntryModuleImpl();
    MediaContent[] contents = new MediaContent[images.size()];
    for (int i = 0; i < contents.length; i++) {
      Image img = images.get(i);
      URI uri = URI.create(img.url());
      MediaContent c = new MediaContent(new UrlReference(uri));
      c.setMedium("image");
      c.setWidth(img.width());
      c.setHeight(img.height());
      Metadata metadata = new Metadata();
      metadata.setThumbnail(new Thumbnail[] {new Thumbnail(uri, img.width(), img.height())});
      c.setMetadata(metadata);
      contents[i] = c;
    }
    media.setMediaContents(contents);
    return media;
  }
}
