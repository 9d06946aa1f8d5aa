package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxExporterTest {
  @TempDir Path dir;

  static SheetData summary() {
    return SheetData.of("Segment summary",
        SheetData.Column.text("Segment", new String[] {"Champions", "At risk"}),
        SheetData.Column.integers("Customers", new long[] {812, 1390}),
        SheetData.Column.percents("Share", new double[] {0.187, 0.32}));
  }

  private Path writeBoth() throws IOException {
    Path file = dir.resolve("segments.xlsx");
    XlsxExporter.write(file, List.of(CsvExporterTest.lines(), summary()), XlsxExporter.Options.DEFAULT, false, RunControl.none());
    return file;
  }

  @Test
  void readsBackWithTypesAndEscapedText() throws IOException {
    Path file = writeBoth();
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertThat(sheets).extracting(Sheet::getName).containsExactly("Lines", "Segment summary");
      List<Row> rows = sheets.get(0).read();
      assertThat(rows).hasSize(CsvExporterTest.DESCRIPTIONS.length + 1);
      assertThat(rows.get(0).stream().map(Cell::getText).toList())
          .containsExactly("Description", "Quantity", "Price", "Day", "Invoice date", "Share");

      Row first = rows.get(1);
      assertThat(first.getCell(0).getText()).isEqualTo(" RECORD FRAME 7\" SINGLE SIZE ");
      assertThat(first.getCell(1).getType()).isEqualTo(CellType.NUMBER);
      assertThat(first.getCell(1).asNumber()).isEqualByComparingTo("-3"); // negative number, not escaped
      assertThat(first.getCell(2).getType()).isEqualTo(CellType.NUMBER);
      assertThat(first.getCell(2).asNumber()).isEqualByComparingTo("4310");
      assertThat(rows.get(2).getCell(2).asNumber()).isEqualByComparingTo("77183.6");

      Cell day = first.getCell(3);
      assertThat(day.getType()).isEqualTo(CellType.NUMBER);
      assertThat(day.asNumber()).isEqualByComparingTo("40886"); // Excel serial of 2011-12-09
      assertThat(day.getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(day.asDate()).isEqualTo(LocalDate.of(2011, 12, 9).atStartOfDay());
      Cell time = first.getCell(4);
      assertThat(time.getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
      assertThat(time.asDate()).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));

      assertThat(rows.get(3).getCell(0).getText()).isEqualTo("Price £2.55, each");
      assertThat(rows.get(6).getCell(0).getType()).isEqualTo(CellType.STRING);
      assertThat(rows.get(6).getCell(0).getText()).isEqualTo("'=HYPERLINK(\"x\")");
      assertThat(rows.get(6).getCell(0).getFormula()).isNull();
      assertThat(rows.get(7).getCell(0).getText()).isEqualTo("'+1");
      assertThat(rows.get(8).getCell(0).getText()).isEqualTo("'@SUM(A1)");
      assertThat(rows.get(9).getCell(0).getText()).isEqualTo("'-cmd");

      Row blanks = rows.get(11);
      assertThat(blanks.getCell(0).getText()).isEqualTo("plain");
      for (int c = 1; c <= 4; c++) {
        assertThat(blanks.getOptionalCell(c).map(Cell::getType).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);
      }

      List<Row> summary = sheets.get(1).read();
      assertThat(summary).hasSize(3);
      assertThat(summary.get(1).getCell(2).asNumber()).isEqualByComparingTo(new BigDecimal("0.187"));
      assertThat(summary.get(1).getCell(2).getDataFormatString()).isEqualTo("0.0%");
      assertThat(summary.get(2).getCell(1).asNumber()).isEqualByComparingTo("1390");
    }
  }

  @Test
  void headerIsBoldAndFrozenAndColumnsAreSized() throws IOException {
    Path file = writeBoth();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String sheet1 = read(zip, "xl/worksheets/sheet1.xml");
      String styles = read(zip, "xl/styles.xml");
      assertThat(sheet1).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
      assertThat(sheet1).contains("<autoFilter ref=\"A1:F12\"");
      assertThat(headerFont(sheet1, styles)).contains("<b/>");
      assertThat(sheet1).contains("<cols>");
    }
    double[] w = XlsxExporter.columnWidths(CsvExporterTest.lines(), XlsxExporter.Options.DEFAULT);
    assertThat(w[0]).isBetween(30.0, 40.0); // " RECORD FRAME 7\" SINGLE SIZE " is 29 chars
    assertThat(w[3]).isBetween(10.0, 20.0);
    String[] longText = {"x".repeat(500)};
    assertThat(XlsxExporter.columnWidths(SheetData.of("t", SheetData.Column.text("a", longText)),
        XlsxExporter.Options.DEFAULT)[0]).isEqualTo(60.0);
  }

  @Test
  void sheetNamesAreMadeValidAndUnique() {
    assertThat(XlsxExporter.sheetNames(List.of("Champions", "champions", "Q1/Q2: [draft]?*\\",
        "A very long segment name that goes beyond thirty-one", "A very long segment name that goes beyond",
        "'quoted'", "", "History")))
        .containsExactly("Champions", "champions (2)", "Q1_Q2_ _draft____",
            "A very long segment name that g", "A very long segment name th (2)", "quoted", "Sheet", "History_");
    for (String n : XlsxExporter.sheetNames(List.of("x".repeat(40), "x".repeat(40), "x".repeat(40)))) {
      assertThat(n).hasSizeLessThanOrEqualTo(31);
    }
  }

  @Test
  void manyRowsStreamWithProgressAndCancellationLeavesNoFile() throws IOException {
    int n = 12_345;
    long[] ids = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) { ids[i] = 12_346 + i; v[i] = i * 0.5; }
    SheetData big = SheetData.of("Customers", SheetData.Column.integers("Customer", ids),
        SheetData.Column.numbers("Monetary", v));
    List<Double> progress = new ArrayList<>();
    Path file = dir.resolve("big.xlsx");
    XlsxExporter.write(file, List.of(big), XlsxExporter.Options.DEFAULT, false, RunControl.of(null, progress::add, () -> false));
    assertThat(progress).isSortedAccordingTo(Double::compare).last().isEqualTo(1.0);
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows).hasSize(n + 1);
      assertThat(rows.get(n).getCell(0).asNumber()).isEqualByComparingTo(String.valueOf(12_346 + n - 1));
    }

    int[] polls = {0};
    assertThatThrownBy(() -> XlsxExporter.write(dir.resolve("cancelled.xlsx"), List.of(big),
        XlsxExporter.Options.DEFAULT, false, RunControl.of(null, p -> {}, () -> ++polls[0] > 3)))
        .isInstanceOf(CancellationException.class);
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("big.xlsx");
    }
  }

  @Test
  void existingWorkbookIsNotReplacedWithoutOverwrite() throws IOException {
    Path file = writeBoth();
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> XlsxExporter.write(file, List.of(summary()), XlsxExporter.Options.DEFAULT, false, RunControl.none())).isInstanceOf(ExportException.class).hasMessageContaining("already exists");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  /** A second, independent reader: openpyxl, when the machine has it. */
  @Test
  void openpyxlLoadsTheWorkbook() throws Exception {
    String python = pythonWithOpenpyxl();
    assumeTrue(python != null, "no python3 with openpyxl installed");
    Path file = writeBoth();
    String script = String.join("\n",
        "import sys, openpyxl",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "ws = wb['Lines']",
        "print(wb.sheetnames)",
        "print(ws.freeze_panes, ws['A1'].font.b, ws['B2'].value, ws['C3'].value, ws['D2'].is_date,"
            + " ws['D2'].value.date(), ws['A7'].value, ws['A7'].data_type, ws.max_row)");
    Process p = new ProcessBuilder(python, "-c", script, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("['Lines', 'Segment summary']")
        .contains("A2 True -3 77183.6 True 2011-12-09 '=HYPERLINK(\"x\") s 12");
  }

  /** The first of the usual interpreters that can import openpyxl (pyenv shims may hide Debian's), or null. */
  private static String pythonWithOpenpyxl() {
    for (String python : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import openpyxl").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return python;
      } catch (IOException e) {
        // not installed under this name: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private static String read(ZipFile zip, String entry) throws IOException {
    try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  /** The {@code <font>} element of cell A1's style, followed through cellXfs in styles.xml. */
  private static String headerFont(String sheetXml, String stylesXml) {
    Matcher cell = Pattern.compile("<c r=\"A1\" s=\"(\\d+)\"").matcher(sheetXml);
    assertThat(cell.find()).as("A1 has a style").isTrue();
    String cellXfs = stylesXml.substring(stylesXml.indexOf("<cellXfs"), stylesXml.indexOf("</cellXfs>"));
    List<String> xfs = all("<xf [^>]*>", cellXfs);
    Matcher font = Pattern.compile("fontId=\"(\\d+)\"").matcher(xfs.get(Integer.parseInt(cell.group(1))));
    assertThat(font.find()).isTrue();
    String fonts = stylesXml.substring(stylesXml.indexOf("<fonts"), stylesXml.indexOf("</fonts>"));
    return all("<font>.*?</font>", fonts).get(Integer.parseInt(font.group(1)));
  }

  private static List<String> all(String regex, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) found.add(m.group());
    return found;
  }
}
