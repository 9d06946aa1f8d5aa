package dev.segmentlab.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.model.GaussianMixtureModel;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** EM on a synthetic three-component mixture whose parameters are known. */
class GaussianMixtureTest {
  private static final double[] WEIGHTS = {0.5, 0.3, 0.2};
  private static final double[][] MEANS = {{0, 0}, {6, 1}, {2, 7}};
  /** Per component: sd x, sd y, correlation. */
  private static final double[][] SHAPES = {{1.0, 0.5, 0.6}, {0.7, 1.2, -0.4}, {1.5, 0.6, 0.0}};
  private static final int N = 6000;

  /** Draws N points; component c gets exactly WEIGHTS[c] × N, in component order. */
  static double[][] sample(long seed) {
    Random r = new Random(seed);
    double[][] x = new double[N][];
    int i = 0;
    for (int c = 0; c < 3; c++) {
      double sx = SHAPES[c][0], sy = SHAPES[c][1], rho = SHAPES[c][2];
      for (int q = 0; q < Math.round(WEIGHTS[c] * N); q++) {
        double z1 = r.nextGaussian(), z2 = r.nextGaussian();
        x[i++] = new double[] {MEANS[c][0] + sx * z1, MEANS[c][1] + sy * (rho * z1 + Math.sqrt(1 - rho * rho) * z2)};
      }
    }
    return x;
  }

  @Test
  void recoversWeightsMeansAndCovariances() {
    GaussianMixture.Result r = GaussianMixture.fit(sample(3), GaussianMixture.Options.of(3));
    GaussianMixtureModel m = GaussianMixtureModel.of(r.model());
    // BY_SIZE_DESC numbers the components as the true ones are numbered (0.5, 0.3, 0.2)
    for (int c = 0; c < 3; c++) {
      assertThat(m.weights()[c]).as("weight %d", c).isCloseTo(WEIGHTS[c], within(0.01));
      assertThat(m.centres()[c][0]).as("mean x %d", c).isCloseTo(MEANS[c][0], within(0.08));
      assertThat(m.centres()[c][1]).as("mean y %d", c).isCloseTo(MEANS[c][1], within(0.08));
      double sx = SHAPES[c][0], sy = SHAPES[c][1], rho = SHAPES[c][2];
      double[] cov = m.covariances()[c];
      assertThat(cov[0]).as("var x %d", c).isCloseTo(sx * sx, within(0.08 * sx * sx));
      assertThat(cov[3]).as("var y %d", c).isCloseTo(sy * sy, within(0.08 * sy * sy));
      assertThat(cov[1]).as("cov xy %d", c).isCloseTo(rho * sx * sy, within(0.05));
      assertThat(cov[2]).isEqualTo(cov[1]);
    }
    assertThat(r.converged()).isTrue();
    assertThat(r.degenerate()).isEmpty();
    // 2-D full covariance: 3 × 3 covariance values, 3 × 2 means, 2 free weights
    assertThat(m.parameters()).isEqualTo(17);
    assertThat(r.bic()).isCloseTo(-2 * r.meanLogLikelihood() * N + 17 * Math.log(N), within(1e-6));
    assertThat(r.aic()).isCloseTo(-2 * r.meanLogLikelihood() * N + 34, within(1e-6));
    assertThat(m.meanLogLikelihood(sample(3))).isCloseTo(r.meanLogLikelihood(), within(1e-3));
  }

  @Test
  void labelsAreTheMostProbableComponentAndProbabilitiesSumToOne() {
    double[][] x = sample(5);
    GaussianMixture.Result r = GaussianMixture.fit(x, GaussianMixture.Options.of(3));
    double[][] p = GaussianMixtureModel.of(r.model()).probabilities(x);
    int agree = 0;
    int[] labels = r.labels();
    for (int i = 0; i < x.length; i++) {
      double sum = 0;
      int best = 0;
      for (int c = 0; c < 3; c++) {
        sum += p[i][c];
        if (p[i][c] > p[i][best]) best = c;
      }
      assertThat(sum).isCloseTo(1, within(1e-9));
      assertThat(labels[i]).isEqualTo(best);
      int truth = i < 3000 ? 0 : i < 4800 ? 1 : 2;
      if (labels[i] == truth) agree++;
    }
    assertThat(agree).isGreaterThan((int) (0.97 * N));
    assertThat(GaussianMixtureModel.borderline(new double[] {0.5, 0.45, 0.05})).isTrue();
    assertThat(GaussianMixtureModel.borderline(new double[] {0.9, 0.05, 0.05})).isFalse();
  }

  @Test
  void diagonalCovarianceFindsTheVariances() {
    GaussianMixture.Result r = GaussianMixture.fit(sample(3),
        GaussianMixture.Options.of(3).withCovariance(GaussianMixture.Covariance.DIAGONAL));
    assertThat(r.model().parameters()).isEqualTo(3 * 2 + 3 * 2 + 2);
    for (int c = 0; c < 3; c++) {
      assertThat(r.model().variance(c, 0)).isCloseTo(SHAPES[c][0] * SHAPES[c][0], within(0.15));
      assertThat(r.model().means()[c][1]).isCloseTo(MEANS[c][1], within(0.1));
    }
  }

  @Test
  void aComponentOnOneValueIsDegenerateAndSitsAtTheFloor() {
    Random rnd = new Random(1);
    double[][] x = new double[600][];
    for (int i = 0; i < 600; i++) {
      // a third of the points share y = 0 exactly, as one-order customers share their log frequency
      x[i] = i < 200 ? new double[] {rnd.nextGaussian(), 0} : new double[] {rnd.nextGaussian() + 4, rnd.nextGaussian() + 5};
    }
    GaussianMixture.Result r = GaussianMixture.fit(x, GaussianMixture.Options.of(2).withCovarianceFloor(1e-4));
    assertThat(r.degenerate()).hasSize(1);
    GaussianMixture.Degenerate g = r.degenerate().get(0);
    assertThat(g.size()).isEqualTo(200);
    assertThat(g.features()).containsExactly(1);
    assertThat(r.model().variance(g.component(), 1)).isCloseTo(1e-4, within(1e-9));
  }

  @Test
  void sameSeedSameResultOnAnyThreads() {
    double[][] x = sample(9);
    GaussianMixture.Result one = GaussianMixture.fit(x, GaussianMixture.Options.of(3).withSeed(7));
    var pool = Executors.newFixedThreadPool(2);
    try {
      GaussianMixture.Result two = GaussianMixture.fit(Points.of(x), GaussianMixture.Options.of(3).withSeed(7),
          RunControl.on(pool));
      assertThat(two.labels()).isEqualTo(one.labels());
      assertThat(two.meanLogLikelihood()).isEqualTo(one.meanLogLikelihood());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> GaussianMixture.Options.of(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> GaussianMixture.Options.of(2).withCovarianceFloor(-1)).hasMessageContaining("floor");
    assertThatThrownBy(() -> GaussianMixture.Covariance.parse("spherical")).hasMessageContaining("full or diag");
  }
}
