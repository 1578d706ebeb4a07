package io.tidings.web.api;

import io.tidings.catalog.Facet;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.Scope;
import io.tidings.feed.XmlText;
import io.tidings.web.feeds.FeedLinks;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /opml}: every topic's feed (or, with {@code ?by=provider}, every provider's) as an
 * OPML 2.0 subscription list, in RSS unless {@code ?format=atom|json}. What readers import.
 */
public final class OpmlHandler implements Handler<RoutingContext> {
  static final String TYPE = "text/x-opml; charset=utf-8";
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Supplier<Snapshot> snapshot;
  private final RepresentationCache views;
  private final BaseUrl baseUrl;
  private final String siteTitle;
  private final FeedQuery.Limits limits;
  private final Responses.Policy policy;

  public OpmlHandler(Supplier<Snapshot> snapshot, RepresentationCache views, BaseUrl baseUrl,
      String siteTitle, FeedQuery.Limits limits, String cacheControl) {
    this.snapshot = snapshot;
    this.views = views;
    this.baseUrl = baseUrl;
    this.siteTitle = siteTitle;
    this.limits = limits;
    this.policy = new Responses.Policy(cacheControl, true);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String by = param(ctx, "by", "topic");
    String fmt = param(ctx, "format", "rss");
    FeedFormat format = FeedFormat.byExtension(fmt);
    Scope scope = Scope.byParameter(by);
    if (scope == null) {
      ctx.fail(new HttpException(400, "by must be topic or provider, got \"" + by + "\""));
      return;
    }
    if (format == null) {
      ctx.fail(new HttpException(400, "format must be rss, atom or json, got \"" + fmt + "\""));
      return;
    }
    Snapshot s = snapshot.get();
    String base = baseUrl.of(ctx.request());
    views.view(ctx.vertx().getOrCreateContext(), s.version(),
            "opml " + base + ' ' + by + ' ' + fmt, TYPE, () -> opml(s, base, scope, format))
        .onSuccess(r -> Responses.send(ctx, r, policy))
        .onFailure(ctx::fail);
  }

  private static String param(RoutingContext ctx, String name, String fallback) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? fallback : v.strip().toLowerCase(Locale.ROOT);
  }

  byte[] opml(Snapshot s, String base, Scope by, FeedFormat format) throws XMLStreamException {
    Collection<Facet> facets = by.index(s).values();
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeCharacters("\n");
    w.writeStartElement("opml");
    w.writeAttribute("version", "2.0");
    w.writeCharacters("\n  ");
    w.writeStartElement("head");
    element(w, "title", siteTitle + ": " + by.segment());
    if (s.size() > 0) {
      element(w, "dateModified", RFC_822.format(s.articles().get(0).publishedAt()));
    }
    element(w, "docs", "http://opml.org/spec2.opml");
    w.writeCharacters("\n  ");
    w.writeEndElement();
    w.writeCharacters("\n  ");
    w.writeStartElement("body");
    for (Facet f : facets) {
      if (f.key().isEmpty()) {
        continue;
      }
      String title = XmlText.clean(f.name()) + " (" + f.count() + ")";
      w.writeCharacters("\n    ");
      w.writeEmptyElement("outline");
      w.writeAttribute("type", "rss");
      w.writeAttribute("text", title);
      w.writeAttribute("title", title);
      w.writeAttribute("xmlUrl", FeedLinks.feed(base, by, f.key(), format, limits));
      w.writeAttribute("htmlUrl", FeedLinks.page(base, by, f.key()));
    }
    w.writeCharacters("\n  ");
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeEndDocument();
    w.close();
    return out.toByteArray();
  }

  private static void element(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    w.writeCharacters("\n    ");
    w.writeStartElement(name);
    w.writeCharacters(XmlText.clean(text));
    w.writeEndElement();
  }
}
