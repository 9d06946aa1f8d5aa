package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the transaction rows of an .xlsx sheet with a scanner of our own instead of fastexcel-reader, which stays
 * for everything else (opening the workbook, the sheet list, the header, customer tables, the preview) and as the
 * fallback.
 *
 * <p>Why our own, against the rule to prefer a well-kept library: fastexcel-reader parses the sheet's XML with
 * Aalto StAX on one thread and makes a {@code BigDecimal} and a {@code String} per cell; for Online Retail as
 * .xlsx a load missed its goal, nearly all of the time spent in that parsing (figures in the README's
 * performance section). Here the sheet's
 * entry is inflated on one thread while blocks of whole rows are parsed from the bytes on the others ({@link
 * InflatedBlocks}, {@link SheetRowParser}), each block into a {@link TransactionChunk} of its own, merged in sheet
 * order like the CSV reader's chunks: several times faster, measured side by side with the library path
 * ({@code bench load}, see the README).
 *
 * <p>The scanner gives each row exactly the fields the library path gives, or declines: {@link #chunks} returns
 * null for any sheet it does not read exactly as the library does, and the caller reads that sheet with the
 * library. What it does not reproduce: where a malformed shared formula would make the library throw (a child
 * whose base formula never came, a formula text its reference shifting trips on), the scanner reads the cells'
 * cached values; the well-formedness of the XML after {@code </sheetData>}, which neither reads, is not checked.
 */
final class SheetScanner {
  private SheetScanner() {}

  /**
   * The rows of a sheet after its header, as chunks in sheet order with their line offsets set; null when the
   * scanner cannot read this sheet exactly as the library does.
   *
   * @param relationshipId the sheet's {@code r:id} (fastexcel's {@code Sheet.getId()})
   * @param skipRows how many {@code <row>} elements the header and the blank rows above it took
   * @param width the header's width
   * @param slots {@link LoadReports#slots} of the mapping
   * @throws DataException when the sheet's entry is damaged
   */
  static List<TransactionChunk> chunks(Path file, String relationshipId, int skipRows, int width, int[] slots,
      RunControl rc) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      XlsxParts parts = XlsxParts.locate(zip, relationshipId);
      if (parts == null) return null;
      SharedStrings strings = SharedStrings.NONE;
      if (parts.sharedStrings != null) {
        try (InputStream in = zip.getInputStream(parts.sharedStrings)) {
          strings = SharedStrings.read(in);
        }
      }
      SharedStrings shared = strings;
      List<Scanned> blocks;
      try {
        blocks = InflatedBlocks.parse(zip, parts.sheet, (index, buf, end) -> {
          Prologue prologue = index == 0 ? prologue(buf, end) : null;
          int from = prologue == null ? 0 : prologue.dataStart;
          TransactionChunk chunk = new TransactionChunk(slots, width, false, true, StandardCharsets.UTF_8,
              (end - from) / 256 + 16);
          return new Scanned(new SheetRowParser(shared, width, rc).parse(buf, from, end,
              index == 0 ? skipRows : 0, chunk), prologue);
        }, rc);
      } catch (IOException e) {
        throw FileBytes.ioError(file, e);
      }
      return inOrder(blocks, skipRows);
    } catch (XmlCursor.Unsupported | InflatedBlocks.NoRecordEnd | IOException | XMLStreamException e) {
      return null; // the library reads it (and reports what is wrong with it, as before)
    }
  }

  /** What the everything before sheetData declared: where the rows start and the prefixes bound there. */
  private record Prologue(int dataStart, Set<String> prefixes) {}

  /** A block's rows, and for the first block the prologue before them. */
  private record Scanned(SheetRowParser.Block block, Prologue prologue) {}

  /** The chunks with their line offsets, or null when the blocks do not make one plain sheetData. */
  private static List<TransactionChunk> inOrder(List<Scanned> blocks, int skipRows) {
    if (blocks.isEmpty() || blocks.get(0).block().rows() < skipRows) return null;
    Set<String> bound = blocks.get(0).prologue().prefixes();
    boolean arrayFormula = false, bareError = false;
    int rowsBefore = 0;
    List<TransactionChunk> chunks = new ArrayList<>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      SheetRowParser.Block b = blocks.get(i).block();
      if (b.sawEnd() != (i == blocks.size() - 1) || (b.numbered() && b.unnumbered())) return null;
      if (!bound.containsAll(b.prefixes())) return null; // an unbound prefix: the library's parser refuses it
      arrayFormula |= b.arrayFormula();
      bareError |= b.bareError();
      // a row without a number is numbered by the rows before it in the sheet, as the library numbers it
      b.chunk().lineOffset = b.unnumbered() ? rowsBefore : 0;
      rowsBefore += b.rows();
      chunks.add(b.chunk());
    }
    // an array formula makes the error cells in its range formula cells, which read as their cached value
    return arrayFormula && bareError ? null : chunks;
  }

  /**
   * Where the rows start in the entry's first block, after {@code <sheetData>}, once StAX has read all before it
   * and found nothing the scanner does not expect (another encoding or XML version, a DOCTYPE, a comment, a
   * processing instruction, a prefixed element name); and the namespace prefixes bound there.
   */
  private static Prologue prologue(byte[] b, int end) {
    int at = indexOf(b, end, "<sheetData");
    if (at < 0) throw new XmlCursor.Unsupported("no <sheetData>");
    int q = at + 10;
    while (q < end && b[q] != '>') q++;
    if (q >= end || b[q - 1] == '/') throw new XmlCursor.Unsupported("an empty <sheetData/>");
    try {
      XMLStreamReader r = XlsxParts.XML.createXMLStreamReader(new ByteArrayInputStream(b, 0, q + 1));
      String encoding = r.getEncoding();
      if ((encoding != null && !encoding.equalsIgnoreCase("UTF-8"))
          || (r.getVersion() != null && !r.getVersion().equals("1.0"))) {
        throw new XmlCursor.Unsupported("an encoding other than UTF-8 or an XML version other than 1.0");
      }
      Deque<List<String>> open = new ArrayDeque<>();
      while (true) {
        switch (r.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            String prefix = r.getPrefix();
            if (prefix != null && !prefix.isEmpty()) throw new XmlCursor.Unsupported("a prefixed element");
            List<String> declared = new ArrayList<>();
            for (int i = 0; i < r.getNamespaceCount(); i++) {
              String p = r.getNamespacePrefix(i);
              if (p != null && !p.isEmpty()) declared.add(p);
            }
            open.push(declared);
            if (r.getLocalName().equals("sheetData")) {
              Set<String> bound = new HashSet<>();
              open.forEach(bound::addAll);
              return new Prologue(q + 1, bound);
            }
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
              XMLStreamConstants.CDATA, XMLStreamConstants.ENTITY_REFERENCE ->
              throw new XmlCursor.Unsupported("a comment, CDATA, DOCTYPE or processing instruction");
          default -> { }
        }
      }
    } catch (XMLStreamException e) {
      throw new XmlCursor.Unsupported("XML the library would read differently or refuse");
    }
  }

  /** The first {@code tag} in {@code b[0, end)} followed by white space, '>' or '/'. */
  private static int indexOf(byte[] b, int end, String tag) {
    outer:
    for (int i = 0; i + tag.length() < end; i++) {
      for (int k = 0; k < tag.length(); k++) if (b[i + k] != tag.charAt(k)) continue outer;
      byte next = b[i + tag.length()];
      if (next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' || next == '\r') return i;
    }
    return -1;
  }
}
