package io.tidings.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * XML documents as UTF-8 bytes, written by us rather than through a platform-charset writer.
 * Raw format: no indentation, text kept exactly as it is.
 */
final class XmlBytes {
  private final Format format = Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n");

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
