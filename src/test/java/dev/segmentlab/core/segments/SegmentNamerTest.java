package dev.segmentlab.core.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentNamerTest {

  /**
   * Five groups whose position in each feature is obvious: sizes 20/15/15/20/30, so every group owns a block of
   * the customer distribution and its mean sits in the middle of that block.
   */
  static SegmentInput fiveObviousGroups() {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    // label, count, recency days, orders, spend, and the spread of each
    Fixtures.group(rows, labels, 0, 20, 5, 24, 6000, 0.1, 0.1, 10);   // recent, frequent, big spenders
    Fixtures.group(rows, labels, 1, 15, 350, 1, 50, 1, 0, 1);         // one small order a year ago
    Fixtures.group(rows, labels, 2, 15, 8, 1, 70, 0.1, 0, 0.5);       // one small order last week
    Fixtures.group(rows, labels, 3, 20, 300, 18, 4500, 1, 0.1, 10);   // used to be big, gone for months
    Fixtures.group(rows, labels, 4, 30, 120, 4, 800, 1, 0.05, 5);     // middling on everything
    return Fixtures.rfm(rows.toArray(new double[0][]), Fixtures.toArray(labels), 5, null);
  }

  @Test
  void obviousGroupsGetTheObviousScores() {
    List<RfmScore> scores = SegmentNamer.rfmScores(fiveObviousGroups());
    assertThat(scores).containsExactly(
        new RfmScore(5, 5, 5), new RfmScore(1, 1, 1), new RfmScore(4, 1, 2), new RfmScore(2, 4, 4),
        new RfmScore(3, 3, 3));
  }

  @Test
  void obviousGroupsGetTheObviousNames() {
    List<SegmentName> names = SegmentNamer.suggest(fiveObviousGroups());
    assertThat(names).extracting(SegmentName::name).containsExactly(
        "Champions", "Lost", "New Customers", "Can't Lose Them", "Loyal Customers");
    assertThat(names.get(0).action()).isNotBlank();
    assertThat(names.get(0).description()).isNotBlank();
    assertThat(names.get(3).score()).isEqualTo(new RfmScore(2, 4, 4));
  }

  @Test
  void ruleTableFollowsTheDocumentedExamples() {
    assertThat(RfmSegment.of(new RfmScore(4, 4, 4))).isEqualTo(RfmSegment.CHAMPIONS);
    assertThat(RfmSegment.of(new RfmScore(2, 5, 4))).isEqualTo(RfmSegment.CANT_LOSE_THEM);
    assertThat(RfmSegment.of(new RfmScore(1, 4, 5))).isEqualTo(RfmSegment.CANT_LOSE_THEM);
    assertThat(RfmSegment.of(new RfmScore(2, 3, 1))).isEqualTo(RfmSegment.AT_RISK);
    assertThat(RfmSegment.of(new RfmScore(1, 5, 2))).isEqualTo(RfmSegment.AT_RISK);
    assertThat(RfmSegment.of(new RfmScore(5, 1, 5))).isEqualTo(RfmSegment.NEW_CUSTOMERS);
    assertThat(RfmSegment.of(new RfmScore(1, 1, 3))).isEqualTo(RfmSegment.LOST);
    assertThat(RfmSegment.of(new RfmScore(1, 2, 1))).isEqualTo(RfmSegment.HIBERNATING);
    assertThat(RfmSegment.of(new RfmScore(2, 2, 2))).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
    assertThat(RfmSegment.of(new RfmScore(3, 2, 2))).isEqualTo(RfmSegment.NEED_ATTENTION);
    assertThat(RfmSegment.of(new RfmScore(3, 1, 1))).isEqualTo(RfmSegment.PROMISING);
    assertThat(RfmSegment.of(new RfmScore(5, 3, 2))).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
    assertThat(RfmSegment.of(new RfmScore(3, 4, 3))).isEqualTo(RfmSegment.LOYAL_CUSTOMERS);
  }

  @Test
  void everyScorePatternGetsANameAndEveryNameIsReachable() {
    List<RfmSegment> seen = new ArrayList<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          RfmSegment s = RfmSegment.of(new RfmScore(r, f, m));
          assertThat(s).isNotNull();
          if (!seen.contains(s)) seen.add(s);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(RfmSegment.values());
  }

  @Test
  void twoSegmentsWithTheSameNameAreToldApartByValue() {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    Fixtures.group(rows, labels, 0, 30, 10, 20, 3000, 0.1, 0.1, 1);
    Fixtures.group(rows, labels, 1, 30, 250, 8, 3000, 1, 0.01, 1);   // at risk, big spenders
    Fixtures.group(rows, labels, 2, 30, 240, 8.2, 200, 1, 0.01, 1);  // at risk, small spenders
    Fixtures.group(rows, labels, 3, 90, 100, 1, 100, 1, 0, 1);  // many one-off buyers, as in real data
    SegmentInput in = Fixtures.rfm(rows.toArray(new double[0][]), Fixtures.toArray(labels), 4, null);

    List<SegmentName> names = SegmentNamer.suggest(in);
    assertThat(names.get(1).baseName()).isEqualTo("At Risk");
    assertThat(names.get(2).baseName()).isEqualTo("At Risk");
    assertThat(names.get(1).name()).isEqualTo("At Risk (high value)");
    assertThat(names.get(2).name()).isEqualTo("At Risk (low value)");
    assertThat(names).extracting(SegmentName::name).doesNotHaveDuplicates();
  }

  @Test
  void pairQualifierPrefersValueWhenScoresDifferEquallyInValueAndFrequency() {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    // 0 and 1 are both recent, frequent big spenders; 1 is one step lower in both F and M
    Fixtures.group(rows, labels, 0, 20, 5, 30, 9000, 0.1, 0.1, 10);
    Fixtures.group(rows, labels, 1, 20, 6, 12, 3000, 0.1, 0.1, 10);
    Fixtures.group(rows, labels, 2, 60, 200, 2, 200, 1, 0.01, 1);
    SegmentInput in = Fixtures.rfm(rows.toArray(new double[0][]), Fixtures.toArray(labels), 3, null);
    List<RfmScore> scores = SegmentNamer.rfmScores(in);
    assertThat(scores.get(0)).isEqualTo(new RfmScore(5, 5, 5));
    assertThat(scores.get(1)).isEqualTo(new RfmScore(4, 4, 4));
    assertThat(SegmentNamer.suggest(in)).extracting(SegmentName::name)
        .startsWith("Champions (high value)", "Champions (low value)");
  }

  @Test
  void threeOrMoreDuplicatesAreNumberedByValue() {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    // three identical-looking lapsed groups that differ only a little in spend
    Fixtures.group(rows, labels, 0, 10, 300, 1, 40, 1, 0, 1);
    Fixtures.group(rows, labels, 1, 10, 300, 1, 42, 1, 0, 1);
    Fixtures.group(rows, labels, 2, 10, 300, 1, 41, 1, 0, 1);
    Fixtures.group(rows, labels, 3, 70, 10, 10, 900, 1, 0.1, 1);
    SegmentInput in = Fixtures.rfm(rows.toArray(new double[0][]), Fixtures.toArray(labels), 4, null);
    List<SegmentName> names = SegmentNamer.suggest(in);
    assertThat(names.subList(0, 3)).extracting(SegmentName::name)
        .containsExactly("Lost 3", "Lost 1", "Lost 2");
  }

  @Test
  void emptySegmentIsCalledEmpty() {
    double[][] raw = SegmentProfilerTest.RAW;
    SegmentInput in = Fixtures.rfm(raw, SegmentProfilerTest.LABELS, 3, null);
    assertThat(SegmentNamer.suggest(in).get(2).name()).isEqualTo("Empty");
    assertThat(SegmentNamer.rfmScores(in).get(2)).isNull();
  }

  @Test
  void mallCustomersHighIncomeLowSpendingGroup() {
    double[][] raw = Fixtures.mallCustomers();
    assertThat(raw).hasNumberOfRows(200);
    int[] labels = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      double income = raw[i][1], spending = raw[i][2];
      labels[i] = income >= 70 && spending <= 40 ? 0
          : income >= 70 && spending >= 60 ? 1
          : income <= 40 && spending <= 40 ? 2
          : income <= 40 && spending >= 60 ? 3 : 4;
    }
    double[][] z = Fixtures.standardize(raw);
    SegmentInput in = SegmentInput.forCustomerTable(Fixtures.ids(raw.length), labels, 5,
        new String[] {"Age", "Annual Income (k$)", "Spending Score (1-100)"}, raw, z, Fixtures.centroids(z, labels, 5));

    List<SegmentName> names = SegmentNamer.suggest(in);
    assertThat(names.get(0).name()).isEqualTo("High income · Low spending");
    assertThat(names.get(1).name()).isEqualTo("High income · High spending");
    assertThat(names.get(2).name()).isEqualTo("Low income · Low spending");
    assertThat(names.get(3).name()).isEqualTo("Low income · High spending");
    assertThat(names.get(4).name()).isEqualTo("Average");
    assertThat(names.get(0).score()).isNull();
    assertThat(names.get(0).description()).contains("Annual Income (k$) +");
  }

  @Test
  void ageReadsAsYoungOrOlderAndStrongestFeaturesWin() {
    double[][] raw = {{20, 50, 1}, {22, 50, 2}, {60, 50, 1}, {62, 50, 2}};
    int[] labels = {0, 0, 1, 1};
    double[][] z = Fixtures.standardize(raw);
    SegmentInput in = SegmentInput.forCustomerTable(Fixtures.ids(4), labels, 2,
        new String[] {"Age", "Annual Income (k$)", "visits"}, raw, z, Fixtures.centroids(z, labels, 2));
    assertThat(SegmentNamer.suggest(in)).extracting(SegmentName::name).containsExactly("Young", "Older");
  }

  @Test
  void maxFeaturesKeepsTheStrongestInColumnOrder() {
    // segment 0 is far below on b, a bit above on a, slightly below on c
    double[][] raw = {{1.2, -3, -0.7}, {-1.2, 3, 0.7}};
    int[] labels = {0, 1};
    SegmentInput in = SegmentInput.forCustomerTable(Fixtures.ids(2), labels, 2,
        new String[] {"tenure_months", "totalSpend", "basket"}, raw, raw, raw);
    assertThat(SegmentNamer.suggest(in, new SegmentNamer.Options(0.5, 2)).get(0).name())
        .isEqualTo("High tenure months · Low spending");
    assertThat(SegmentNamer.suggest(in, new SegmentNamer.Options(0.5, 1)).get(0).name())
        .isEqualTo("Low spending");
    assertThat(SegmentNamer.suggest(in, new SegmentNamer.Options(0.5, 3)).get(0).name())
        .isEqualTo("High tenure months · Low spending · Low basket");
  }

  @Test
  void featureWordsCleanHeaders() {
    assertThat(FeatureWords.clean("Annual Income (k$)")).isEqualTo("income");
    assertThat(FeatureWords.clean("Spending Score (1-100)")).isEqualTo("spending");
    assertThat(FeatureWords.clean("Age")).isEqualTo("age");
    assertThat(FeatureWords.clean("avg_order_value")).isEqualTo("avg order value");
    assertThat(FeatureWords.clean("Score")).isEqualTo("score");
    assertThat(FeatureWords.clean("(x)")).isEqualTo("(x)");
    assertThat(FeatureWords.clean("Usage")).isEqualTo("usage");
  }
}
