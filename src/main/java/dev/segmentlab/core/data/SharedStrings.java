package dev.segmentlab.core.data;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared strings as UTF-8 bytes in one array, read as fastexcel-reader 0.20.2 reads them (its
 * {@code SST}): each {@code <si>} is the text of its {@code <t>} elements, rich-text runs included, phonetic runs
 * ({@code <rPh>}) left out; an index past the last string reads as "". Read with StAX, the library's way, event
 * for event: the part is small next to the sheet.
 */
final class SharedStrings {
  static final SharedStrings NONE = new SharedStrings(new byte[0], new int[] {0}, 0);

  private final byte[] data;
  private final int[] bounds; // string i is data[bounds[i], bounds[i + 1])
  private final int size;

  private SharedStrings(byte[] data, int[] bounds, int size) {
    this.data = data;
    this.bounds = bounds;
    this.size = size;
  }

  int size() { return size; }
  byte[] data() { return data; }
  int start(int i) { return bounds[i]; }
  int end(int i) { return bounds[i + 1]; }

  static SharedStrings read(InputStream in) throws XMLStreamException {
    XMLStreamReader r = XlsxParts.XML.createXMLStreamReader(in);
    byte[] data = new byte[1 << 16];
    int len = 0;
    int[] bounds = new int[1024];
    int n = 0;
    StringBuilder text = new StringBuilder();
    while (next(r, "si", true)) {
      text.setLength(0);
      while (nextOfSi(r)) {
        if (r.isStartElement() && "t".equals(r.getLocalName())) {
          appendUntilEnd(r, "t", text);
        } else if (r.isEndElement()) {
          break; // </si>
        } else {
          next(r, "rPh", false);
        }
      }
      byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
      if (len + b.length > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, len + b.length));
      System.arraycopy(b, 0, data, len, b.length);
      len += b.length;
      if (n + 2 > bounds.length) bounds = Arrays.copyOf(bounds, bounds.length * 2);
      bounds[++n] = len;
    }
    return new SharedStrings(data, bounds, n);
  }

  /** Moves to the next start (or end) element of {@code name}; false at the end of the document. */
  private static boolean next(XMLStreamReader r, String name, boolean start) throws XMLStreamException {
    while (r.hasNext()) {
      int e = r.next();
      if (e == (start ? XMLStreamConstants.START_ELEMENT : XMLStreamConstants.END_ELEMENT)
          && name.equals(r.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  /** Moves to the next {@code <t>}, {@code <rPh>} or {@code </si>}. */
  private static boolean nextOfSi(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT && ("t".equals(r.getLocalName()) || "rPh".equals(r.getLocalName()))) {
        return true;
      }
      if (e == XMLStreamConstants.END_ELEMENT && "si".equals(r.getLocalName())) return true;
    }
    return false;
  }

  /** The library's {@code getValueUntilEndElement}: all character data until the element's end, at any depth. */
  private static void appendUntilEnd(XMLStreamReader r, String name, StringBuilder out) throws XMLStreamException {
    int depth = 1;
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
        out.append(r.getText());
      } else if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (depth == 0 && name.equals(r.getLocalName())) return;
      }
    }
  }
}
