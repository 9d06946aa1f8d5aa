package dev.segmentlab.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.RfmBuilder;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnsNettingTest {

  /**
   * Hand-made: A buys 10 mugs on day 1 and 5 more on day 3, returns 8 on day 5 (the 5 of day 3 and 3 of day 1);
   * A also returns a lamp bought before the data starts (£20 off her spend). B buys and cancels one whole order
   * (net 0, left out). C cancels part of an order and keeps a second order. D only has a return.
   */
  static Transactions fixture() {
    Tx t = new Tx();
    t.line("1001", "MUG", 10, "2011-01-01T10:00", 2.0, "A");
    t.line("1001", "PLATE", 4, "2011-01-01T10:00", 5.0, "A");
    t.line("1002", "MUG", 5, "2011-01-03T10:00", 2.5, "A");
    t.line("C1003", "MUG", -8, "2011-01-05T10:00", 2.5, "A");
    t.line("C1004", "LAMP", -1, "2011-01-05T10:00", 20.0, "A");
    t.line("2001", "VASE", 3, "2011-01-02T09:00", 10.0, "B");
    t.line("C2002", "VASE", -3, "2011-01-02T09:30", 10.0, "B");
    t.line("3001", "CUP", 6, "2011-01-02T09:00", 1.0, "C");
    t.line("3001", "BOWL", 2, "2011-01-02T09:00", 4.0, "C");
    t.line("C3002", "CUP", -6, "2011-01-02T11:00", 1.0, "C");
    t.line("3003", "BOWL", 1, "2011-01-04T09:00", 4.0, "C");
    t.line("C4001", "MUG", -2, "2011-01-04T09:00", 2.0, "D");
    return t.build();
  }

  @Test
  void handMadeFixtureNetsAsExpected() {
    CleanedData c = Cleaner.clean(fixture(), CleaningOptions.defaults());
    ReturnsNetting n = c.netting();
    assertThat(c.options().returns()).isEqualTo(Returns.NET);
    assertThat(n.cancellationLines()).isEqualTo(5);
    // A: 5 mugs of day 3 (2.5) and 3 of day 1 (2.0) back = 18.5; B: 30; C: 6
    assertThat(n.matchedValue()).isCloseTo(18.5 + 30 + 6, within(1e-9));
    assertThat(n.unmatchedValue()).isCloseTo(20 + 4, within(1e-9));     // A's lamp, D's mugs
    assertThat(n.ordersCancelledWhole()).isEqualTo(2);                  // 1002 and 2001
    assertThat(n.excludedCustomers()).isEqualTo(1);                     // B (D has no purchase at all)

    CustomerFeatures cf = RfmBuilder.build(c, LocalDateTime.of(2011, 1, 10, 0, 0));
    assertThat(cf.ids()).containsExactly("A", "C");
    // A: 7 mugs at 2.0 + 4 plates at 5.0 = 34, minus the lamp 20 = 14; one order left (1002 went back whole)
    // C: 2 bowls + 1 bowl at 4.0 = 12 (the cups went back); two orders, 3001 kept its bowls
    assertThat(cf.column("monetary")).containsExactly(14.0, 12.0);
    assertThat(cf.column("frequency")).containsExactly(1.0, 2.0);
    // A's last purchase is now day 1: the order of day 3 went back whole
    assertThat(cf.column("recency")).containsExactly(8.0, 5.0);
  }

  @Test
  void dropKeepsThePurchasesAsTheSeedsDo() {
    CleanedData c = Cleaner.clean(fixture(), CleaningOptions.seeds());
    assertThat(c.netting()).isNull();
    CustomerFeatures cf = RfmBuilder.build(c, LocalDateTime.of(2011, 1, 10, 0, 0));
    assertThat(cf.ids()).containsExactly("A", "B", "C");
    assertThat(cf.column("monetary")).containsExactly(52.5, 30.0, 18.0);
    assertThat(cf.column("frequency")).containsExactly(2.0, 1.0, 2.0);
  }

  @Test
  void customer12346NetsToZeroAndIsLeftOut() {
    Transactions tx = OnlineRetailFixture.transactions();
    CleanedData net = Cleaner.clean(tx, CleaningOptions.defaults());
    int code = Arrays.asList(tx.customer().dictionary()).indexOf("12346");
    double spend = 0;
    for (int r : net.rows()) if (tx.customer().code(r) == code) spend += net.quantity()[r] * tx.unitPrice()[r];
    assertThat(spend - net.netting().unmatched()[code]).isZero();
    assertThat(net.netting().isExcluded(code)).isTrue();
    CustomerFeatures cf = RfmBuilder.build(net, null);
    assertThat(cf.ids()).doesNotContain("12346");
    System.out.printf("net: customers %d (report %d), excluded %d, whole orders %d, lines %d, matched %.2f,"
        + " unmatched %.2f, frequency %.0f, monetary %.2f%n", cf.size(), net.report().customers(),
        net.netting().excludedCustomers(), net.netting().ordersCancelledWhole(), net.netting().cancellationLines(),
        net.netting().matchedValue(), net.netting().unmatchedValue(), cf.sum("frequency"), cf.sum("monetary"));

    CustomerFeatures drop = RfmBuilder.build(Cleaner.clean(tx, CleaningOptions.seeds()), null);
    assertThat(drop.size()).isEqualTo(4_338);
    assertThat(drop.column("monetary")[0]).isCloseTo(77_183.60, within(1e-6));
  }

  /** Lines of a tiny transaction table (country UK, description = code). */
  private static final class Tx {
    final List<String[]> text = new ArrayList<>();
    final List<double[]> nums = new ArrayList<>();
    final List<Long> dates = new ArrayList<>();

    void line(String inv, String code, double q, String when, double price, String cust) {
      text.add(new String[] {inv, code, code, cust, "United Kingdom"});
      nums.add(new double[] {q, price});
      dates.add(Transactions.toEpochSeconds(LocalDateTime.parse(when)));
    }

    Transactions build() {
      int n = text.size();
      TextColumn[] cols = new TextColumn[5];
      String[] names = {"InvoiceNo", "StockCode", "Description", "CustomerID", "Country"};
      for (int c = 0; c < 5; c++) {
        Map<String, Integer> dict = new LinkedHashMap<>();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = dict.computeIfAbsent(text.get(i)[c], k -> dict.size());
        cols[c] = new TextColumn(names[c], codes, dict.keySet().toArray(new String[0]));
      }
      double[] q = new double[n], p = new double[n];
      long[] d = new long[n];
      int[] lines = new int[n];
      for (int i = 0; i < n; i++) {
        q[i] = nums.get(i)[0];
        p[i] = nums.get(i)[1];
        d[i] = dates.get(i);
        lines[i] = i + 2;
      }
      return new Transactions(cols[0], cols[1], cols[2], q, d, p, cols[3], cols[4], lines);
    }
  }
}
