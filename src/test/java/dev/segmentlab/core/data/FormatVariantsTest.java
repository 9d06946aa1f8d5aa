package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.concurrent.BusyExecutor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same Online Retail rows written the ways other copies publish them: Latin-1 with US dates (the Kaggle
 * copy), semicolons with UK dates (an Excel export), and XLSX with Excel serial dates. Each must read to the
 * same figures.
 */
class FormatVariantsTest {
  @TempDir static Path dir;
  static ExecutorService pool;

  @BeforeAll
  static void pool() { pool = Executors.newFixedThreadPool(2); }

  @AfterAll
  static void stop() { pool.shutdown(); }

  private static void assertOnlineRetailFigures(Dataset d) {
    Transactions tx = d.transactions();
    assertThat(d.rows()).isEqualTo(541_909);
    assertThat(d.report().rejected()).isZero();
    assertThat(d.report().customers()).isEqualTo(4_372);
    assertThat(tx.customer().missing()).isEqualTo(135_080);
    assertThat(tx.description().missing()).isEqualTo(1_454);
    assertThat(tx.country().distinct()).isEqualTo(38);
    double q = 0;
    for (double v : tx.quantity()) q += v;
    assertThat(q).isEqualTo(5_176_450d);
    assertThat(tx.dateAt(0)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(tx.dateAt(tx.size() - 1)).isEqualTo(LocalDateTime.of(2011, 12, 9, 12, 50));
    boolean pound = false;
    for (String s : tx.description().dictionary()) pound |= s.contains("£");
    assertThat(pound).as("£ decoded").isTrue();
  }

  @Test
  void latin1WithUsDates() throws IOException {
    Path f = dir.resolve("kaggle-data.csv");
    write(f, StandardCharsets.ISO_8859_1, ',', t -> t.getMonthValue() + "/" + t.getDayOfMonth() + "/" + t.getYear()
        + " " + t.getHour() + ":" + String.format("%02d", t.getMinute()), false);
    Dataset d = Datasets.read(f, ReadOptions.defaults(), RunControl.on(pool));
    assertOnlineRetailFigures(d);
    assertThat(d.report().encoding()).isEqualTo("windows-1252");
    assertThat(d.report().dateFormat()).startsWith("M/d/yyyy H:mm (US");
  }

  @Test
  void semicolonsWithUkDates() throws IOException {
    Path f = dir.resolve("uk-export.csv");
    write(f, StandardCharsets.UTF_8, ';', t -> String.format("%02d/%02d/%d %02d:%02d", t.getDayOfMonth(),
        t.getMonthValue(), t.getYear(), t.getHour(), t.getMinute()), true);
    Dataset d = Datasets.read(f, ReadOptions.defaults(), RunControl.on(pool));
    assertOnlineRetailFigures(d);
    assertThat(d.report().delimiter()).isEqualTo(";");
    assertThat(d.report().dateFormat()).startsWith("d/M/yyyy H:mm (UK");
    assertThat(d.report().encoding()).isEqualTo("UTF-8");
  }

  @Test
  void xlsxWithExcelDates() throws IOException {
    Path f = dir.resolve("online-retail.xlsx");
    Transactions tx = OnlineRetailFixture.transactions();
    try (OutputStream os = Files.newOutputStream(f)) {
      Workbook wb = new Workbook(os, "test", "1.0");
      Worksheet ws = wb.newWorksheet("Online Retail");
      String[] h = {"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"};
      for (int c = 0; c < h.length; c++) ws.value(0, c, h[c]);
      for (int i = 0; i < tx.size(); i++) {
        int r = i + 1;
        ws.value(r, 0, tx.invoice().get(i));
        ws.value(r, 1, tx.stockCode().get(i));
        if (tx.description().get(i) != null) ws.value(r, 2, tx.description().get(i));
        ws.value(r, 3, tx.quantity()[i]);
        ws.value(r, 4, tx.dateAt(i));
        ws.value(r, 5, tx.unitPrice()[i]);
        if (tx.customer().get(i) != null) ws.value(r, 6, Integer.parseInt(tx.customer().get(i)));
        ws.value(r, 7, tx.country().get(i));
        if ((r & 0xFFFF) == 0) ws.flush();
      }
      wb.newWorksheet("Notes").value(0, 0, "written by the test");
      wb.finish();
    }
    Dataset d = Datasets.read(f, ReadOptions.defaults(), RunControl.none());
    assertOnlineRetailFigures(d);
    // the sheet scanner reads this workbook (shared strings, date styles) itself: no fallback to the library
    SheetScannerTest.assertSameDataset(XlsxReader.read(f, ReadOptions.defaults(), RunControl.on(pool), XlsxReader.Route.SCANNER), d);
    // the library's route (the scanner's fallback): rows parsed on a pool thread ahead of the columns, the same
    // figures; cancelled midway, it stops
    assertOnlineRetailFigures(XlsxReader.read(f, ReadOptions.defaults(), RunControl.on(pool),
        XlsxReader.Route.LIBRARY));
    // a pool whose only thread is busy: the calling thread parses the rows itself instead of waiting
    try (BusyExecutor busy = new BusyExecutor()) {
      assertOnlineRetailFigures(XlsxReader.read(f, ReadOptions.defaults(), RunControl.on(busy),
          XlsxReader.Route.LIBRARY));
    }
    java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
    org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
        () -> XlsxReader.read(f, ReadOptions.defaults(), RunControl.of(pool, p -> { }, () -> polls.incrementAndGet() > 20),
            XlsxReader.Route.LIBRARY));
    assertThat(d.report().sheets()).containsExactly("Online Retail", "Notes");
    assertThat(d.report().dateFormat()).contains("Excel serial");
    assertThat(d.transactions().unitPrice()[0]).isCloseTo(2.55, within(1e-12));
    assertThat(Datasets.sheets(f)).containsExactly("Online Retail", "Notes");
    DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
        () -> Datasets.read(f, ReadOptions.defaults().withSheet("Year 2010-2011"), RunControl.none()));
    assertThat(e.getMessage()).contains("no sheet named 'Year 2010-2011'").contains("Online Retail, Notes");
  }

  /** Writes every row of the bundled file again with another charset, delimiter and date style. */
  private static void write(Path f, Charset cs, char delim, Function<LocalDateTime, String> date, boolean quoteAll)
      throws IOException {
    Transactions tx = OnlineRetailFixture.transactions();
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(f), cs), 1 << 16)) {
      w.write(String.join(String.valueOf(delim), "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
          "UnitPrice", "CustomerID", "Country"));
      w.write("\r\n");
      for (int i = 0; i < tx.size(); i++) {
        String desc = tx.description().get(i);
        String cust = tx.customer().get(i);
        String[] v = {tx.invoice().get(i), tx.stockCode().get(i), desc == null ? "" : desc,
            String.valueOf((long) tx.quantity()[i]), date.apply(tx.dateAt(i)),
            BigDecimal.valueOf(tx.unitPrice()[i]).stripTrailingZeros().toPlainString(), cust == null ? "" : cust,
            tx.country().get(i)};
        for (int c = 0; c < v.length; c++) {
          if (c > 0) w.write(delim);
          String s = v[c];
          boolean quote = (quoteAll && c == 2 && !s.isEmpty()) || s.indexOf(delim) >= 0 || s.indexOf('"') >= 0;
          w.write(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        w.write("\r\n");
      }
    }
  }
}
