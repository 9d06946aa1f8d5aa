package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each sheet's {@code <dimension>} is its used range; money is rounded to cents with a currency format; ids are numbers. */
public class XlsxDimensionTest {
  @TempDir Path dir;

  @Test
  void dimensionEqualsTheUsedRangeAndMoneyAndIdsAreNumbers() throws Exception {
    SheetData a = SheetData.of("Customers",
        SheetData.Column.ids("Customer", 3, i -> new String[] {"12346", "12347", "12348"}[i]),
        SheetData.Column.money("monetary", new double[] {4309.999999999997, 0.1 + 0.2, 1_797.24}),
        SheetData.Column.text("Country", new String[] {"United Kingdom", "Iceland", "Finland"}));
    SheetData b = SheetData.of("Codes", SheetData.Column.ids("Customer", 2, i -> new String[] {"007", "A1"}[i]));
    Path out = dir.resolve("x.xlsx");
    XlsxExporter.write(out, List.of(a, b), XlsxExporter.Options.DEFAULT, false, RunControl.none());

    assertThat(dimension(out, 1)).isEqualTo("A1:C4").isEqualTo(usedRange(out, 1));
    assertThat(dimension(out, 2)).isEqualTo("A1:A3").isEqualTo(usedRange(out, 2));
    try (ZipFile z = new ZipFile(out.toFile()); InputStream in = z.getInputStream(z.getEntry("xl/styles.xml"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("formatCode=\"&quot;&#xa3;&quot;#,##0.00\"");
    }
    try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows.get(1).getCell(0).getType()).isEqualTo(CellType.NUMBER);
      assertThat(rows.get(1).getCell(0).asNumber()).isEqualByComparingTo("12346");
      assertThat(rows.get(1).getCell(1).asNumber()).isEqualByComparingTo("4310");
      assertThat(rows.get(2).getCell(1).asNumber()).isEqualByComparingTo("0.3");
      List<Row> codes = wb.getSheets().toList().get(1).read();
      assertThat(codes.get(1).getCell(0).getType()).isEqualTo(CellType.STRING); // "007" keeps its zeros
    }
  }

  public static String dimension(Path xlsx, int sheet) throws IOException {
    Matcher m = Pattern.compile("<dimension ref=\"([^\"]+)\"/>").matcher(sheetXml(xlsx, sheet));
    return m.find() ? m.group(1) : null;
  }

  /** "A1:" + the largest column and row of any cell in the sheet. */
  public static String usedRange(Path xlsx, int sheet) throws IOException {
    Matcher m = Pattern.compile("<c r=\"([A-Z]+)([0-9]+)\"").matcher(sheetXml(xlsx, sheet));
    String maxCol = "A";
    int maxRow = 1;
    while (m.find()) {
      String col = m.group(1);
      if (col.length() > maxCol.length() || (col.length() == maxCol.length() && col.compareTo(maxCol) > 0)) maxCol = col;
      maxRow = Math.max(maxRow, Integer.parseInt(m.group(2)));
    }
    return "A1:" + maxCol + maxRow;
  }

  static String sheetXml(Path xlsx, int sheet) throws IOException {
    try (ZipFile z = new ZipFile(xlsx.toFile())) {
      ZipEntry e = z.getEntry("xl/worksheets/sheet" + sheet + ".xml");
      try (InputStream in = z.getInputStream(e)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
