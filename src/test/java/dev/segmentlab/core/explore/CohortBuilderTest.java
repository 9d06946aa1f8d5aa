package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentlab.core.data.Transactions;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class CohortBuilderTest {
  /**
   * C1 buys in Jan, Feb, Apr; C2 in Jan; C3 in Feb, Mar; C4 twice in Feb and in Apr; C5 in Apr. A row without
   * a customer in Dec 2010 must neither open a cohort nor stretch the months.
   */
  static Transactions fixture() {
    return new TxBuilder()
        .item("X0", "A", "2010-12-15T10:00", "")
        .item("I1", "A", "2011-01-10T10:00", "C1")
        .item("I2", "A", "2011-01-20T10:00", "C2")
        .item("I3", "A", "2011-02-01T10:00", "C1")
        .item("I4", "A", "2011-02-02T10:00", "C3")
        .item("I5", "A", "2011-02-03T10:00", "C4")
        .item("I6", "B", "2011-02-28T23:59", "C4")
        .item("I7", "A", "2011-03-01T00:00", "C3")
        .item("I8", "A", "2011-04-05T10:00", "C1")
        .item("I9", "A", "2011-04-06T10:00", "C4")
        .item("I10", "A", "2011-04-07T10:00", "C5")
        .build();
  }

  @Test void retentionAndRevenueByMonthsSinceFirstPurchase() {
    Transactions tx = fixture();
    CohortTable t = CohortBuilder.build(tx, TxBuilder.all(tx));
    assertThat(t.months()).containsExactly("2011-01", "2011-02", "2011-03", "2011-04");
    // No customer started in March: no March cohort.
    assertThat(t.cohorts()).extracting(Cohort::cohort).containsExactly("2011-01", "2011-02", "2011-04");

    Cohort jan = t.cohorts().get(0);
    assertThat(jan.size()).isEqualTo(2);
    assertThat(jan.active()).containsExactly(2, 1, 0, 1);
    assertThat(jan.retention()).containsExactly(1.0, 0.5, 0.0, 0.5);
    assertThat(jan.revenue()).containsExactly(2.0, 1.0, 0.0, 1.0);

    Cohort feb = t.cohorts().get(1);
    assertThat(feb.size()).isEqualTo(2);
    // C4's two February invoices count once for retention, twice for revenue.
    assertThat(feb.active()).containsExactly(2, 1, 1);
    assertThat(feb.retention()).containsExactly(1.0, 0.5, 0.5);
    assertThat(feb.revenue()).containsExactly(3.0, 1.0, 1.0);

    Cohort apr = t.cohorts().get(2);
    assertThat(apr.size()).isEqualTo(1);
    assertThat(apr.active()).containsExactly(1);
    assertThat(t.customers()).isEqualTo(5);
    assertThat(t.maxMonths()).isEqualTo(4);
  }

  @Test void segmentAndRowSubsetsDefineFirstPurchase() {
    Transactions tx = fixture();
    CohortTable seg = CohortBuilder.build(tx, TxBuilder.all(tx), CustomerFilter.ofIds(tx.customer(), Set.of("C1", "C3")),
        RunControl.none());
    assertThat(seg.cohorts()).extracting(Cohort::cohort).containsExactly("2011-01", "2011-02");
    assertThat(seg.cohorts().get(0).active()).containsExactly(1, 1, 0, 1);
    assertThat(seg.cohorts().get(1).active()).containsExactly(1, 1, 0);

    // Without the January rows, C1 first buys in February.
    int[] fromFeb = {3, 4, 5, 6, 7, 8, 9, 10};
    CohortTable later = CohortBuilder.build(tx, fromFeb);
    assertThat(later.cohorts().get(0).cohort()).isEqualTo("2011-02");
    assertThat(later.cohorts().get(0).size()).isEqualTo(3);
    assertThat(later.cohorts().get(0).active()).containsExactly(3, 1, 2);
  }

  @Test void noCustomersGivesAnEmptyTable() {
    Transactions tx = fixture();
    assertThat(CohortBuilder.build(tx, new int[] {0}).cohorts()).isEmpty();
    assertThat(CohortBuilder.build(tx, new int[0]).months()).isEmpty();
  }

  @Test void cancellationThrows() {
    Transactions tx = fixture();
    assertThatThrownBy(() -> CohortBuilder.build(tx, TxBuilder.all(tx), null, RunControl.of(null, p -> {}, () -> true)))
        .isInstanceOf(CancellationException.class);
  }
}
