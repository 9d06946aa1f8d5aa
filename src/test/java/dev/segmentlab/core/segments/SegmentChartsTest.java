package dev.segmentlab.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SegmentChartsTest {
  private static final double EPS = 1e-12;

  @Test
  void snakeIsTheMeanOfTheScaledFeaturesPerSegment() {
    double[][] raw = SegmentProfilerTest.RAW;
    double[][] scaled = new double[6][3];
    for (int i = 0; i < 6; i++) for (int j = 0; j < 3; j++) scaled[i][j] = raw[i][j] / 100;
    SegmentInput in = new SegmentInput(SegmentInput.Mode.TRANSACTIONS, Fixtures.ids(6), SegmentProfilerTest.LABELS,
        2, new String[] {"recency", "frequency", "monetary"}, raw, scaled, new double[2][3], null, null);

    SegmentCharts.SegmentMatrix snake = SegmentCharts.snake(in);
    assertThat(snake.get(0, 0)).isCloseTo(0.20, within(EPS));
    assertThat(snake.get(0, 1)).isCloseTo(0.05, within(EPS));
    assertThat(snake.get(1, 2)).isCloseTo(1.0 / 3, within(EPS));
  }

  @Test
  void heatmapIsSegmentMeanOverOverallMeanMinusOne() {
    SegmentCharts.SegmentMatrix h = SegmentCharts.relativeImportance(SegmentProfilerTest.input());
    assertThat(h.get(0, 0)).isCloseTo(20.0 / 135 - 1, within(EPS));
    assertThat(h.get(1, 0)).isCloseTo(250.0 / 135 - 1, within(EPS));
    assertThat(h.get(0, 1)).isCloseTo(5 / (19.0 / 6) - 1, within(EPS));
    assertThat(h.get(0, 2)).isCloseTo(400 / (1300.0 / 6) - 1, within(EPS));
  }

  @Test
  void heatmapIsNaNWhereTheOverallMeanIsZero() {
    double[][] raw = {{-1, 1}, {1, 2}, {-2, 3}, {2, 4}};
    int[] labels = {0, 0, 1, 1};
    double[][] z = Fixtures.standardize(raw);
    SegmentInput in = SegmentInput.forCustomerTable(Fixtures.ids(4), labels, 2, new String[] {"balance", "x"}, raw,
        z, Fixtures.centroids(z, labels, 2));
    SegmentCharts.SegmentMatrix h = SegmentCharts.relativeImportance(in);
    assertThat(h.get(0, 0)).isNaN();
    assertThat(h.get(1, 0)).isNaN();
    assertThat(h.get(0, 1)).isCloseTo(1.5 / 2.5 - 1, within(EPS));
  }

  @Test
  void boxStatsFollowTukey() {
    SegmentCharts.BoxStats b = SegmentCharts.box(0, 0, new double[] {100, 3, 1, 4, 2});
    assertThat(b.count()).isEqualTo(5);
    assertThat(b.min()).isEqualTo(1);
    assertThat(b.q1()).isEqualTo(2);
    assertThat(b.median()).isEqualTo(3);
    assertThat(b.q3()).isEqualTo(4);
    assertThat(b.max()).isEqualTo(100);
    // fences at 2 - 3 = -1 and 4 + 3 = 7: 100 is the only outlier
    assertThat(b.lowerWhisker()).isEqualTo(1);
    assertThat(b.upperWhisker()).isEqualTo(4);
    assertThat(b.outliers()).isEqualTo(1);
  }

  @Test
  void boxQuartilesInterpolateLikeRType7() {
    // n = 4: Q1 at position 0.75 -> 10 + 0.75 * 10
    SegmentCharts.BoxStats b = SegmentCharts.box(0, 0, new double[] {10, 20, 30, 40});
    assertThat(b.q1()).isCloseTo(17.5, within(EPS));
    assertThat(b.median()).isCloseTo(25, within(EPS));
    assertThat(b.q3()).isCloseTo(32.5, within(EPS));
    assertThat(b.outliers()).isZero();
  }

  @Test
  void boxPlotsAreGroupedByFeatureThenSegment() {
    SegmentCharts.BoxPlots boxes = SegmentCharts.boxPlots(SegmentProfilerTest.input());
    SegmentCharts.BoxStats monetary1 = boxes.get(2, 1);
    assertThat(monetary1.segment()).isEqualTo(1);
    assertThat(monetary1.feature()).isEqualTo(2);
    assertThat(monetary1.median()).isEqualTo(30);
    assertThat(monetary1.min()).isEqualTo(20);
    assertThat(monetary1.max()).isEqualTo(50);
  }

  @Test
  void emptySegmentHasNaNBox() {
    assertThat(SegmentCharts.box(3, 0, new double[0]).median()).isNaN();
  }
}
