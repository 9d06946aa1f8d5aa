package dev.segmentlab.app.segments;

import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.model.DbscanModel;

/**
 * What the "Method criteria" tab draws for a sweep, computed in the sweep's background job (never on the FX
 * thread): Ward's top merges, DBSCAN's k-distance curve (at most {@link #CURVE_POINTS} points) with its eps, a
 * mixture's BIC and AIC per k with the components at the floor. Immutable; one of the three parts is set.
 */
record MethodChartData(Method method, DendrogramLayout tree, KDistance kDistance, Mixture mixture) {
  /** Points of the k-distance curve drawn: enough for its shape, one Node each. */
  static final int CURVE_POINTS = 400;

  /**
   * DBSCAN's sorted k-distance curve, sampled.
   *
   * @param rank each point's rank among the customers (0 = smallest distance)
   * @param distance its distance to its (minPoints − 1)-th neighbour
   */
  record KDistance(int[] rank, double[] distance, double eps, int minPoints, int customers) {}

  /** A mixture's criteria per k; {@code degenerate[q]} components sit at the covariance floor. */
  record Mixture(int[] k, double[] bic, double[] aic, int[] degenerate, int suggestedK) {}

  /** Chart data for a finished sweep; k-means has none beyond the criteria charts (null parts). */
  static MethodChartData of(MethodSweep.Result ms, int minPoints) {
    return switch (ms.method()) {
      case WARD -> new MethodChartData(ms.method(), DendrogramLayout.of(ms.dendrogram(), DendrogramLayout.TOP,
          ms.approximate()), null, null);
      case DBSCAN -> new MethodChartData(ms.method(), null, kDistance(ms, minPoints), null);
      case GMM -> new MethodChartData(ms.method(), null, null, mixture(ms));
      case KMEANS -> new MethodChartData(ms.method(), null, null, null);
    };
  }

  private static KDistance kDistance(MethodSweep.Result ms, int minPoints) {
    double[] kd = ms.kDistances();
    int n = kd.length, m = Math.min(n, CURVE_POINTS);
    int[] rank = new int[m];
    double[] dist = new double[m];
    for (int q = 0; q < m; q++) {
      int i = m == 1 ? 0 : (int) ((long) q * (n - 1) / (m - 1));
      rank[q] = i;
      dist[q] = kd[i];
    }
    DbscanModel d = (DbscanModel) ms.extras().get(0).model();
    return new KDistance(rank, dist, d.eps(), minPoints, n);
  }

  private static Mixture mixture(MethodSweep.Result ms) {
    int s = ms.extras().size();
    int[] k = new int[s], deg = new int[s];
    double[] bic = new double[s], aic = new double[s];
    for (int q = 0; q < s; q++) {
      MethodSweep.Extra x = ms.extras().get(q);
      k[q] = x.k();
      bic[q] = x.mixture().bic();
      aic[q] = x.mixture().aic();
      deg[q] = x.mixture().degenerate().size();
    }
    return new Mixture(k, bic, aic, deg, ms.suggestedByBic().orElse(-1));
  }
}
