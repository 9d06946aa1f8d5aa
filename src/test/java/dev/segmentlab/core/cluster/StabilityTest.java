package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class StabilityTest {
  @Test
  void ariIsOneForIdenticalAndPermutedLabels() {
    int[] a = {0, 0, 1, 1, 2, 2, 2};
    assertThat(Stability.adjustedRandIndex(a, a)).isEqualTo(1.0);
    assertThat(Stability.adjustedRandIndex(a, new int[] {2, 2, 0, 0, 1, 1, 1})).isEqualTo(1.0);
  }

  @Test
  void ariByHandOnASmallContingencyTable() {
    // Contingency of a = 000111 against b = 001122: rows (2 1 0) and (0 1 2).
    // Pairs within cells: C(2,2) + C(2,2) = 2. Row pairs: 2 * C(3,2) = 6. Column pairs: 3 * C(2,2) = 3.
    // Expected = 6 * 3 / C(6,2) = 1.2; maximum = (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2) = 0.2424...
    // (scikit-learn's adjusted_rand_score gives 0.24242424242424243.)
    int[] a = {0, 0, 0, 1, 1, 1};
    int[] b = {0, 0, 1, 1, 2, 2};
    assertThat(Stability.adjustedRandIndex(a, b)).isCloseTo(0.8 / 3.3, within(1e-15));
    // Best matches: {0,1,2} with {0,1} (2 / 3), {3,4,5} with {4,5} (2 / 3).
    assertThat(Stability.jaccardPerCluster(a, b)).containsExactly(new double[] {2.0 / 3, 2.0 / 3}, within(1e-15));
  }

  @Test
  void wellSeparatedBlobsAreStable() {
    Points x = Points.of(Fixtures.threeBlobs());
    int[] ref = KMeans.fit(x, KMeans.Options.of(3)).labels();
    Stability.Result r = Stability.run(x, 3, ref, Stability.Options.defaults(), RunControl.none());
    assertThat(r.meanAri()).isGreaterThan(0.99);
    for (double j : r.meanJaccard()) assertThat(j).isGreaterThan(0.99);
    assertThat(r.unstable()).containsOnly(false);
  }

  @Test
  void uniformNoiseIsClearlyLessStableAndResultIgnoresTheExecutor() {
    Points x = Points.of(Fixtures.uniform(600, 2, 4));
    int[] ref = KMeans.fit(x, KMeans.Options.of(6)).labels();
    Stability.Options o = Stability.Options.defaults();
    Stability.Result r = Stability.run(x, 6, ref, o, RunControl.none());
    assertThat(r.meanAri()).isLessThan(0.85);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      assertThat(Stability.run(x, 6, ref, o, RunControl.on(pool))).isEqualTo(r);
    } finally {
      pool.shutdownNow();
    }
  }
}
