package io.tidings.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jdom2.Document;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * XML documents as UTF-8 bytes, written by us rather than through a platform-charset writer.
 * Raw format: no indentation, text kept exactly as it is.
 */
final class XmlBytes {
  private final Format format = Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n");

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

  byte[] bytes(Document doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      new XMLOutputter(format).output(doc, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
