package dev.segmentlab.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small .xlsx files part by part, with the sheet's XML (and the shared strings) as given. */
final class HandMadeXlsx {
  static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String HEADER = "<row r=\"1\">" + inline("A1", "InvoiceNo") + inline("B1", "StockCode")
      + inline("C1", "Description") + inline("D1", "Quantity") + inline("E1", "InvoiceDate")
      + inline("F1", "UnitPrice") + inline("G1", "CustomerID") + inline("H1", "Country") + "</row>";

  private HandMadeXlsx() {}

  /** Writes the sheet's XML through a callback, for sheets too large for a string. */
  interface SheetWriter {
    void write(Writer w) throws IOException;
  }

  static String inline(String ref, String text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  static String number(String ref, String value) {
    return "<c r=\"" + ref + "\" t=\"n\"><v>" + value + "</v></c>";
  }

  /** A worksheet whose sheetData holds {@link #HEADER} and then {@code rows}. */
  static String sheet(String rows) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
        + "\" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\"><dimension ref=\"A1:H20\"/>"
        + "<sheetData>" + HEADER + rows + "</sheetData><pageMargins left=\"0.7\" "
        + "right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>";
  }

  static Path write(Path file, String sheetXml, String sharedStrings) throws IOException {
    return write(file, w -> w.write(sheetXml), sharedStrings);
  }

  /** The sheet goes first in the zip (so that a test can find its compressed bytes at a known place). */
  static Path write(Path file, SheetWriter sheet, String sharedStrings) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
      sheet.write(w);
      w.flush();
      zip.closeEntry();
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
          + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
          + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\""
          + "application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd."
          + "openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/"
          + "sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
          + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") + "</Types>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
          + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
          + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
          + "xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
          + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
          + "<sheet name=\"Sales\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
          + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Type=\""
          + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\""
          + "worksheets/sheet1.xml\"/></Relationships>");
      if (sharedStrings != null) {
        put(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">"
            + sharedStrings + "</sst>");
      }
    }
    return file;
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
