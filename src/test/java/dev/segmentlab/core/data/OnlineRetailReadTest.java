package dev.segmentlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnlineRetailReadTest {

  @Test
  void bundledSampleHasThePublishedFigures() {
    Dataset d = OnlineRetailFixture.dataset();
    Transactions tx = d.transactions();
    LoadReport r = d.report();
    assertThat(r.rows()).isEqualTo(541_909);
    assertThat(r.rejected()).isZero();
    assertThat(r.mode()).isEqualTo(Mode.TRANSACTIONS);
    assertThat(r.encoding()).isEqualTo("UTF-8");
    assertThat(r.delimiter()).isEqualTo(",");
    assertThat(r.dateFormat()).startsWith("yyyy-MM-dd HH:mm:ss");
    assertThat(r.customers()).isEqualTo(4_372);
    assertThat(tx.customer().missing()).isEqualTo(135_080);
    assertThat(tx.description().missing()).isEqualTo(1_454);
    assertThat(tx.country().distinct()).isEqualTo(38);
    assertThat(tx.invoice().distinct()).isEqualTo(25_900);
    assertThat(tx.stockCode().distinct()).isEqualTo(4_070);
    double q = 0, rev = 0;
    for (int i = 0; i < tx.size(); i++) { q += tx.quantity()[i]; rev += tx.revenue(i); }
    assertThat(q).isEqualTo(5_176_450d);
    assertThat(rev).isCloseTo(9_747_747.934, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(r.mapping()).containsEntry("invoice", "InvoiceNo").containsEntry("unit_price", "UnitPrice")
        .containsEntry("customer_id", "CustomerID").containsEntry("invoice_date", "InvoiceDate");
  }

  @Test
  void valuesAreReadAsPublished() {
    Transactions tx = OnlineRetailFixture.transactions();
    assertThat(tx.invoice().get(0)).isEqualTo("536365");
    assertThat(tx.customer().get(0)).isEqualTo("17850");
    assertThat(tx.dateAt(0)).hasToString("2010-12-01T08:26");
    assertThat(tx.unitPrice()[0]).isEqualTo(2.55);
    assertThat(tx.lineNumber()[0]).isEqualTo(2);
    Set<String> quoted = new HashSet<>();
    for (String s : tx.description().dictionary()) if (s.contains(",") || s.contains("\"")) quoted.add(s);
    assertThat(quoted).contains("RECORD FRAME 7\" SINGLE SIZE ");
    boolean pound = false;
    for (String s : tx.description().dictionary()) pound |= s.contains("£");
    assertThat(pound).isTrue();
  }
}
