package dev.segmentlab.core.cluster;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * A 2-D principal-component projection of a feature matrix, for the segment scatter plot.
 *
 * <p>Computed with Commons Math ({@link Covariance} and {@link EigenDecomposition}): with a handful of features
 * the d &times; d covariance is tiny and its eigen-decomposition exact enough. Each component's sign is fixed
 * so that its largest-magnitude loading is positive, so the plot does not flip between runs.
 *
 * @param points n rows of (PC1, PC2) scores of the mean-centred rows, in the input's row order
 * @param explainedVarianceRatio share of the total variance along PC1 and PC2, each in [0, 1]
 * @param loadings 2 rows of d unit-vector coefficients (one per feature): PC = sum(loading * centred feature)
 */
public record Projection(double[][] points, double[] explainedVarianceRatio, double[][] loadings) {
  public Projection {
    points = Points.deepCopy(points);
    explainedVarianceRatio = explainedVarianceRatio.clone();
    loadings = Points.deepCopy(loadings);
  }

  @Override
  public double[][] points() {
    return Points.deepCopy(points);
  }

  @Override
  public double[] explainedVarianceRatio() {
    return explainedVarianceRatio.clone();
  }

  @Override
  public double[][] loadings() {
    return Points.deepCopy(loadings);
  }

  /** Number of projected rows. */
  public int size() {
    return points.length;
  }

  /** Score of row {@code i} on component {@code c} (0 = PC1, 1 = PC2); no copy: use this in loops. */
  public double point(int i, int c) {
    return points[i][c];
  }

  /** Share of the total variance along component {@code c} (no copy). */
  public double explainedVarianceRatio(int c) {
    return explainedVarianceRatio[c];
  }

  /** Copies component {@code c}'s scores of every row into {@code out} (length {@link #size()}). */
  public void copyComponent(int c, double[] out) {
    for (int i = 0; i < points.length; i++) out[i] = points[i][c];
  }

  /**
   * Projects onto the first two principal components. With a single feature, PC2 is all zeros with ratio 0.
   *
   * @throws IllegalArgumentException with fewer than 2 rows
   */
  public static Projection pca(Points x) {
    Objects.requireNonNull(x, "x");
    int n = x.size();
    int d = x.dimension();
    if (n < 2) throw new IllegalArgumentException("a projection needs at least 2 customers");
    double[][] rows = x.toArray();
    double[] mean = new double[d];
    for (double[] r : rows) for (int f = 0; f < d; f++) mean[f] += r[f] / n;
    RealMatrix cov = new Covariance(rows, false).getCovarianceMatrix();
    EigenDecomposition eig = new EigenDecomposition(cov);
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[d];
    for (int f = 0; f < d; f++) order[f] = f;
    Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    double total = 0;
    for (double v : values) total += Math.max(0, v);
    double[][] load = new double[2][d];
    double[] ratio = new double[2];
    for (int c = 0; c < Math.min(2, d); c++) {
      RealVector v = eig.getEigenvector(order[c]);
      int big = 0;
      for (int f = 1; f < d; f++) if (Math.abs(v.getEntry(f)) > Math.abs(v.getEntry(big))) big = f;
      double sign = v.getEntry(big) < 0 ? -1 : 1;
      for (int f = 0; f < d; f++) load[c][f] = sign * v.getEntry(f);
      ratio[c] = total > 0 ? Math.max(0, values[order[c]]) / total : 0;
    }
    double[][] pts = new double[n][2];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 2; c++) {
        double s = 0;
        for (int f = 0; f < d; f++) s += load[c][f] * (rows[i][f] - mean[f]);
        pts[i][c] = s;
      }
    }
    return new Projection(pts, ratio, load);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Projection p && Arrays.deepEquals(points, p.points)
        && Arrays.equals(explainedVarianceRatio, p.explainedVarianceRatio) && Arrays.deepEquals(loadings, p.loadings);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(loadings);
  }

  @Override
  public String toString() {
    return "Projection[n=" + points.length + ", explainedVarianceRatio=" + Arrays.toString(explainedVarianceRatio)
        + "]";
  }
}
