package dev.segmentlab.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.concurrent.RunControl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nearest-neighbour chain against the textbook O(n³) loop. */
class WardTest {

  /** Repeatedly merges the globally closest pair (Ward distance on centroids and sizes); returns merge increases. */
  static double[] naiveIncreases(double[][] x, List<int[]> labelsAt, int[] ks) {
    int n = x.length, d = x[0].length;
    List<double[]> c = new ArrayList<>();
    List<Integer> w = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      c.add(x[i].clone());
      w.add(1);
      members.add(new ArrayList<>(List.of(i)));
    }
    double[] inc = new double[n - 1];
    for (int m = 0; m < n - 1; m++) {
      int ba = -1, bb = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < c.size(); a++) {
        for (int b = a + 1; b < c.size(); b++) {
          double s = 0;
          for (int f = 0; f < d; f++) s += (c.get(a)[f] - c.get(b)[f]) * (c.get(a)[f] - c.get(b)[f]);
          double dist = (double) w.get(a) * w.get(b) / (w.get(a) + w.get(b)) * s;
          if (dist < best) {
            best = dist;
            ba = a;
            bb = b;
          }
        }
      }
      inc[m] = best;
      double wa = w.get(ba), wb = w.get(bb);
      double[] merged = new double[d];
      for (int f = 0; f < d; f++) merged[f] = (wa * c.get(ba)[f] + wb * c.get(bb)[f]) / (wa + wb);
      c.set(ba, merged);
      w.set(ba, (int) (wa + wb));
      members.get(ba).addAll(members.get(bb));
      c.remove(bb);
      w.remove(bb);
      members.remove(bb);
      for (int q = 0; q < ks.length; q++) {
        if (c.size() == ks[q]) {
          int[] l = new int[n];
          for (int g = 0; g < members.size(); g++) for (int i : members.get(g)) l[i] = g;
          labelsAt.set(q, l);
        }
      }
    }
    return inc;
  }

  @Test
  void equalsTheNaiveAlgorithmOnAFewHundredPoints() {
    double[][] x = Fixtures.blobs(new double[][] {{0, 0, 0}, {5, 1, 0}, {1, 6, 2}, {4, 4, 6}}, 75, 11);
    int[] ks = {2, 3, 4, 7, 12};
    List<int[]> naiveLabels = new ArrayList<>(Arrays.asList(new int[ks.length][]));
    double[] naive = naiveIncreases(x, naiveLabels, ks);
    Ward.Result r = Ward.fit(x);
    Dendrogram tree = r.dendrogram();
    assertThat(tree.merges()).isEqualTo(299);
    assertThat(r.approximate()).isFalse();
    double[] sorted = naive.clone();
    Arrays.sort(sorted); // the naive loop finds merges in increasing order already; sorted for safety
    double wcss = 0;
    for (int m = 0; m < naive.length; m++) {
      assertThat(tree.height(m)).as("merge %d", m).isCloseTo(Math.sqrt(2 * sorted[m]), within(1e-9));
      wcss += sorted[m];
    }
    assertThat(tree.wcss(1)).isCloseTo(wcss, within(1e-6));
    for (int q = 0; q < ks.length; q++) {
      int[] ours = tree.cut(ks[q]);
      assertThat(Partitions.same(ours, naiveLabels.get(q))).as("k=%d", ks[q]).isTrue();
      assertThat(tree.wcss(ks[q])).isCloseTo(Criteria.wcss(Points.of(x), ours), within(1e-6));
    }
  }

  @Test
  void beyondTheLimitItRunsOnMicroClustersAndSaysSo() {
    double[][] x = Fixtures.threeBlobs();
    Ward.Result r = Ward.fit(Points.of(x), new Ward.Options(100, 30, 1), RunControl.none());
    assertThat(r.approximate()).isTrue();
    assertThat(r.dendrogram().leaves()).isEqualTo(30);
    int[] labels = r.labels(Points.of(x), 3, Ordering.BY_SIZE_DESC);
    // the three blobs come back whole
    for (int b = 0; b < 3; b++) for (int i = 1; i < 100; i++) assertThat(labels[100 * b + i]).isEqualTo(labels[100 * b]);
    assertThat(r.dendrogram().wcss(3)).isCloseTo(Criteria.wcss(Points.of(x), labels), within(1e-6));
  }

  /** Equality of two labellings up to renaming. */
  static final class Partitions {
    static boolean same(int[] a, int[] b) {
      java.util.Map<Integer, Integer> ab = new java.util.HashMap<>(), ba = new java.util.HashMap<>();
      for (int i = 0; i < a.length; i++) {
        if (ab.putIfAbsent(a[i], b[i]) != null && ab.get(a[i]) != b[i]) return false;
        if (ba.putIfAbsent(b[i], a[i]) != null && ba.get(b[i]) != a[i]) return false;
      }
      return true;
    }
  }
}
