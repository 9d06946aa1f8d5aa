package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import static dev.segmentlab.core.data.HandMadeXlsx.inline;
import static dev.segmentlab.core.data.HandMadeXlsx.number;
import static dev.segmentlab.core.data.HandMadeXlsx.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.segmentlab.core.concurrent.BusyExecutor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheet scanner reads every hand-made sheet exactly as fastexcel-reader does (every column of every row, the
 * rejections with their reasons and lines, the load report), or declines it so that the library reads it.
 */
class SheetScannerTest {
  @TempDir static Path dir;
  @AutoClose("shutdown") static final ExecutorService pool = Executors.newFixedThreadPool(2);

  /** Shared strings: plain, rich text, with a phonetic run, with entities, and two more. */
  static final String STRINGS = """
      <si><t>WHITE HANGING HEART</t></si>\
      <si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">RED </t></r>\
      <r><t>MUG</t></r></si>\
      <si><t>東京タワー</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>\
      <si><t>FISH &amp; CHIPS &lt;LARGE&gt; &#163;2 &#xA3;3</t></si>\
      <si><t>United Kingdom</t></si>\
      <si><t>C536379</t></si>""";

  static final String ROWS = """
      <row r="2" spans="1:8"><c r="A2" t="n"><v>536365</v></c><c r="B2" t="inlineStr"><is><t>85123A</t></is></c>\
      <c r="C2" t="s"><v>0</v></c><c r="D2"><v>6</v></c><c r="E2" s="1"><v>40513.35138888889</v></c>\
      <c r="F2"><v>2.55</v></c><c r="G2"><v>17850</v></c><c r="H2" t="s"><v>4</v></c></row>
      <row r="3"><c r="A3" t="inlineStr"><is><t>536366</t></is></c><c r="B3" t="inlineStr"><is><t>22633</t></is></c>\
      <c r="C3" t="s"><v>1</v></c><c r="D3"><f>2*3</f><v>6</v></c><c r="E3" s="1"><v>40513.352083333331</v></c>\
      <c r="F3"><f t="shared" ref="F3:F4" si="0">1+0.85</f><v>1.85</v></c><c r="G3"><v>17851</v></c>\
      <c r="H3" t="str"><f>"Fran"&amp;"ce"</f><v>France</v></c></row>
      <row r="4" x14ac:dyDescent="0.25"><c r="A4"><v>536367</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" t="s"><v>2</v></c>\
      <c r="D4"><v>32</v></c><c r="E4" s="1"><v>40513.354166666664</v></c><c r="F4"><f t="shared" si="0"/><v>1.85</v></c>\
      <c r="G4"><v>13047</v></c><c r="H4" t="s"><v>4</v></c></row>
      <row r="5"><c r="A5"><v>536368</v></c><c r="B5" t="inlineStr"><is><t>22960</t></is></c>\
      <c r="C5" t="inlineStr"><is><t>TEA &amp; CAKE &quot;SET&quot; &apos;A&apos; &#x263A; TWO\r\nLINES\rEND</t></is></c>\
      <c r="D5"><v>6</v></c><c r="E5" s="1"><v>40513.356944444444</v></c><c r="F5"><v>4.25</v></c>\
      <c r="G5"><v>13047</v></c><c r="H5" t="s"><v>3</v></c></row>
      <row r="6"><c r="A6"><v>536369</v></c><c r="B6" t="inlineStr"><is><t>21756</t></is></c>\
      <c r="C6" t="inlineStr"><is><r><t xml:space="preserve">BLUE </t></r><r><rPr><i/></rPr><t>BOWL</t></r>\
      <rPh sb="0" eb="1"><t>ブルー</t></rPh></is></c><c r="D6"><v>3</v></c><c r="E6" s="1"><v>40513.359722222223</v></c>\
      <c r="F6"><v>5.95</v></c><c r="G6"><v>13047</v></c><c r="H6" t="inlineStr"><is>
        <t>Spain</t>
      </is></c></row>
      <row r="7"><c r="A7"><v>536370</v></c><c r="B7" t="inlineStr"><is><t>22728</t></is></c>\
      <c r="C7" t="e"><v>#N/A</v></c><c r="D7"><v>24</v></c><c r="E7" s="1"><v>40513.365277777775</v></c>\
      <c r="F7"><v>3.75</v></c><c r="G7" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H7" t="s"><v>5</v></c></row>
      <row r="8"><c t="n"><v>536371</v></c><c t="inlineStr"><is><t>22086</t></is></c>\
      <c t="inlineStr"><is><t>PAPER CHAIN KIT</t></is></c><c><v>80</v></c><c r="E8" s="1"><v>40513.37</v></c>\
      <c><v>2.55</v></c><c><v>13748</v></c><c t="s"><v>4</v></c></row>
      <row r="9"><c r="A9"><v>536372</v></c><c r="B9" t="inlineStr"><is><t>22632</t></is></c>\
      <c r="D9"><v>6</v></c><c r="E9" s="1"><v>40513.38</v></c><c r="F9"><v>1.85</v></c>\
      <c r="H9" t="s"><v>4</v></c></row>
      <row r="10"/>
      <row r="11"><c r="A11" t="inlineStr"><is><t></t></is></c><c r="B11"/><c r="C11" t="s"><v/></c><c r="D11"><v></v></c></row>
      <row r="12"><c r="A12"><v>536373</v></c><c r="B12" t="inlineStr"><is><t>82494L</t></is></c>\
      <c r="C12" t="s"><v>0</v></c><c r="D12"><v>6</v></c><c r="E12" s="1"><v>40513.39</v></c><c r="F12"><v>2.1</v></c>\
      <c r="G12"><v>17850</v></c><c r="H12" t="s"><v>4</v></c><c r="J12" t="inlineStr"><is><t>extra</t></is></c></row>
      <row r="13"><c r="A13"><v>536374</v></c><c r="B13" t="inlineStr"><is><t>21258</t></is></c>\
      <c r="C13" t="s"><v>0</v></c><c r="D13" t="inlineStr"><is><t>six</t></is></c><c r="E13" s="1"><v>40513.4</v></c>\
      <c r="F13"><v>10.95</v></c><c r="G13"><v>15100</v></c><c r="H13" t="s"><v>4</v></c></row>
      <row r="14"><c r="A14" t="s"><v>5</v></c><c r="B14" t="inlineStr"><is><t>D</t></is></c>\
      <c r="C14" t="inlineStr"><is><t>Discount</t></is></c><c r="D14"><v>-1</v></c><c r="E14" s="1"><v>40513.41</v></c>\
      <c r="F14"><v>27.5</v></c><c r="G14"><v>14527</v></c><c r="H14" t="s"><v>4</v></c></row>
      <row r="15"><c r="A15"><v>536375</v></c><c r="B15" t="inlineStr"><is><t>71053</t></is></c>\
      <c r="C15" t="s"><v>99</v></c><c r="D15"><v>1.5E1</v></c><c r="E15" t="inlineStr"><is><t>2010-12-01 09:45</t></is></c>\
      <c r="F15"><v>3.39</v></c><c r="G15" t="inlineStr"/><c r="H15" t="s"><v>4</v></c></row>
      <row r="16"><c r="A16"><v>536376</v></c><c r="B16" t="inlineStr"><is><t>22114</t></is></c>\
      <c r="C16" t="s"><v>0</v></c><c r="D16"><v>48</v></c><c r="E16" t="inlineStr"><is><t>yesterday</t></is></c>\
      <c r="F16"><v>3.45</v></c><c r="G16"><v>15291</v></c><c r="H16" t="s"><v>4</v></c></row>
      """;

  private static Dataset read(Path f, XlsxReader.Route route) {
    return XlsxReader.read(f, ReadOptions.defaults(), RunControl.on(pool), route);
  }

  /** Both readers give the same dataset; returns the scanner's. */
  private static Dataset sameBothWays(Path f) {
    Dataset library = read(f, XlsxReader.Route.LIBRARY);
    Dataset scanner = read(f, XlsxReader.Route.SCANNER);
    assertSameDataset(scanner, library);
    assertSameDataset(XlsxReader.read(f, ReadOptions.defaults(), RunControl.none(),
        XlsxReader.Route.SCANNER), library);
    return scanner;
  }

  static void assertSameDataset(Dataset actual, Dataset expected) {
    assertThat(actual.report()).isEqualTo(expected.report());
    Transactions a = actual.transactions(), e = expected.transactions();
    assertThat(a.size()).isEqualTo(e.size());
    // equality, not containsExactly: its diff is quadratic in the rows
    assertThat(values(a.invoice())).isEqualTo(values(e.invoice()));
    assertThat(values(a.stockCode())).isEqualTo(values(e.stockCode()));
    assertThat(values(a.description())).isEqualTo(values(e.description()));
    assertThat(values(a.customer())).isEqualTo(values(e.customer()));
    assertThat(values(a.country())).isEqualTo(values(e.country()));
    assertThat(a.quantity()).isEqualTo(e.quantity());
    assertThat(a.unitPrice()).isEqualTo(e.unitPrice());
    assertThat(a.invoiceDate()).isEqualTo(e.invoiceDate());
    assertThat(a.lineNumber()).isEqualTo(e.lineNumber());
  }

  private static List<String> values(TextColumn c) {
    List<String> out = new ArrayList<>(c.size());
    for (int i = 0; i < c.size(); i++) out.add(c.get(i));
    return out;
  }

  @Test
  void everyKindOfCellReadsAsTheLibraryReadsIt() throws IOException {
    Path f = HandMadeXlsx.write(dir.resolve("kinds.xlsx"), sheet(ROWS), STRINGS);
    Dataset d = sameBothWays(f);
    Transactions tx = d.transactions();
    assertThat(values(tx.description())).containsExactly("WHITE HANGING HEART", "RED MUG", "東京タワー",
        "TEA & CAKE \"SET\" 'A' ☺ TWO\nLINES\nEND", "BLUE BOWLブルー", null, "PAPER CHAIN KIT", null,
        "Discount", null);
    assertThat(values(tx.invoice())).containsExactly("536365", "536366", "536367", "536368", "536369", "536370",
        "536371", "536372", "C536379", "536375");
    assertThat(values(tx.stockCode()).get(2)).isEqualTo("1"); // a boolean's raw value
    assertThat(values(tx.country())).containsExactly("United Kingdom", "France", "United Kingdom",
        "FISH & CHIPS <LARGE> £2 £3", "\n  Spain\n", "C536379", "United Kingdom", "United Kingdom",
        "United Kingdom", "United Kingdom");
    assertThat(values(tx.customer())).containsExactly("17850", "17851", "13047", "13047", "13047", "#DIV/0!",
        "13748", null, "14527", null);
    assertThat(tx.quantity()).containsExactly(6, 6, 32, 6, 3, 24, 80, 6, -1, 15);
    assertThat(tx.lineNumber()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 14, 15);
    assertThat(tx.dateAt(0)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(tx.dateAt(9)).isEqualTo(LocalDateTime.of(2010, 12, 1, 9, 45));
    assertThat(d.report().rejectReasons()).containsEntry("wrong number of fields", 1)
        .containsEntry("unreadable quantity", 1).containsEntry("unreadable date", 1);
    assertThat(d.report().examples()).extracting(LoadReport.Rejection::line).containsExactly(12, 13, 16);
  }

  @Test
  void rowsWithoutNumbersAreNumberedAsTheLibraryNumbersThem() throws IOException {
    String rows = ROWS.replaceAll("<row r=\"\\d+\"", "<row");
    String xml = sheet(rows).replace("<row r=\"1\">", "<row>");
    Dataset d = sameBothWays(HandMadeXlsx.write(dir.resolve("unnumbered.xlsx"), xml, STRINGS));
    // the library numbers a row without r by the rows before it: the header is 0
    assertThat(d.transactions().lineNumber()[0]).isEqualTo(1);
    assertThat(d.report().examples()).extracting(LoadReport.Rejection::line).containsExactly(11, 12, 15);
  }

  @Test
  void blankRowsAboveTheHeaderAndArrayFormulasWithoutErrorCells() throws IOException {
    String xml = "<worksheet xmlns=\"" + HandMadeXlsx.MAIN + "\"><sheetData><row r=\"1\"/><row r=\"2\">"
        + inline("A2", " ") + "</row>" + HandMadeXlsx.HEADER.replace("<row r=\"1\">", "<row r=\"3\">")
        + "<row r=\"4\">" + number("A4", "536365") + inline("B4", "X") + inline("C4", "ARRAY")
        + "<c r=\"D4\"><f t=\"array\" ref=\"D4:D5\">{2;3}</f><v>2</v></c><c r=\"E4\" s=\"1\"><v>40513.5</v></c>"
        + number("F4", "1") + "</row></sheetData></worksheet>";
    Dataset d = sameBothWays(HandMadeXlsx.write(dir.resolve("array.xlsx"), xml, null));
    assertThat(d.rows()).isEqualTo(1);
    assertThat(d.transactions().lineNumber()).containsExactly(4);
    assertThat(d.transactions().quantity()).containsExactly(2);
  }

  @Test
  void openpyxlStyleSheetsOfManyBlocksReadAsTheLibraryReadsThem() throws IOException {
    Path numbered = openpyxlStyle(dir.resolve("openpyxl.xlsx"), 60_000, true);
    Dataset d = sameBothWays(numbered);
    assertThat(d.rows()).isEqualTo(60_000 - 6);
    assertThat(d.report().examples()).extracting(LoadReport.Rejection::line)
        .containsExactly(2, 10_002, 20_002, 30_002, 40_002, 50_002);
    // rows without r across blocks: each block's rows are counted from the rows of the blocks before it
    Dataset u = sameBothWays(openpyxlStyle(dir.resolve("openpyxl-unnumbered.xlsx"), 60_000, false));
    assertThat(u.report().examples()).extracting(LoadReport.Rejection::line)
        .containsExactly(1, 10_001, 20_001, 30_001, 40_001, 50_001);
    // a pool whose only thread is busy: the calling thread inflates and parses on its own
    try (BusyExecutor busy = new BusyExecutor()) {
      assertSameDataset(XlsxReader.read(numbered, ReadOptions.defaults(), RunControl.on(busy),
          XlsxReader.Route.SCANNER), d);
    }
  }

  @Test
  void progressRisesToOneAndCancellingMidwayStops() throws IOException {
    Path f = openpyxlStyle(dir.resolve("cancel.xlsx"), 60_000, true);
    List<Double> seen = new ArrayList<>();
    read(f, XlsxReader.Route.SCANNER);
    XlsxReader.read(f, ReadOptions.defaults(), RunControl.of(pool, seen::add, () -> false), XlsxReader.Route.SCANNER);
    assertThat(seen.get(0)).isEqualTo(-1.0);
    assertThat(seen.subList(1, seen.size())).isSorted().allMatch(p -> p >= 0 && p <= 1.0);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    assertThat(seen.size()).isGreaterThan(3);
    AtomicBoolean cancel = new AtomicBoolean();
    List<Double> before = new ArrayList<>();
    assertThrows(CancellationException.class, () -> XlsxReader.read(f, ReadOptions.defaults(), RunControl.of(pool, p -> {
          before.add(p);
          if (p > 0.1) cancel.set(true);
        }, cancel::get), XlsxReader.Route.SCANNER));
    assertThat(before).noneMatch(p -> p == 1.0);
  }

  @Test
  void aDamagedSheetEntryIsReportedAsDamaged() throws IOException {
    Path f = openpyxlStyle(dir.resolve("damaged.xlsx"), 6_000, true);
    long compressed;
    try (ZipFile zip = new ZipFile(f.toFile())) {
      compressed = zip.getEntry("xl/worksheets/sheet1.xml").getCompressedSize();
    }
    // the sheet is the zip's first entry: its data starts after the 30-byte local header and its name
    long data = 30 + "xl/worksheets/sheet1.xml".length();
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      for (long i = data + compressed * 6 / 10; i < data + compressed * 6 / 10 + 64; i++) {
        raf.seek(i);
        int v = raf.read();
        raf.seek(i);
        raf.write(v ^ 0x5A);
      }
    }
    DataException e = assertThrows(DataException.class, () -> Datasets.read(f));
    assertThat(e.getMessage()).contains("damaged.xlsx is damaged or incomplete");
  }

  @Test
  void sheetsTheScannerDoesNotReadExactlyAreReadByTheLibrary() throws IOException {
    String row2 = "<row r=\"2\">" + number("A2", "536365") + inline("B2", "85123A") + inline("C2", "MUG")
        + number("D2", "6") + "<c r=\"E2\" s=\"1\"><v>40513.5</v></c>" + number("F2", "2.55") + "</row>";
    String row3 = "<row r=\"3\">" + number("A3", "536366") + inline("B3", "71053") + inline("C3", "JUG")
        + number("D3", "2") + "<c r=\"E3\" s=\"1\"><v>40513.6</v></c>" + number("F3", "3.39") + "</row>";
    String prefixed = sheet(row2 + row3).replace("<worksheet xmlns=", "<x:worksheet xmlns:x=")
        .replace("</worksheet>", "</x:worksheet>")
        .replaceAll("<(/?)(dimension|sheetData|row|c|is|t|v|pageMargins)\\b", "<$1x:$2");
    // what the library reads its own way (0 to 5) or refuses (6 to 10); the odd part is in the second data row,
    // after the rows the library reads for the header
    String[] declined = {
        prefixed,
        sheet(row2 + row3).replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<?xml version=\"1.0\"?><!DOCTYPE worksheet>"),
        sheet(row2 + row3.replace("<t>JUG</t>", "<t><![CDATA[MUG & JUG]]></t>")),
        sheet(row2 + row3.replace("</row>", "<!-- a note --></row>")),
        sheet(row2 + row3 + "<row r=\"4\">" + inline("A4", "536367") + "<c r=\"D4\"><f t=\"array\" ref=\"D4\">1</f>"
            + "<v>1</v></c><c r=\"G4\" t=\"e\"><v>#N/A</v></c></row>"),
        sheet(row2 + row3.replace("<row r=\"3\">", "<row>")),
        sheet(row2 + row3.replace("<row r=\"3\">", "<row r=\"3\" y:dyDescent=\"0.25\">")),
        sheet(row2 + row3.replace("<c r=\"E3\" s=\"1\"><v>40513.6</v></c>",
            "<c r=\"E3\" t=\"d\"><v>2010-12-01T14:24:00</v></c>")),
        sheet(row2 + row3.replace("<t>JUG</t>", "<t>MUG &nbsp; JUG</t>")),
        sheet(row2 + row3.replace(number("D3", "2"), number("D3", " 2"))),
        sheet(row2 + row3.replace("<c r=\"E3\"", "<c r=\"E3\" s=\"1\"")),
    };
    for (int i = 0; i < declined.length; i++) {
      Path f = HandMadeXlsx.write(dir.resolve("declined-" + i + ".xlsx"), declined[i], null);
      assertThrows(IllegalStateException.class, () -> read(f, XlsxReader.Route.SCANNER), "file " + i);
      if (i <= 5) {
        assertSameDataset(read(f, XlsxReader.Route.ANY), read(f, XlsxReader.Route.LIBRARY));
      } else {
        RuntimeException library = assertThrows(RuntimeException.class, () -> read(f, XlsxReader.Route.LIBRARY));
        RuntimeException any = assertThrows(RuntimeException.class, () -> read(f, XlsxReader.Route.ANY));
        assertThat(any).as("file " + i).hasSameClassAs(library).hasMessage(library.getMessage());
      }
    }
  }

  @Test
  void bigDecimalSyntaxIsAcceptedExactlyWhereBigDecimalAcceptsIt() {
    String[] samples = {"1", "-1", "+1", "1.", ".5", "-.5", "1.5E1", "1e-7", "1E+3", "1.2.3", "", ".", "e5", "1e",
        "1e+", "--1", "1 ", "0x10", "NaN", "Infinity", "12345678901234567890.5", "1e123456789", "1_000"};
    for (String s : samples) {
      boolean accepted;
      try {
        new BigDecimal(s);
        accepted = true;
      } catch (NumberFormatException e) {
        accepted = false;
      }
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertThat(SheetRowParser.isBigDecimal(b, 0, b.length)).as(s).isEqualTo(accepted);
    }
  }

  /**
   * Rows like openpyxl writes them (inline strings, {@code t="n"}, dates as serial numbers with {@code s="1"}), from
   * the bundled Online Retail; every 10,000th row's quantity is unreadable.
   */
  static Path openpyxlStyle(Path file, int rows, boolean numbered) throws IOException {
    Transactions tx = OnlineRetailFixture.transactions();
    return HandMadeXlsx.write(file, w -> {
      w.write("<worksheet xmlns=\"" + HandMadeXlsx.MAIN + "\"><sheetPr><outlinePr summaryBelow=\"1\" "
          + "summaryRight=\"1\"/><pageSetUpPr/></sheetPr><sheetFormatPr baseColWidth=\"8\" defaultRowHeight=\"15\"/>"
          + "<sheetData>");
      w.write(numbered ? HandMadeXlsx.HEADER : HandMadeXlsx.HEADER.replace("<row r=\"1\">", "<row>"));
      for (int i = 0; i < rows; i++) {
        int r = i + 2;
        w.write(numbered ? "<row r=\"" + r + "\">" : "<row>");
        w.write(inline("A" + r, escape(tx.invoice().get(i))));
        w.write(inline("B" + r, escape(tx.stockCode().get(i))));
        if (tx.description().get(i) != null) w.write(inline("C" + r, escape(tx.description().get(i))));
        w.write(i % 10_000 == 0 ? inline("D" + r, "n/a") : number("D" + r, Long.toString((long) tx.quantity()[i])));
        double serial = 25569 + tx.invoiceDate()[i] / 86400.0;
        w.write("<c r=\"E" + r + "\" s=\"1\" t=\"n\"><v>" + serial + "</v></c>");
        w.write(number("F" + r, Double.toString(tx.unitPrice()[i])));
        if (tx.customer().get(i) != null) w.write(number("G" + r, tx.customer().get(i)));
        w.write(inline("H" + r, escape(tx.country().get(i))));
        w.write("</row>");
      }
      w.write("</sheetData><pageMargins left=\"0.75\" right=\"0.75\" top=\"1\" bottom=\"1\" header=\"0.5\" "
          + "footer=\"0.5\"/></worksheet>");
    }, null);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
