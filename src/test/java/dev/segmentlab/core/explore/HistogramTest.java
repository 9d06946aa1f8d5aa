package dev.segmentlab.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {
  @Test void linearBinsClipTheTail() {
    double[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000};
    Histogram h = Histogram.linear(v, 3, 0.9);
    // The 90th percentile of 11 values is the 10th order statistic, 9.
    assertThat(h.edges()).containsExactly(0.0, 3.0, 6.0, 9.0);
    assertThat(h.counts()).containsExactly(3, 3, 4);
    assertThat(h.above()).isEqualTo(1);
    assertThat(h.logarithmic()).isFalse();
  }

  @Test void logarithmicBinsAreEvenInLogSpace() {
    double[] v = {1, 5, 10, 50, 100, 0, -3};
    Histogram h = Histogram.logarithmic(v, 2);
    assertThat(h.edges()[0]).isEqualTo(1.0);
    assertThat(h.edges()[1]).isCloseTo(10.0, within(1e-9));
    assertThat(h.edges()[2]).isCloseTo(100.0, within(1e-9));
    assertThat(h.counts()).containsExactly(2, 3);
    assertThat(h.below()).isEqualTo(2);
  }

  @Test void constantSampleStillBins() {
    Histogram h = Histogram.linear(new double[] {4, 4, 4}, 5, 1.0);
    assertThat(h.counts()[0]).isEqualTo(3);
    Histogram g = Histogram.logarithmic(new double[] {7}, 5);
    assertThat(g.counts()[0]).isEqualTo(1);
  }

  @Test void summaryQuantilesInterpolate() {
    Summary s = Summary.of(new double[] {4, 1, 3, 2});
    assertThat(s.median()).isEqualTo(2.5);
    assertThat(s.q1()).isEqualTo(1.75);
    assertThat(s.q3()).isEqualTo(3.25);
    assertThat(s.mean()).isEqualTo(2.5);
    assertThat(Summary.of(new double[0]).count()).isZero();
  }

  @Test void recordsDoNotLeakTheirArrays() {
    Histogram h = Histogram.linear(new double[] {1, 2, 3}, 2, 1.0);
    h.counts()[0] = 99;
    assertThat(h.counts()[0]).isNotEqualTo(99);
  }
}
