package dev.segmentlab.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProjectionTest {
  @Test
  void pointsOnALineHaveAllVarianceOnTheFirstComponent() {
    // y = 2x: the first loading is (1, 2) / sqrt(5); scores are sqrt(5) * (x - mean x).
    double[][] x = {{0, 0}, {1, 2}, {2, 4}, {3, 6}};
    Projection p = Projection.pca(Points.of(x));
    assertThat(p.explainedVarianceRatio()[0]).isCloseTo(1.0, within(1e-12));
    assertThat(p.explainedVarianceRatio()[1]).isCloseTo(0.0, within(1e-12));
    assertThat(p.loadings()[0]).containsExactly(new double[] {1 / Math.sqrt(5), 2 / Math.sqrt(5)}, within(1e-12));
    assertThat(p.points()[0][0]).isCloseTo(-1.5 * Math.sqrt(5), within(1e-12));
    assertThat(p.points()[3][1]).isCloseTo(0, within(1e-12));
  }

  @Test
  void ratiosFollowTheVariances() {
    // Independent axes with variances 9, 4 and 1 (population): ratios 9/14 and 4/14, loadings the unit axes.
    double[][] x = {{3, 2, 1}, {-3, 2, 1}, {3, -2, 1}, {-3, -2, 1}, {3, 2, -1}, {-3, 2, -1}, {3, -2, -1},
        {-3, -2, -1}};
    Projection p = Projection.pca(Points.of(x));
    assertThat(p.explainedVarianceRatio()).containsExactly(new double[] {9.0 / 14, 4.0 / 14}, within(1e-12));
    assertThat(p.loadings()[0]).containsExactly(new double[] {1, 0, 0}, within(1e-12));
    assertThat(p.loadings()[1]).containsExactly(new double[] {0, 1, 0}, within(1e-12));
    assertThat(p.points()[1]).containsExactly(new double[] {-3, 2}, within(1e-12));
  }
}
