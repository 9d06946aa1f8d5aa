package dev.segmentlab.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SegmentProfilerTest {
  private static final double EPS = 1e-12;

  // recency (days), frequency (orders), monetary (currency); two segments of three customers
  static final double[][] RAW = {
      {10, 5, 500}, {20, 4, 300}, {30, 6, 400},
      {200, 1, 50}, {300, 1, 30}, {250, 2, 20}};
  static final int[] LABELS = {0, 0, 0, 1, 1, 1};
  static final String[] COUNTRIES = {"UK", "UK", "France", "Germany", "Germany", "UK"};

  static SegmentInput input() {
    return Fixtures.rfm(RAW, LABELS, 2, COUNTRIES);
  }

  @Test
  void segmentRowsMatchHandComputedFigures() {
    SegmentProfiles p = SegmentProfiler.profile(input());

    SegmentProfile s0 = p.segment(0);
    assertThat(s0.size()).isEqualTo(3);
    assertThat(s0.customerShare()).isCloseTo(0.5, within(EPS));
    assertThat(s0.revenue()).isCloseTo(1200, within(EPS));
    assertThat(s0.revenueShare()).isCloseTo(1200.0 / 1300, within(EPS));
    assertThat(s0.means()).containsExactly(20.0, 5.0, 400.0);
    assertThat(s0.medians()).containsExactly(20.0, 5.0, 400.0);
    assertThat(s0.topCountry()).isEqualTo("UK");
    assertThat(s0.topCountryShare()).isCloseTo(2.0 / 3, within(EPS));

    SegmentProfile s1 = p.segment(1);
    assertThat(s1.revenue()).isCloseTo(100, within(EPS));
    assertThat(s1.revenueShare()).isCloseTo(100.0 / 1300, within(EPS));
    assertThat(s1.means().get(0)).isCloseTo(250, within(EPS));
    assertThat(s1.means().get(1)).isCloseTo(4.0 / 3, within(EPS));
    assertThat(s1.means().get(2)).isCloseTo(100.0 / 3, within(EPS));
    assertThat(s1.medians()).containsExactly(250.0, 1.0, 30.0);
    assertThat(s1.topCountry()).isEqualTo("Germany");
  }

  @Test
  void overallRowCoversEveryCustomer() {
    SegmentProfile all = SegmentProfiler.profile(input()).overall();
    assertThat(all.isOverall()).isTrue();
    assertThat(all.size()).isEqualTo(6);
    assertThat(all.customerShare()).isEqualTo(1.0);
    assertThat(all.revenue()).isCloseTo(1300, within(EPS));
    assertThat(all.revenueShare()).isCloseTo(1.0, within(EPS));
    assertThat(all.means().get(0)).isCloseTo(135, within(EPS));
    assertThat(all.means().get(1)).isCloseTo(19.0 / 6, within(EPS));
    // even count: median halfway between the middle two (30 and 200; 2 and 4; 50 and 300)
    assertThat(all.medians()).containsExactly(115.0, 3.0, 175.0);
    assertThat(all.topCountry()).isEqualTo("UK");
    assertThat(all.topCountryShare()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void customerTableModeHasNoRevenueNorCountry() {
    double[][] z = Fixtures.standardize(RAW);
    SegmentInput in = SegmentInput.forCustomerTable(Fixtures.ids(6), LABELS, 3, new String[] {"a", "b", "c"}, RAW,
        z, Fixtures.centroids(z, LABELS, 3));
    SegmentProfiles p = SegmentProfiler.profile(in);
    assertThat(p.segment(0).revenue()).isNaN();
    assertThat(p.segment(0).revenueShare()).isNaN();
    assertThat(p.segment(0).topCountry()).isNull();
    // segment 2 exists (k = 3) but nobody is in it
    assertThat(p.segment(2).size()).isZero();
    assertThat(p.segment(2).means()).allMatch(v -> v.isNaN());
  }

  @Test
  void countryTiesBreakAlphabetically() {
    String[] countries = {"Spain", "France", null, "Germany", "Germany", "UK"};
    SegmentProfile s0 = SegmentProfiler.profile(Fixtures.rfm(RAW, LABELS, 2, countries)).segment(0);
    assertThat(s0.topCountry()).isEqualTo("France");
    assertThat(s0.topCountryShare()).isCloseTo(1.0 / 3, within(EPS));
  }

  @Test
  void inputRejectsLabelsOutsideK() {
    double[][] z = Fixtures.standardize(RAW);
    assertThatThrownBy(() -> SegmentInput.forTransactions(Fixtures.ids(6), new int[] {0, 0, 0, 1, 1, 2}, 2,
        new String[] {"recency", "frequency", "monetary"}, RAW, z, new double[2][3], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> SegmentInput.forCustomerTable(Fixtures.ids(6), LABELS, 2, new String[] {"a"}, RAW, z,
        new double[2][3])).isInstanceOf(IllegalArgumentException.class);
  }
}
