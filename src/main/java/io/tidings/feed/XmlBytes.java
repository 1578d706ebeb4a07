package io.tidings.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jdom2.output.support.AbstractXMLOutputProcessor;

/**
 * XML documents as UTF-8 bytes, written by us rather than through a platform-charset writer.
 * Raw format: no indentation, text kept exactly as it is.
 *
 * <p>Every character goes out as itself in UTF-8: JDOM's UTF-8 strategy writes characters
 * outside the BMP (emoji) as {@code &#x1f680;}, which some readers (rsstail) show as garbage,
 * so nothing is escaped beyond what XML requires. In character data {@code &} and {@code <}
 * are written as {@code &#x26;} and {@code &#x3C;}, the RSS Best Practices Profile's spelling
 * of plain-text ampersands and angle brackets: the parsed text is the same, and the W3C feed
 * validator takes it as text that was meant, not as HTML left unescaped.
 */
final class XmlBytes {
  private final Format format = Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n")
      .setEscapeStrategy(ch -> false);
  private final HexReferences processor = new HexReferences();

  /**
   * Puts {@code <?xml-stylesheet type="text/xsl" href="..."?>} before the root element, so that
   * a browser shows the feed through the XSLT; readers ignore it. Null: no stylesheet.
   */
  static void addStylesheet(Document doc, String href) {
    if (href == null) {
      return;
    }
    // The string form, not the Map one: a map's order would leak into the bytes.
    doc.addContent(0, new ProcessingInstruction("xml-stylesheet",
        "type=\"text/xsl\" href=\"" + href.replace("&", "&amp;").replace("\"", "&quot;") + "\""));
  }

  /**
   * Marks an archive document with RFC 5005's empty {@code fh:archive} element, placed in
   * {@code parent} (Atom's feed, RSS's channel) before {@code firstItem}, or last when null.
   */
  static void markArchive(Element parent, Element firstItem) {
    Namespace fh = Namespace.getNamespace("fh", FeedMeta.HISTORY_NS);
    parent.getDocument().getRootElement().addNamespaceDeclaration(fh);
    Element mark = new Element("archive", fh);
    if (firstItem == null) {
      parent.addContent(mark);
    } else {
      parent.addContent(parent.indexOf(firstItem), mark);
    }
  }

  byte[] bytes(Document doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      new XMLOutputter(format, processor).output(doc, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * JDOM's writer with character data's {@code &amp;} and {@code &lt;} spelled as hexadecimal
   * character references. {@code textRaw} receives character data already escaped by JDOM;
   * CDATA sections (ROME writes content:encoded as one) are written as they are.
   */
  private static final class HexReferences extends AbstractXMLOutputProcessor {
    @Override
    protected void textRaw(Writer out, String escaped) throws IOException {
      write(out, hex(escaped));
    }

    @Override
    protected void textCDATA(Writer out, String text) throws IOException {
      write(out, "<![CDATA[");
      write(out, text);
      write(out, "]]>");
    }
  }

  static String hex(String escaped) {
    if (escaped == null || escaped.indexOf('&') < 0) {
      return escaped;
    }
    return escaped.replace("&amp;", "&#x26;").replace("&lt;", "&#x3C;");
  }
}
