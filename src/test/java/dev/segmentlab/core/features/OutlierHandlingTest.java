package dev.segmentlab.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleanedFields;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.OutlierDetector;
import dev.segmentlab.core.quality.OutlierRule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutlierHandlingTest {
  static CleanedData cleaned;
  static CustomerFeatures rfm;

  @BeforeAll
  static void load() {
    cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
    rfm = RfmBuilder.build(cleaned, null);
  }

  @Test
  void capWinsorisesEachClusteredFeatureAtItsPercentilesAndCountsTheCustomers() {
    OutlierHandling.Outcome cap = OutlierHandling.apply(rfm, OutlierHandling.Choice.of(OutlierHandling.Kind.CAP,
        null, null), RfmBuilder.RFM, 0);
    // 1 % of 4,338 customers is 43.4: 44 above the 99th percentile of monetary, 43 below the 1st
    assertThat(cap.touched()).extracting(OutlierHandling.Touched::feature, OutlierHandling.Touched::below,
        OutlierHandling.Touched::above).containsExactly(
            org.assertj.core.groups.Tuple.tuple("recency", 35, 44),
            org.assertj.core.groups.Tuple.tuple("frequency", 0, 42),
            org.assertj.core.groups.Tuple.tuple("monetary", 43, 44));
    assertThat(cap.customers()).isEqualTo(174);
    assertThat(cap.features().size()).isEqualTo(4_338);
    double[] m = cap.features().column("monetary");
    assertThat(Arrays.stream(m).max().getAsDouble()).isEqualTo(cap.touched().get(2).upper());
    assertThat(cap.touched().get(2).upper()).isCloseTo(19_780.49, org.assertj.core.api.Assertions.within(0.01));
    assertThat(cap.text()).startsWith("174 customers capped at the 1st/99th percentile (recency: 44 above 368.63");
    // a feature that is not clustered is left alone
    assertThat(cap.features().column("tenure")).isSameAs(rfm.column("tenure"));
  }

  @Test
  void excludeLeavesOutTheCustomersOutsideTheRuleOnAnyClusteredFeature() {
    OutlierHandling.Outcome ex = OutlierHandling.apply(rfm, OutlierHandling.Choice.of(OutlierHandling.Kind.EXCLUDE,
        OutlierRule.iqr(3), null), RfmBuilder.RFM, 0);
    assertThat(ex.customers()).isEqualTo(250);
    assertThat(ex.features().size()).isEqualTo(4_338 - 250);
    assertThat(ex.touched()).extracting(OutlierHandling.Touched::above).containsExactly(0, 133, 222);
    assertThat(ex.text()).isEqualTo("250 customers outside IQR × 3.0 left out of clustering "
        + "(frequency: 133 above 17.00; monetary: 222 above 5,722.94).");
    assertThat(Arrays.stream(ex.features().column("monetary")).max().getAsDouble()).isLessThanOrEqualTo(5_722.9425);
    assertThat(ex.features().ids()).doesNotContain("14646").contains("12347");
    // monetary alone: only the 222
    assertThat(OutlierHandling.apply(rfm, OutlierHandling.Choice.of(OutlierHandling.Kind.EXCLUDE, OutlierRule.iqr(3),
        null), List.of("monetary"), 0).customers()).isEqualTo(222);
  }

  @Test
  void removeDropsTheOutlyingRowsOfTheFieldBeforeTheCustomersAreBuilt() {
    CleanedFields.Trimmed t = OutlierHandling.rows(cleaned, OutlierHandling.Choice.of(
        OutlierHandling.Kind.REMOVE_ROWS, OutlierRule.iqr(3), CleanedFields.REVENUE));
    assertThat(t.removed()).isEqualTo(20_852);
    assertThat(t.cleaned().size()).isEqualTo(392_692 - 20_852);
    assertThat(t.upper()).isCloseTo(64.35, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(RfmBuilder.build(t.cleaned(), null).size()).isEqualTo(4_221);
    OutlierHandling.Outcome o = OutlierHandling.apply(rfm, OutlierHandling.Choice.of(OutlierHandling.Kind.REMOVE_ROWS,
        OutlierRule.iqr(3), CleanedFields.REVENUE), RfmBuilder.RFM, t.removed());
    assertThat(o.text()).isEqualTo("20,852 transaction rows with Revenue outside IQR × 3.0 removed before the "
        + "customer features were built.");
  }

  @Test
  void keepChangesNothingAndEqualChoicesAreEqual() {
    OutlierHandling.Outcome k = OutlierHandling.apply(rfm, OutlierHandling.Choice.KEEP, RfmBuilder.RFM, 0);
    assertThat(k.features()).isSameAs(rfm);
    assertThat(k.text()).isEmpty();
    assertThat(OutlierHandling.Choice.of(OutlierHandling.Kind.CAP, OutlierRule.iqr(3), "Quantity"))
        .isEqualTo(OutlierHandling.Choice.of(OutlierHandling.Kind.CAP, OutlierRule.iqr(1.5), null));
    assertThat(OutlierHandling.Choice.of(OutlierHandling.Kind.KEEP, OutlierRule.iqr(3), "x"))
        .isSameAs(OutlierHandling.Choice.KEEP);
  }

  @Test
  void theQualityStepsOutliersAreThoseOfTheCleanedRows() {
    // cancellations dropped: no negative quantity is left, so nothing lies below the lower fence
    var rep = OutlierDetector.detect("Quantity", CleanedFields.values(cleaned, CleanedFields.QUANTITY),
        OutlierRule.iqr(1.5), 0);
    assertThat(rep.n()).isEqualTo(392_692);
    assertThat(rep.lower()).isEqualTo(-13.0);
    assertThat(rep.upper()).isEqualTo(27.0);
    assertThat(rep.count()).isEqualTo(25_616);
  }
}
