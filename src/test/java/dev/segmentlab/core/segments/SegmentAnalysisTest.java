package dev.segmentlab.core.segments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentAnalysisTest {
  @Test
  void bundlesEveryViewOfTheRun() {
    SegmentAnalysis a = SegmentAnalysis.of(SegmentNamerTest.fiveObviousGroups());
    assertThat(a.profiles().segments()).hasSize(5);
    assertThat(a.snake().values()).hasSize(5);
    assertThat(a.relativeImportance().values()).hasSize(5);
    assertThat(a.boxPlots().byFeature()).hasSize(3);
    assertThat(a.suggestedNames()).startsWith("Champions", "Lost");
    assertThat(a.rfmScores()).hasSize(5);

    NameCarrier carrier = NameCarrier.create().apply(SegmentNamerTest.fiveObviousGroups().centroids(),
        a.suggestedNames());
    assertThat(carrier.labels().get(0).name()).isEqualTo("Champions");
  }

  @Test
  void customerTableRunHasNoScores() {
    double[][] raw = SegmentProfilerTest.RAW;
    double[][] z = Fixtures.standardize(raw);
    SegmentInput in = SegmentInput.forCustomerTable(Fixtures.ids(6), SegmentProfilerTest.LABELS, 2,
        new String[] {"recency", "frequency", "monetary"}, raw, z,
        Fixtures.centroids(z, SegmentProfilerTest.LABELS, 2));
    SegmentAnalysis a = SegmentAnalysis.of(in);
    assertThat(a.rfmScores()).isEmpty();
    assertThat(a.names().get(0).name()).isEqualTo("Recent · High spending");
  }
}
