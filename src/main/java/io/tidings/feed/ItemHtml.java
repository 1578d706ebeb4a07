package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.article.Image;
import io.tidings.article.Related;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The HTML body of an item (RSS content:encoded, Atom content, JSON Feed content_html): the
 * excerpt as a paragraph, the pictures, and the other outlets' coverage of the story. Every
 * piece of article text is escaped; nothing from the file is ever taken as markup.
 */
final class ItemHtml {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ItemHtml() {}

  static String of(Article a) {
    StringBuilder b = new StringBuilder(256);
    String excerpt = a.excerpt(); // decoded on each call: once here
    if (excerpt != null) {
      b.append("<p>").append(text(excerpt)).append("</p>");
    }
    for (Image img : a.images()) {
      b.append("<p><img src=\"").append(esc(img.url())).append('"');
      if (img.width() != null && img.height() != null) {
        b.append(" width=\"").append(img.width()).append("\" height=\"").append(img.height())
            .append('"');
      }
      b.append(" alt=\"\"></p>");
    }
    List<Related> relatedCoverage = a.related();
    if (!relatedCoverage.isEmpty()) {
      b.append("<h4>Related coverage</h4><ul>");
      for (Related r : relatedCoverage) {
        b.append("<li><a href=\"").append(esc(r.webUrl())).append("\">").append(text(r.title()))
            .append("</a>");
        String source = r.provider() == null ? null : r.provider().name();
        if (source != null && !source.isEmpty()) {
          b.append(" — ").append(text(source));
        }
        if (r.publishedAt() != null) {
          b.append(", ").append(DAY.format(r.publishedAt()));
        }
        b.append("</li>");
      }
      b.append("</ul>");
    }
    return b.toString();
  }

  private static String text(String s) {
    return XmlText.htmlText(XmlText.clean(s));
  }

  private static String esc(String s) {
    return XmlText.html(XmlText.clean(s));
  }
}
