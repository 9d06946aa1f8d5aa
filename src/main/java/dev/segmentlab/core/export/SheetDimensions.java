package dev.segmentlab.core.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.io.FilterOutputStream;
import java.util.Collections;

/**
 * Puts each sheet's real used range into its {@code <dimension ref="…"/>}: a streaming writer cannot know it when
 * it writes the sheet's head. Copies a workbook entry by entry; only the first bytes of each sheet are changed.
 */
final class SheetDimensions {
  private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");
  private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"[A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?\"/>");
  /** The dimension comes right after the sheet's opening tags; it is looked for in this many bytes. */
  private static final int HEAD = 8_192;

  private SheetDimensions() {}

  /** "A1:H4339" for 4,339 rows (header included) and 8 columns; "A1" for one cell. */
  static String ref(int rows, int columns) {
    String end = column(Math.max(1, columns)) + Math.max(1, rows);
    return end.equals("A1") ? "A1" : "A1:" + end;
  }

  /** Excel column letters of a 1-based index: 1 → A, 27 → AA. */
  static String column(int index) {
    StringBuilder sb = new StringBuilder();
    for (int n = index; n > 0; n = (n - 1) / 26) sb.insert(0, (char) ('A' + (n - 1) % 26));
    return sb.toString();
  }

  /**
   * Copies the workbook at {@code source} into {@code out} (left open), giving sheet {@code i + 1} the dimension
   * {@code refs.get(i)}.
   */
  static void copyWithDimensions(Path source, OutputStream out, List<String> refs) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
    // ZipFile reads the central directory: fastexcel's local headers leave the sizes to a trailing descriptor
    try (ZipFile file = new ZipFile(source.toFile())) {
      byte[] buf = new byte[64 * 1024];
      for (ZipEntry e : Collections.list(file.entries())) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        InputStream src = file.getInputStream(e);
        Matcher m = SHEET.matcher(e.getName());
        if (m.matches() && Integer.parseInt(m.group(1)) <= refs.size()) {
          byte[] head = src.readNBytes(HEAD);
          String text = new String(head, StandardCharsets.ISO_8859_1);
          String ref = refs.get(Integer.parseInt(m.group(1)) - 1);
          text = DIMENSION.matcher(text).replaceFirst("<dimension ref=\"" + ref + "\"/>");
          zip.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        for (int n = src.read(buf); n > 0; n = src.read(buf)) zip.write(buf, 0, n);
        src.close();
        zip.closeEntry();
      }
    }
    zip.finish();
  }

  /** Lets the zip finish without closing the caller's stream. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) { super(out); }
    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
    @Override public void close() throws IOException { flush(); }
  }
}
