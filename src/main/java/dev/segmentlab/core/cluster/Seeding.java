package dev.segmentlab.core.cluster;

import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding as scikit-learn does it ({@code _kmeans_plusplus}): the first centre is a uniformly
 * drawn row; each further centre is the best of {@code 2 + floor(ln k)} candidates drawn with probability
 * proportional to the squared distance to the nearest chosen centre, "best" meaning the candidate that lowers
 * the potential (sum of those squared distances) most.
 */
final class Seeding {
  private Seeding() {}

  /** Candidates per centre for k centres, as scikit-learn: {@code 2 + floor(ln k)}. */
  static int trials(int k) {
    return 2 + (int) Math.log(k);
  }

  /**
   * k centres drawn with {@code trials} candidates each. The first c centres of a draw do not depend on k: so
   * seeding for the largest k of several with the same number of trials gives the others as prefixes.
   *
   * @param w weight of each point (a point of weight 2 counts as two identical points), or null for 1 each
   */
  static double[] kMeansPlusPlus(double[] x, double[] w, int n, int d, int k, int trials, SplittableRandom rng) {
    double[] centres = new double[k * d];
    double[] cumulative = new double[n];
    int first;
    if (w == null) {
      first = rng.nextInt(n);
    } else {
      double run = 0;
      for (int i = 0; i < n; i++) {
        run += w[i];
        cumulative[i] = run;
      }
      first = Math.min(searchLeft(cumulative, rng.nextDouble() * run), n - 1);
    }
    System.arraycopy(x, first * d, centres, 0, d);
    double[] closest = new double[n];
    for (int i = 0; i < n; i++) closest[i] = sq(x, i, x, first, d);
    double[] candidateDist = new double[trials * n];
    int[] candidates = new int[trials];
    for (int c = 1; c < k; c++) {
      double run = 0;
      for (int i = 0; i < n; i++) {
        run += w == null ? closest[i] : w[i] * closest[i];
        cumulative[i] = run;
      }
      for (int t = 0; t < trials; t++) {
        candidates[t] = Math.min(searchLeft(cumulative, rng.nextDouble() * run), n - 1);
      }
      int best = -1;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double p = d == 3
            ? potential3(x, w, n, candidates[t], closest, candidateDist, t * n)
            : potential(x, w, n, d, candidates[t], closest, candidateDist, t * n);
        if (p < bestPot) {
          bestPot = p;
          best = t;
        }
      }
      System.arraycopy(candidateDist, best * n, closest, 0, n);
      System.arraycopy(x, candidates[best] * d, centres, c * d, d);
    }
    return centres;
  }

  /**
   * The (weighted) potential with {@code candidate} added; each point's new closest squared distance goes to
   * {@code out[base + i]}.
   */
  private static double potential(double[] x, double[] w, int n, int d, int candidate, double[] closest, double[] out,
      int base) {
    double p = 0;
    for (int i = 0; i < n; i++) {
      double v = Math.min(closest[i], sq(x, i, x, candidate, d));
      out[base + i] = v;
      p += w == null ? v : w[i] * v;
    }
    return p;
  }

  /** {@link #potential} in three dimensions (RFM) with the distance written out, which C1 would not inline. */
  private static double potential3(double[] x, double[] w, int n, int candidate, double[] closest, double[] out,
      int base) {
    double c0 = x[candidate * 3];
    double c1 = x[candidate * 3 + 1];
    double c2 = x[candidate * 3 + 2];
    double p = 0;
    for (int i = 0, q = 0; i < n; i++, q += 3) {
      double u = x[q] - c0;
      double v = x[q + 1] - c1;
      double z = x[q + 2] - c2;
      double s = u * u + v * v + z * z;
      double m = closest[i] < s ? closest[i] : s;
      out[base + i] = m;
      p += w == null ? m : w[i] * m;
    }
    return p;
  }

  /** First index whose cumulative value is at least {@code v} (numpy's searchsorted, side="left"). */
  private static int searchLeft(double[] cumulative, double v) {
    int lo = 0;
    int hi = cumulative.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  static double sq(double[] a, int i, double[] b, int j, int d) {
    if (d == 3) { // RFM, the common case: an unrolled body is markedly faster than a 3-trip loop
      double u = a[i * 3] - b[j * 3];
      double v = a[i * 3 + 1] - b[j * 3 + 1];
      double w = a[i * 3 + 2] - b[j * 3 + 2];
      return u * u + v * v + w * w;
    }
    double s = 0;
    int ai = i * d;
    int bj = j * d;
    for (int f = 0; f < d; f++) {
      double t = a[ai + f] - b[bj + f];
      s += t * t;
    }
    return s;
  }
}
