package dev.segmentlab.core.data;

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
    Dataset one = DatasetReader.read(OnlineRetailFixture.FILE, DatasetReader.Options.defaults(), null, p -> { },
        () -> false);
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
    Dataset d = DatasetReader.read(f);
    assertThat(d.report().rows()).isEqualTo(2);
    assertThat(d.report().rejected()).isEqualTo(1);
    assertThat(d.report().examples().get(0).line()).isEqualTo(3);
    assertThat(d.report().customers()).isEqualTo(1);
    assertReportMatches(d);
    LoadReport.ColumnSummary qty = d.report().columns().stream().filter(c -> c.role().equals("quantity")).findFirst().orElseThrow();
    assertThat(qty.distinct()).isEqualTo(1);
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
