package dev.segmentlab.core.cluster;

/**
 * Plain Lloyd k-means from given centres, written for clarity as a reference for the Hamerly implementation:
 * full assignment every iteration, same stopping rule (no label change, or summed squared centre shift at most
 * tolerance times the mean feature variance, then one final assignment) and the same empty-cluster rule.
 */
final class LloydKMeans {
  record Fit(int[] labels, double[][] centres, double wcss, int iterations) {}

  private LloydKMeans() {}

  static Fit fit(double[][] x, double[][] initial, int maxIterations, double tolerance) {
    int n = x.length;
    int d = x[0].length;
    int k = initial.length;
    double[][] c = new double[k][];
    for (int j = 0; j < k; j++) c[j] = initial[j].clone();
    double tolAbs = tolerance * meanVariance(x);
    int[] labels = new int[n];
    int[] old = new int[n];
    java.util.Arrays.fill(old, -1);
    boolean strict = false;
    int it = 0;
    while (it < maxIterations) {
      assign(x, c, labels);
      it++;
      double[][] next = new double[k][d];
      int[] count = new int[k];
      for (int i = 0; i < n; i++) {
        count[labels[i]]++;
        for (int f = 0; f < d; f++) next[labels[i]][f] += x[i][f];
      }
      relocateEmpty(x, c, labels, next, count);
      double shift = 0;
      for (int j = 0; j < k; j++) {
        for (int f = 0; f < d; f++) {
          double v = count[j] > 0 ? next[j][f] / count[j] : c[j][f];
          shift += (v - c[j][f]) * (v - c[j][f]);
          c[j][f] = v;
        }
      }
      if (java.util.Arrays.equals(labels, old)) {
        strict = true;
        break;
      }
      if (shift <= tolAbs) break;
      old = labels.clone();
    }
    if (!strict) assign(x, c, labels);
    return new Fit(labels, c, Fixtures.wcss(x, labels, c), it);
  }

  private static void assign(double[][] x, double[][] c, int[] labels) {
    for (int i = 0; i < x.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < c.length; j++) {
        double s = 0;
        for (int f = 0; f < x[i].length; f++) s += (x[i][f] - c[j][f]) * (x[i][f] - c[j][f]);
        if (s < best) {
          best = s;
          labels[i] = j;
        }
      }
    }
  }

  /** Each empty cluster takes the next-farthest point from its centre; that point leaves its old sums. */
  private static void relocateEmpty(double[][] x, double[][] c, int[] labels, double[][] sums, int[] count) {
    boolean[] used = new boolean[x.length];
    for (int j = 0; j < c.length; j++) {
      if (count[j] != 0) continue;
      int far = -1;
      double farDist = -1;
      for (int i = 0; i < x.length; i++) {
        double s = 0;
        for (int f = 0; f < x[i].length; f++) s += (x[i][f] - c[labels[i]][f]) * (x[i][f] - c[labels[i]][f]);
        if (!used[i] && s > farDist) {
          farDist = s;
          far = i;
        }
      }
      used[far] = true;
      count[labels[far]]--;
      count[j] = 1;
      for (int f = 0; f < x[far].length; f++) {
        sums[labels[far]][f] -= x[far][f];
        sums[j][f] = x[far][f];
      }
    }
  }

  private static double meanVariance(double[][] x) {
    int d = x[0].length;
    double total = 0;
    for (int f = 0; f < d; f++) {
      double m = 0;
      for (double[] r : x) m += r[f];
      m /= x.length;
      double v = 0;
      for (double[] r : x) v += (r[f] - m) * (r[f] - m);
      total += v / x.length;
    }
    return total / d;
  }
}
