package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CriteriaTest {
  /** Two tight triangles far apart. */
  private static final Points SIX = Points.of(new double[][] {{0, 0}, {1, 0}, {0, 1}, {5, 5}, {6, 5}, {5, 7}});
  private static final int[] TWO = {0, 0, 0, 1, 1, 1};
  private static final int[] THREE = {0, 0, 0, 1, 1, 2}; // (5,7) alone: its silhouette is 0 by convention

  @Test
  void wcssByHand() {
    // Means (1/3, 1/3) and (16/3, 17/3). Squared distances: 2/9 + 5/9 + 5/9 = 4/3 and 5/9 + 8/9 + 17/9 = 10/3.
    assertThat(Criteria.wcss(SIX, TWO)).isCloseTo(14.0 / 3, within(1e-12));
  }

  @Test
  void calinskiHarabaszByHand() {
    // Overall mean (17/6, 3). Both means are (2.5, 8/3) away from it: 6.25 + 64/9 = 13.3611 each, times 3 points,
    // so B = 80.1667; W = 14/3 (above). CH = [B / (k-1)] / [W / (n-k)] = 80.1667 / (14/3 / 4) = 68.714285...
    assertThat(Criteria.calinskiHarabasz(SIX, TWO)).isCloseTo(68.71428571428571, within(1e-9));
    // scikit-learn 1.2.1, calinski_harabasz_score
    assertThat(Criteria.calinskiHarabasz(SIX, THREE)).isCloseTo(67.9090909090909, within(1e-9));
  }

  @Test
  void daviesBouldinAsScikitLearn() {
    // scikit-learn 1.2.1, davies_bouldin_score
    assertThat(Criteria.daviesBouldin(SIX, TWO)).isCloseTo(0.22910432327617575, within(1e-12));
    assertThat(Criteria.daviesBouldin(SIX, THREE)).isCloseTo(0.21694301472228128, within(1e-12));
  }

  @Test
  void silhouetteAsScikitLearnWithPerPointValues() {
    // scikit-learn 1.2.1, silhouette_score and silhouette_samples
    Silhouette.Result two = Silhouette.compute(SIX, TWO);
    assertThat(two.mean()).isCloseTo(0.8048918895105276, within(1e-12));
    assertThat(two.values()).containsExactly(new double[] {0.8722515058110002, 0.8318515643203309,
        0.8309727498079399, 0.7736112896184123, 0.7802820171920245, 0.7403822103134579}, within(1e-12));
    assertThat(two.rows()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(two.sampled()).isFalse();
    Silhouette.Result three = Silhouette.compute(SIX, THREE);
    assertThat(three.mean()).isCloseTo(0.5936477236879226, within(1e-12));
    assertThat(three.values()).containsExactly(new double[] {0.8656032974470583, 0.8208268404116433,
        0.8226697997687924, 0.5, 0.5527864045000421, 0.0}, within(1e-12));
  }

  @Test
  void silhouetteOfPointZeroByHand() {
    // (0,0): a = (1 + 1) / 2 = 1; b = mean distance to (5,5), (6,5), (5,7) = (7.0711 + 7.8102 + 8.6023) / 3
    double b = (Math.sqrt(50) + Math.sqrt(61) + Math.sqrt(74)) / 3;
    assertThat(Silhouette.compute(SIX, TWO).values()[0]).isCloseTo((b - 1) / b, within(1e-12));
  }

  @Test
  void singleClusterGivesNaN() {
    int[] one = new int[6];
    assertThat(Criteria.calinskiHarabasz(SIX, one)).isNaN();
    assertThat(Criteria.daviesBouldin(SIX, one)).isNaN();
    assertThat(Silhouette.compute(SIX, one).mean()).isNaN();
  }

  @Test
  void silhouetteIsIdenticalWithAnExecutor() {
    Points x = Points.of(Fixtures.uniform(1000, 3, 9));
    int[] labels = KMeans.fit(x, KMeans.Options.of(5)).labels();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Silhouette.Result alone = Silhouette.compute(x, labels);
      Silhouette.Result pooled = Silhouette.compute(x, labels, Silhouette.Options.defaults(), RunControl.on(pool));
      assertThat(pooled).isEqualTo(alone);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void blockedSilhouetteMatchesTheTextbookFormula() {
    // Clusters of several hundred points, so that work is split into several row blocks per cluster pair; at
    // three scales, as the distances are added in fixed point scaled to the data's spread.
    double[][] unit = Fixtures.uniform(1500, 3, 21);
    int[] labels = KMeans.fit(Points.of(unit), KMeans.Options.of(3)).labels();
    for (double scale : new double[] {1, 1e-7, 1e8}) {
      double[][] raw = new double[unit.length][3];
      for (int i = 0; i < raw.length; i++) for (int f = 0; f < 3; f++) raw[i][f] = 5 * scale + unit[i][f] * scale;
      double[] values = Silhouette.compute(Points.of(raw), labels).values();
      int[] sizes = new int[3];
      for (int l : labels) sizes[l]++;
      for (int i = 0; i < raw.length; i += 7) {
        double[] sum = new double[3];
        for (int j = 0; j < raw.length; j++) {
          double s = 0;
          for (int f = 0; f < 3; f++) s += (raw[i][f] - raw[j][f]) * (raw[i][f] - raw[j][f]);
          sum[labels[j]] += Math.sqrt(s);
        }
        double a = sum[labels[i]] / (sizes[labels[i]] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < 3; c++) if (c != labels[i]) b = Math.min(b, sum[c] / sizes[c]);
        assertThat(values[i]).as("scale %s, point %d", scale, i).isCloseTo((b - a) / Math.max(a, b), within(1e-10));
      }
    }
  }

  @Test
  void silhouettesOfSeveralLabellingsEqualTheirSingleSilhouettes() {
    double[][] raw = Fixtures.uniform(900, 4, 5); // 4 features: the general distance loop, not the RFM one
    Points x = Points.of(raw);
    int[][] labels = new int[4][];
    for (int q = 0; q < 4; q++) labels[q] = KMeans.fit(x, KMeans.Options.of(q + 1)).labels();
    Silhouette.Result[] all = Silhouette.computeAll(x, labels, Silhouette.Options.defaults(), RunControl.none());
    assertThat(all[0].mean()).isNaN(); // k = 1
    for (int q = 0; q < 4; q++) assertThat(all[q]).isEqualTo(Silhouette.compute(x, labels[q]));
    assertThat(all[2].mean()).isBetween(0.1, 0.5);
  }

  @Test
  void largeInputsAreSampledPerCluster() {
    Points x = Points.of(Fixtures.threeBlobs());
    int[] labels = new int[300];
    for (int i = 0; i < 300; i++) labels[i] = i / 100;
    Silhouette.Result exact = Silhouette.compute(x, labels);
    Silhouette.Result sampled = Silhouette.compute(x, labels, new Silhouette.Options(200, 90, 1), RunControl.none());
    assertThat(sampled.sampled()).isTrue();
    assertThat(sampled.sampleSize()).isEqualTo(90);
    int[] perCluster = new int[3];
    for (int r : sampled.rows()) perCluster[labels[r]]++;
    assertThat(perCluster).containsExactly(30, 30, 30);
    assertThat(sampled.mean()).isCloseTo(exact.mean(), within(0.02));
  }
}
