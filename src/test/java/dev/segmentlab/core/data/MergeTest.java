package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging chunks: the same result on one thread or several, and report counts that match the columns. */
class MergeTest {
  @TempDir Path dir;

  @Test
  void oneThreadAndTwoThreadsReadTheSame() {
    Dataset two = OnlineRetailFixture.dataset();
    Dataset one = Datasets.read(OnlineRetailFixture.FILE, ReadOptions.defaults(), RunControl.none());
    assertThat(one.report()).isEqualTo(two.report());
    Transactions a = one.transactions(), b = two.transactions();
    assertThat(a.quantity()).isEqualTo(b.quantity());
    assertThat(a.unitPrice()).isEqualTo(b.unitPrice());
    assertThat(a.invoiceDate()).isEqualTo(b.invoiceDate());
    assertThat(a.lineNumber()).isEqualTo(b.lineNumber());
    for (TextColumn[] c : List.of(new TextColumn[] {a.invoice(), b.invoice()}, new TextColumn[] {a.stockCode(), b.stockCode()},
        new TextColumn[] {a.description(), b.description()}, new TextColumn[] {a.customer(), b.customer()},
        new TextColumn[] {a.country(), b.country()})) {
      assertThat(c[0].codes()).isEqualTo(c[1].codes());
      assertThat(c[0].dictionary()).isEqualTo(c[1].dictionary());
    }
  }

  @Test
  void reportCountsMatchTheColumns() {
    Dataset d = OnlineRetailFixture.dataset();
    assertReportMatches(d);
  }

  @Test
  void aDayThatDoesNotExistDropsItsRowAndItsValuesFromTheCounts() throws IOException {
    Path f = dir.resolve("feb.csv");
    Files.writeString(f, """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        1,A,Only here,5,31/01/2011 10:00,1.5,100,Spain
        2,B,Cup,7,30/02/2011 10:00,9.5,200,Malta
        3,A,Cup,5,13/01/2011 11:00,1.5,100.0,Spain
        """, StandardCharsets.UTF_8);
    Dataset d = Datasets.read(f);
    assertThat(d.report().rows()).isEqualTo(2);
    assertThat(d.report().rejected()).isEqualTo(1);
    assertThat(d.report().examples().get(0).line()).isEqualTo(3);
    assertThat(d.report().customers()).isEqualTo(1);
    assertReportMatches(d);
    LoadReport.ColumnSummary qty = d.report().columns().stream().filter(c -> c.role().equals("quantity")).findFirst().orElseThrow();
    assertThat(qty.distinct()).isEqualTo(1);
  }

  /** Rows dropped for a day that does not exist in several chunks: the same rows, dates and report on 1 or 2 threads. */
  @Test
  void daysThatDoNotExistInSeveralChunksDropTheSameRowsOnAnyNumberOfThreads() throws IOException {
    StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
    int lines = 20_000, bad = 0;
    for (int i = 0; i < lines; i++) {
      boolean impossible = i % 997 == 5;
      if (impossible) bad++;
      String date = impossible ? "30/02/2011 10:00" : (1 + i / 700 % 28) + "/" + (1 + i / 100 % 12) + "/2011 " + (8 + i % 10) + ":00";
      csv.append(536365 + i / 7).append(",S").append(i % 301).append(",PRODUCT NUMBER ").append(i % 301).append(',')
          .append(1 + i % 13).append(',').append(date).append(',').append(i % 50).append(".25,").append(12000 + i % 400)
          .append(".0,United Kingdom\n");
    }
    Path f = dir.resolve("many.csv");
    Files.writeString(f, csv, StandardCharsets.UTF_8);
    assertThat(Files.size(f)).isGreaterThan(1 << 20); // read in two parts by two threads
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      Dataset two = Datasets.read(f, ReadOptions.defaults(), RunControl.on(pool));
      Dataset one = Datasets.read(f, ReadOptions.defaults(), RunControl.none());
      assertThat(two.report()).isEqualTo(one.report());
      assertThat(two.report().rows()).isEqualTo(lines - bad);
      assertThat(two.report().rejectReasons()).containsEntry("unreadable date", bad);
      assertThat(two.report().examples()).hasSize(TransactionChunk.MAX_EXAMPLES);
      assertThat(two.report().examples().get(0).line()).isEqualTo(7); // data line 6, after the header
      assertThat(two.transactions().invoiceDate()).isEqualTo(one.transactions().invoiceDate());
      assertThat(two.transactions().lineNumber()).isEqualTo(one.transactions().lineNumber());
      assertThat(two.transactions().invoiceDate()).doesNotContain(FieldValues.INVALID_EPOCH);
      assertReportMatches(two);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertReportMatches(Dataset d) {
    Transactions tx = d.transactions();
    for (LoadReport.ColumnSummary c : d.report().columns()) {
      TextColumn t = switch (c.role()) {
        case "invoice" -> tx.invoice();
        case "stock_code" -> tx.stockCode();
        case "description" -> tx.description();
        case "customer_id" -> tx.customer();
        case "country" -> tx.country();
        default -> null;
      };
      if (c.role().equals("quantity") || c.role().equals("unit_price")) {
        double[] v = c.role().equals("quantity") ? tx.quantity() : tx.unitPrice();
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (double x : v) distinct.add(x == 0 ? 0.0 : x);
        assertThat(c.distinct()).as(c.name()).isEqualTo(distinct.size());
      }
      if (t == null) continue;
      assertThat(c.missing()).as(c.name()).isEqualTo(t.missing());
      assertThat(c.distinct()).as(c.name()).isEqualTo(t.distinct());
    }
  }
}
