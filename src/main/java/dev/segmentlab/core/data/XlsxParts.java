package dev.segmentlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * Finds a sheet's XML and the shared strings inside an .xlsx the way fastexcel-reader 0.20.2 does (its
 * {@code OPCPackage}), so that {@link SheetScanner} reads the very parts the library would: {@code
 * [Content_Types].xml} names the workbook and shared-strings parts (the workbook defaulting to {@code
 * /xl/workbook.xml}), the workbook's relationships map a sheet's {@code r:id} to its part (a relative target is
 * taken relative to the workbook's folder), and an entry is looked up by its name, then by its name ignoring case.
 * These parts are small: read with StAX (Aalto, configured as the library configures it).
 */
final class XlsxParts {
  private static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  private static final String MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  private static final String STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
  private static final String STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
  private static final Pattern FILE_NAME = Pattern.compile("^(.*/)([^/]+)$");

  /** The StAX factory the library uses: Aalto without DTDs or external entities. */
  static final XMLInputFactory XML = factory();

  /** The sheet's entry. */
  final ZipEntry sheet;
  /** The shared strings' entry, or null when the workbook has none. */
  final ZipEntry sharedStrings;

  private XlsxParts(ZipEntry sheet, ZipEntry sharedStrings) {
    this.sheet = sheet;
    this.sharedStrings = sharedStrings;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = new InputFactoryImpl();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  /**
   * @param relationshipId the sheet's {@code r:id} in the workbook (fastexcel's {@code Sheet.getId()})
   * @return the parts, or null when they cannot be found so (the caller then reads with the library)
   */
  static XlsxParts locate(ZipFile zip, String relationshipId) throws IOException, XMLStreamException {
    String workbook = null, strings = null, styles = null;
    ZipEntry types = entry(zip, "[Content_Types].xml");
    if (types == null) return null;
    try (InputStream in = zip.getInputStream(types)) {
      XMLStreamReader r = XML.createXMLStreamReader(in);
      while (r.hasNext() && (workbook == null || strings == null || styles == null)) {
        if (r.next() != XMLStreamConstants.START_ELEMENT || !"Override".equals(r.getLocalName())) continue;
        String type = r.getAttributeValue(null, "ContentType");
        String part = r.getAttributeValue(null, "PartName");
        if (WORKBOOK.equals(type) || MACRO_WORKBOOK.equals(type)) workbook = part;
        else if (STRINGS.equals(type)) strings = part;
        else if (STYLES.equals(type)) styles = part;
      }
    }
    if (workbook == null) workbook = "/xl/workbook.xml";
    String rels = FILE_NAME.matcher(workbook).replaceFirst("$1_rels/$2.rels");
    int folderEnd = rels.indexOf("_rel");
    ZipEntry relsEntry = folderEnd < 0 ? null : entry(zip, rels);
    if (relsEntry == null) return null;
    Map<String, String> targets = new HashMap<>();
    try (InputStream in = zip.getInputStream(relsEntry)) {
      XMLStreamReader r = XML.createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT || !"Relationship".equals(r.getLocalName())) continue;
        String target = r.getAttributeValue(null, "Target");
        if (target == null) return null;
        targets.put(r.getAttributeValue(null, "Id"), target.startsWith("/") ? target : rels.substring(0, folderEnd) + target);
      }
    }
    String sheetPart = targets.get(relationshipId);
    ZipEntry sheet = sheetPart == null ? null : entry(zip, sheetPart);
    if (sheet == null) return null;
    return new XlsxParts(sheet, strings == null ? null : entry(zip, strings));
  }

  /** The entry of a part name (a leading / dropped), or else the first whose name matches ignoring case. */
  private static ZipEntry entry(ZipFile zip, String part) {
    String name = part.startsWith("/") ? part.substring(1) : part;
    ZipEntry e = zip.getEntry(name);
    if (e != null && e.getName().equals(name)) return e;
    for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
      ZipEntry c = all.nextElement();
      if (c.getName().equalsIgnoreCase(name)) return c;
    }
    return null;
  }
}
