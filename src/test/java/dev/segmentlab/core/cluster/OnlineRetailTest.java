package dev.segmentlab.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The k sweep on Online Retail's RFM (default cleaning, 4,338 customers), log1p then standard scaling, against
 * scikit-learn 1.2.1: {@code KMeans(n_clusters=k, n_init=10, random_state=42)} as in
 * {@code shared/bench/peer_pipeline.py}. The random draws differ, so WCSS may differ a little; 0.5% allowed.
 */
class OnlineRetailTest {
  private static final double[] SKLEARN_WCSS = {Double.NaN, 13014.0, 6488.03, 4879.13, 3962.71, 3330.92, 2875.39,
      2573.85, 2363.62, 2178.75, 2021.75};
  private static double[][] raw;
  private static KSweep.Result sweep;

  @BeforeAll
  static void sweep() {
    raw = Fixtures.onlineRetailRfm();
    sweep = KSweep.run(Fixtures.log1pStandardised(raw), KSweep.Options.defaults().withK(1, 10));
  }

  @Test
  void fixtureIsTheDefaultCleaning() {
    double frequency = 0;
    double monetary = 0;
    for (double[] r : raw) {
      frequency += r[1];
      monetary += r[2];
    }
    assertThat(raw).hasNumberOfRows(4338);
    assertThat(frequency).isEqualTo(18532);
    assertThat(monetary).isCloseTo(8_887_208.894, within(1e-3));
  }

  @Test
  void wcssWithinHalfAPercentOfScikitLearn() {
    for (int k = 1; k <= 10; k++) {
      assertThat(sweep.at(k).wcss()).as("k=%d", k).isCloseTo(SKLEARN_WCSS[k], Percentage.withPercentage(0.5));
    }
  }

  @Test
  void criteriaAtFourMatchScikitLearn() {
    KSweep.Point p = sweep.at(4);
    assertThat(p.silhouette()).isCloseTo(0.3367, within(0.01));
    assertThat(p.calinskiHarabasz()).isCloseTo(3299.81, Percentage.withPercentage(1));
    assertThat(p.daviesBouldin()).isCloseTo(1.0110, within(0.02));
    assertThat(p.silhouetteDetail().sampled()).isFalse();
    assertThat(p.silhouetteDetail().sampleSize()).isEqualTo(4338);
    assertThat(sweep.at(1).silhouette()).isNaN();
  }

  @Test
  void monetaryOrderingPutsTheBiggestSpendersFirst() {
    double[] monetary = new double[raw.length];
    for (int i = 0; i < raw.length; i++) monetary[i] = raw[i][2];
    KMeansResult r = KMeans.fit(Fixtures.log1pStandardised(raw),
        KMeans.Options.of(4).withOrdering(Ordering.byKeyDesc(monetary)));
    double[] mean = new double[4];
    for (int i = 0; i < raw.length; i++) mean[r.labels()[i]] += monetary[i] / r.sizes()[r.labels()[i]];
    assertThat(mean).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(r.wcss()).isCloseTo(sweep.at(4).wcss(), within(1e-9));
  }
}
