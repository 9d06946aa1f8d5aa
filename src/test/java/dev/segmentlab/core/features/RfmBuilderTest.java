package dev.segmentlab.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.Stats;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RfmBuilderTest {
  static CleanedData cleaned;
  static CustomerFeatures cf;

  @BeforeAll
  static void build() {
    cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
    cf = RfmBuilder.build(cleaned, null);
  }

  @Test
  void onlineRetailRfmHasTheKnownFigures() {
    assertThat(cf.size()).isEqualTo(4_338);
    assertThat(cf.snapshot()).isEqualTo(LocalDateTime.of(2011, 12, 10, 0, 0));
    assertThat(cf.sum("frequency")).isEqualTo(18_532d);
    assertThat(cf.sum("monetary")).isCloseTo(8_887_208.894, within(1e-6));
    int a = Arrays.asList(cf.ids()).indexOf("12346");
    int b = Arrays.asList(cf.ids()).indexOf("12347");
    assertThat(a).isZero();
    assertThat(b).isEqualTo(1);
    assertThat(cf.column("recency")[a]).isEqualTo(325);
    assertThat(cf.column("frequency")[a]).isEqualTo(1);
    assertThat(cf.column("monetary")[a]).isCloseTo(77_183.60, within(1e-6));
    assertThat(cf.column("recency")[b]).isEqualTo(2);
    assertThat(cf.column("frequency")[b]).isEqualTo(7);
    assertThat(cf.column("monetary")[b]).isCloseTo(4_310.00, within(1e-6));
    assertThat(cf.countries()[a]).isEqualTo("United Kingdom");
    assertThat(cf.countries()[b]).isEqualTo("Iceland");
  }

  /** Every feature against a plain-loop computation with hash maps. */
  @Test
  void everyFeatureMatchesAnIndependentComputation() {
    Transactions tx = cleaned.transactions();
    Map<String, Long> last = new HashMap<>(), first = new HashMap<>();
    Map<String, Set<String>> invoices = new HashMap<>(), products = new HashMap<>();
    Map<String, Double> money = new HashMap<>(), qty = new HashMap<>();
    long max = Long.MIN_VALUE;
    for (int r : cleaned.rows()) max = Math.max(max, tx.invoiceDate()[r]);
    long snap = (max / 86_400 + 1) * 86_400;
    for (int r : cleaned.rows()) {
      String c = tx.customer().get(r);
      long d = tx.invoiceDate()[r];
      last.merge(c, d, Math::max);
      first.merge(c, d, Math::min);
      invoices.computeIfAbsent(c, k -> new HashSet<>()).add(tx.invoice().get(r));
      products.computeIfAbsent(c, k -> new HashSet<>()).add(tx.stockCode().get(r));
      money.merge(c, tx.quantity()[r] * tx.unitPrice()[r], Double::sum);
      qty.merge(c, tx.quantity()[r], Double::sum);
    }
    Map<String, int[]> returns = new HashMap<>();
    for (int r = 0; r < tx.size(); r++) {
      String c = tx.customer().get(r);
      if (c == null) continue;
      int[] rc = returns.computeIfAbsent(c, k -> new int[2]);
      rc[0]++;
      if (tx.invoice().get(r).startsWith("C")) rc[1]++;
    }
    assertThat(last).hasSize(cf.size());
    for (int i = 0; i < cf.size(); i++) {
      String id = cf.ids()[i];
      double f = invoices.get(id).size();
      assertThat(cf.column("recency")[i]).isEqualTo(Math.floorDiv(snap - last.get(id), 86_400L));
      assertThat(cf.column("tenure")[i]).isEqualTo(Math.floorDiv(snap - first.get(id), 86_400L));
      assertThat(cf.column("frequency")[i]).isEqualTo(f);
      assertThat(cf.column("monetary")[i]).isCloseTo(money.get(id), within(1e-6));
      assertThat(cf.column("avg_order_value")[i]).isCloseTo(money.get(id) / f, within(1e-6));
      assertThat(cf.column("distinct_products")[i]).isEqualTo(products.get(id).size());
      assertThat(cf.column("avg_items_per_order")[i]).isCloseTo(qty.get(id) / f, within(1e-9));
      int[] rc = returns.get(id);
      assertThat(cf.column("return_rate")[i]).isCloseTo(rc[1] / (double) rc[0], within(1e-12));
    }
  }

  @Test
  void log1pAndStandardScalingGiveMeanZeroStdOne() {
    FeatureMatrix m = FeatureMatrixBuilder.build(cf, FeatureOptions.defaults());
    assertThat(m.rows()).isEqualTo(4_338);
    assertThat(m.dims()).isEqualTo(3);
    for (int f = 0; f < 3; f++) {
      double[] c = m.scaledColumn(f);
      assertThat(Stats.mean(c)).isCloseTo(0, within(1e-9));
      assertThat(Stats.std(c)).isCloseTo(1, within(1e-9));
    }
    // toRaw inverts prepare
    double[] back = m.toRaw(m.scaled()[5]);
    for (int f = 0; f < 3; f++) assertThat(back[f]).isCloseTo(m.raw()[5][f], within(1e-6));
  }

  @Test
  void otherScalings() {
    FeatureMatrix mm = FeatureMatrixBuilder.build(cf, FeatureOptions.of(RfmBuilder.RFM, Transform.NONE, Scaling.MINMAX));
    double[] c = mm.scaledColumn(1);
    assertThat(Arrays.stream(c).min().orElseThrow()).isEqualTo(0);
    assertThat(Arrays.stream(c).max().orElseThrow()).isCloseTo(1, within(1e-12));
    FeatureMatrix rb = FeatureMatrixBuilder.build(cf, FeatureOptions.of(RfmBuilder.RFM, Transform.CBRT, Scaling.ROBUST));
    double[] s = Stats.sorted(rb.scaledColumn(0));
    assertThat(Stats.quantile(s, 0.5)).isCloseTo(0, within(1e-12));
    assertThat(Stats.quantile(s, 0.75) - Stats.quantile(s, 0.25)).isCloseTo(1, within(1e-12));
  }

  @Test
  void rfmScoresAreQuintilesWithRecencyReversed() {
    RfmScores s = RfmScores.of(cf);
    int[] counts = new int[6];
    for (int v : s.f()) counts[v]++;
    for (int k = 1; k <= 5; k++) assertThat(counts[k]).isBetween(867, 868);
    // customer 12346 bought 325 days ago: lowest recency score
    assertThat(s.r()[0]).isEqualTo(1);
    assertThat(s.m()[0]).isEqualTo(5);
  }
}
