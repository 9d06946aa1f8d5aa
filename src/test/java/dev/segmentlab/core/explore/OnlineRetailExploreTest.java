package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The explore views on the bundled Online Retail file with the default cleaning. */
class OnlineRetailExploreTest {
  private static Transactions tx;
  private static int[] rows;
  private static Predicate<String> nonProduct;

  @BeforeAll static void load() {
    tx = OnlineRetailFixture.transactions();
    CleanedData cleaned = Cleaner.clean(tx, CleaningOptions.seeds());
    rows = cleaned.rows();
    nonProduct = cleaned.options()::isNonProduct;
  }

  @Test void monthlyRevenueSumsToTheCleanedTotalAndPeaksInNovember2011() {
    Overview o = OverviewBuilder.build(tx, rows, nonProduct);
    double total = 0;
    for (int r : rows) total += tx.quantity()[r] * tx.unitPrice()[r];
    assertThat(o.monthly().stream().mapToDouble(MonthlyPoint::revenue).sum()).isCloseTo(total, within(1e-6 * total));
    assertThat(o.keyFigures().revenue()).isCloseTo(8_887_208.89, within(0.5));
    assertThat(o.monthly()).hasSize(13);
    assertThat(o.monthly().get(0).month()).isEqualTo("2010-12");
    assertThat(o.monthly().get(12).month()).isEqualTo("2011-12");
    MonthlyPoint top = o.monthly().stream().max(Comparator.comparingDouble(MonthlyPoint::revenue)).orElseThrow();
    assertThat(top.month()).isEqualTo("2011-11");
    assertThat(top.orders()).isEqualTo(o.monthly().stream().mapToInt(MonthlyPoint::orders).max().orElseThrow());
  }

  @Test void keyFiguresMatchTheKnownCleanedCounts() {
    Overview o = OverviewBuilder.build(tx, rows, nonProduct);
    KeyFigures k = o.keyFigures();
    assertThat(k.rows()).isEqualTo(392_692);
    assertThat(k.customers()).isEqualTo(4_338);
    assertThat(k.invoices()).isEqualTo(18_532);
    // Independently: distinct upper-cased stock codes that are not on the non-product list.
    Set<String> products = new HashSet<>();
    for (int r : rows) {
      String code = tx.stockCode().get(r).trim().toUpperCase(Locale.ROOT);
      if (!nonProduct.test(code)) products.add(code);
    }
    assertThat(k.products()).isEqualTo(products.size());
    assertThat(k.averageBasketRevenue()).isCloseTo(k.revenue() / 18_532, within(1e-9));
    assertThat(o.topCountries()).hasSize(10);
    assertThat(o.topCountries().get(0).country()).isEqualTo("United Kingdom");
    // No invoices on Saturdays in this shop.
    assertThat(o.weekdays().get(5).orders()).isZero();
    assertThat(o.revenuePerCustomer().histogram().logarithmic()).isTrue();
    assertThat(Arrays.stream(o.revenuePerCustomer().histogram().counts()).sum()).isEqualTo(4_338);
  }

  @Test void firstCohortIsDecember2010With885CustomersAllActiveInMonthZero() {
    CohortTable t = CohortBuilder.build(tx, rows);
    Cohort first = t.cohorts().get(0);
    assertThat(first.cohort()).isEqualTo("2010-12");
    assertThat(first.size()).isEqualTo(885);
    assertThat(first.retention()[0]).isEqualTo(1.0);
    assertThat(first.months()).isEqualTo(13);
    // Independent count: each customer's earliest date over the cleaned rows, with java.time.
    Map<String, LocalDateTime> firstPurchase = new HashMap<>();
    for (int r : rows) firstPurchase.merge(tx.customer().get(r), tx.dateAt(r), (a, b) -> a.isBefore(b) ? a : b);
    long december = firstPurchase.values().stream().filter(d -> YearMonth.from(d).equals(YearMonth.of(2010, 12))).count();
    assertThat(first.size()).isEqualTo(december).isEqualTo(885);
    assertThat(t.customers()).isEqualTo(firstPurchase.size()).isEqualTo(4_338);
    assertThat(t.cohorts()).allSatisfy(c -> assertThat(c.retention()[0]).isEqualTo(1.0));
  }

  @Test void regencyTeacupPairHasHighLiftAtTwoPercentSupport() {
    RuleSet rs = AssociationRules.mine(tx, rows, nonProduct,
        AssociationRules.Options.DEFAULT.withMinSupport(0.02).withTopN(1_000));
    Rule pair = rs.rules().stream()
        .filter(r -> r.antecedent().equals(List.of("22697")) && r.consequent().equals(List.of("22699")))
        .findFirst().orElseThrow();
    assertThat(pair.lift()).isGreaterThan(10);
    assertThat(pair.support()).isGreaterThanOrEqualTo(0.02);
    assertThat(pair.antecedentDescriptions()).containsExactly("GREEN REGENCY TEACUP AND SAUCER");
    assertThat(pair.consequentDescriptions()).containsExactly("ROSES REGENCY TEACUP AND SAUCER");
    assertThat(rs.rules()).anySatisfy(r -> {
      assertThat(r.antecedent()).containsExactly("22699");
      assertThat(r.consequent()).containsExactly("22697");
      assertThat(r.lift()).isCloseTo(pair.lift(), within(1e-9));
    });
    // The default top 20 also shows it.
    RuleSet top20 = AssociationRules.mine(tx, rows, nonProduct, AssociationRules.Options.DEFAULT.withMinSupport(0.02));
    assertThat(top20.rules()).hasSize(20).anyMatch(r -> r.antecedent().equals(List.of("22697"))
        && r.consequent().equals(List.of("22699")));
  }

  @Test void fpGrowthSinglesAndPairsAgreeWithDirectCountingAtOnePercent() {
    // Baskets built independently: invoice string → set of upper-cased product codes.
    Map<String, Set<String>> baskets = new HashMap<>();
    for (int r : rows) {
      String code = tx.stockCode().get(r).trim().toUpperCase(Locale.ROOT);
      if (!nonProduct.test(code)) baskets.computeIfAbsent(tx.invoice().get(r), k -> new TreeSet<>()).add(code);
    }
    int minCount = (int) Math.ceil(0.01 * baskets.size());
    Map<String, Integer> single = new HashMap<>();
    for (Set<String> b : baskets.values()) for (String c : b) single.merge(c, 1, Integer::sum);
    Map<String, Integer> pairs = new HashMap<>();
    for (Set<String> b : baskets.values()) {
      List<String> frequent = new ArrayList<>();
      for (String c : b) if (single.get(c) >= minCount) frequent.add(c);
      for (int i = 0; i < frequent.size(); i++) {
        for (int j = i + 1; j < frequent.size(); j++) pairs.merge(frequent.get(i) + "+" + frequent.get(j), 1, Integer::sum);
      }
    }
    long frequentSingles = single.values().stream().filter(c -> c >= minCount).count();
    long frequentPairs = pairs.values().stream().filter(c -> c >= minCount).count();

    RuleSet rs = AssociationRules.mine(tx, rows, nonProduct, AssociationRules.Options.DEFAULT.withMaxLength(2)
        .withMinLift(0).withTopN(100_000));
    assertThat(rs.baskets()).isEqualTo(baskets.size());
    assertThat(rs.minCount()).isEqualTo(minCount);
    assertThat(rs.frequentItemsets()).isEqualTo(frequentSingles + frequentPairs);
    // Every frequent pair gives two rules, with the directly counted support.
    assertThat(rs.rulesFound()).isEqualTo(2 * frequentPairs);
    for (Rule r : rs.rules()) {
      String a = r.antecedent().get(0);
      String c = r.consequent().get(0);
      String key = a.compareTo(c) < 0 ? a + "+" + c : c + "+" + a;
      assertThat(r.count()).as(key).isEqualTo(pairs.get(key));
      assertThat(r.confidence()).isCloseTo((double) pairs.get(key) / single.get(a), within(1e-12));
    }
  }

  @Test void reportHasThirteenMonthsThirteenCohortsAndTwentyRules() {
    ExploreReport report = ExploreReport.build(tx, rows, nonProduct, null, AssociationRules.Options.DEFAULT,
        RunControl.none());
    assertThat(report.monthly()).hasSize(13);
    assertThat(report.cohorts()).hasSize(13);
    assertThat(report.cohorts().get(0).size()).isEqualTo(885);
    assertThat(report.rules()).hasSize(20);
    assertThat(report.rules()).isSortedAccordingTo(Comparator.comparingDouble(ExploreReport.RuleRow::lift).reversed());
  }
}
