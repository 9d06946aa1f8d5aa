package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.data.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class OverviewBuilderTest {
  // 2011-01-03 is a Monday, 2011-01-05 a Wednesday, 2011-03-07 a Monday, 2011-03-10 a Thursday.
  static Transactions fixture() {
    return new TxBuilder()
        .line("I1", "A", "APPLE", 2, "2011-01-03T09:15", 1.5, "C1", "United Kingdom")     // 3.0
        .line("I1", "POST", "POSTAGE", 1, "2011-01-03T09:15", 5.0, "C1", "United Kingdom") // 5.0
        .line("I2", "A", "APPLE", 1, "2011-01-05T14:00", 1.5, "C2", "France")               // 1.5
        .line("I2", "x1", "BANANA", 4, "2011-01-05T14:00", 2.0, "C2", "France")              // 8.0
        .line("I3", "85123A", "HEART", 10, "2011-03-07T09:30", 0.5, "C1", "United Kingdom") // 5.0
        .line("I3", "85123a", "HEART", 2, "2011-03-07T09:30", 0.5, "C1", "United Kingdom")  // 1.0
        .line("I4", "A", "APPLE", 1, "2011-03-10T23:59", 1.5, "", "")                       // 1.5
        .build();
  }

  @Test void monthlySeriesIsContiguousAndSumsToTheTotalRevenue() {
    Transactions tx = fixture();
    Overview o = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT);
    assertThat(o.monthly()).extracting(MonthlyPoint::month).containsExactly("2011-01", "2011-02", "2011-03");
    assertThat(o.monthly()).containsExactly(
        new MonthlyPoint("2011-01", 17.5, 2, 2),
        new MonthlyPoint("2011-02", 0.0, 0, 0),
        new MonthlyPoint("2011-03", 7.5, 2, 1));
    double total = 0;
    for (int r = 0; r < tx.size(); r++) total += tx.revenue(r);
    assertThat(o.monthly().stream().mapToDouble(MonthlyPoint::revenue).sum()).isCloseTo(total, within(1e-9));
    assertThat(o.keyFigures().revenue()).isCloseTo(25.0, within(1e-9));
  }

  @Test void weekdaysAndHours() {
    Transactions tx = fixture();
    Overview o = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT);
    assertThat(o.weekdays()).hasSize(7);
    assertThat(o.weekdays().get(0)).isEqualTo(new PeriodPoint(0, "Monday", 14.0, 2, 1));
    assertThat(o.weekdays().get(2)).isEqualTo(new PeriodPoint(2, "Wednesday", 9.5, 1, 1));
    // I4 has no customer: an order, but no active customer.
    assertThat(o.weekdays().get(3)).isEqualTo(new PeriodPoint(3, "Thursday", 1.5, 1, 0));
    assertThat(o.weekdays().get(6)).isEqualTo(new PeriodPoint(6, "Sunday", 0.0, 0, 0));
    assertThat(o.hours()).hasSize(24);
    assertThat(o.hours().get(9)).isEqualTo(new PeriodPoint(9, "09:00", 14.0, 2, 1));
    assertThat(o.hours().get(14).revenue()).isEqualTo(9.5);
    assertThat(o.hours().get(23).orders()).isEqualTo(1);
  }

  @Test void countriesRankedByRevenueWithBlankAsUnknown() {
    Transactions tx = fixture();
    Overview o = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT);
    assertThat(o.topCountries()).extracting(CountryRevenue::country)
        .containsExactly("United Kingdom", "France", OverviewBuilder.UNKNOWN_COUNTRY);
    assertThat(o.topCountries().get(0).revenue()).isEqualTo(14.0);
    assertThat(o.topCountries().get(0).share()).isCloseTo(0.56, within(1e-12));
    assertThat(o.topCountries().get(0).orders()).isEqualTo(2);
    Overview top1 = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT, null,
        new OverviewBuilder.Options(1, 10, 1.0, 10), RunControl.none());
    assertThat(top1.topCountries()).extracting(CountryRevenue::country).containsExactly("United Kingdom");
  }

  @Test void keyFiguresCountNormalisedProductsOnly() {
    Transactions tx = fixture();
    KeyFigures k = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT).keyFigures();
    // A, X1 (from "x1") and 85123A (from "85123A" and "85123a"); POST is not a product.
    assertThat(k).isEqualTo(new KeyFigures(7, 2, 4, 3, 25.0, 6.25, "2011-01-03T09:15:00", "2011-03-10T23:59:00"));
  }

  @Test void basketAndCustomerDistributions() {
    Transactions tx = fixture();
    Overview o = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT);
    // Units per invoice: I1 3, I2 5, I3 12, I4 1.
    Summary units = o.basketItems().summary();
    assertThat(units.count()).isEqualTo(4);
    assertThat(units.sum()).isEqualTo(21.0);
    assertThat(units.min()).isEqualTo(1.0);
    assertThat(units.max()).isEqualTo(12.0);
    assertThat(units.median()).isEqualTo(4.0);
    assertThat(units.q1()).isEqualTo(2.5);
    // Distinct products: I1 1 (POST excluded), I2 2, I3 1 (one product after normalising), I4 1.
    assertThat(o.basketProducts().summary().sum()).isEqualTo(5.0);
    assertThat(o.basketProducts().summary().max()).isEqualTo(2.0);
    assertThat(o.basketRevenue().summary().sum()).isCloseTo(25.0, within(1e-9));
    assertThat(o.basketRevenue().summary().mean()).isCloseTo(6.25, within(1e-9));
    Histogram h = o.basketRevenue().histogram();
    assertThat(sum(h.counts()) + h.below() + h.above()).isEqualTo(4);
    // C1 spent 14, C2 9.5; the row without a customer is not a customer.
    Distribution perCustomer = o.revenuePerCustomer();
    assertThat(perCustomer.summary().count()).isEqualTo(2);
    assertThat(perCustomer.summary().sum()).isCloseTo(23.5, within(1e-9));
    assertThat(perCustomer.histogram().logarithmic()).isTrue();
    assertThat(sum(perCustomer.histogram().counts())).isEqualTo(2);
  }

  @Test void customerFilterRestrictsEveryView() {
    Transactions tx = fixture();
    int c2 = List.of(tx.customer().dictionary()).indexOf("C2");
    Overview o = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT, code -> code == c2,
        OverviewBuilder.Options.DEFAULT, RunControl.none());
    assertThat(o.monthly()).containsExactly(new MonthlyPoint("2011-01", 9.5, 1, 1));
    assertThat(o.keyFigures().customers()).isEqualTo(1);
    assertThat(o.keyFigures().products()).isEqualTo(2);
    Overview viaIds = OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT,
        CustomerFilter.ofIds(tx.customer(), Set.of("C2")), OverviewBuilder.Options.DEFAULT, RunControl.none());
    assertThat(viaIds).isEqualTo(o);
  }

  @Test void onlyTheGivenRowsCount() {
    Transactions tx = fixture();
    Overview o = OverviewBuilder.build(tx, new int[] {0, 1, 6}, TxBuilder.NON_PRODUCT);
    assertThat(o.keyFigures().revenue()).isCloseTo(9.5, within(1e-9));
    assertThat(o.keyFigures().invoices()).isEqualTo(2);
  }

  @Test void emptySelectionGivesEmptyViews() {
    Transactions tx = fixture();
    Overview o = OverviewBuilder.build(tx, new int[0], TxBuilder.NON_PRODUCT);
    assertThat(o.monthly()).isEmpty();
    assertThat(o.topCountries()).isEmpty();
    assertThat(o.keyFigures().invoices()).isZero();
    assertThat(o.keyFigures().averageBasketRevenue()).isZero();
  }

  @Test void progressEndsAtOneAndCancellationThrows() {
    Transactions tx = fixture();
    List<Double> seen = new ArrayList<>();
    OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT, null, OverviewBuilder.Options.DEFAULT,
        RunControl.of(null, seen::add, () -> false));
    assertThat(seen).isNotEmpty().allMatch(p -> p >= 0 && p <= 1);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    assertThatThrownBy(() -> OverviewBuilder.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT, null,
        OverviewBuilder.Options.DEFAULT, RunControl.of(null, p -> {}, () -> true))).isInstanceOf(CancellationException.class);
  }

  @Test void rejectsUnsortedRowsAndBadOptions() {
    Transactions tx = fixture();
    assertThatThrownBy(() -> OverviewBuilder.build(tx, new int[] {2, 1}, TxBuilder.NON_PRODUCT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OverviewBuilder.build(tx, new int[] {99}, TxBuilder.NON_PRODUCT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OverviewBuilder.Options(0, 10, 0.99, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OverviewBuilder.Options(10, 10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) s += v;
    return s;
  }
}
