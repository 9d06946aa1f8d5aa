package dev.segmentlab.core.cluster;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Kneedle knee (elbow) detection (Satopää, Albrecht, Irwin and Raghavan, 2011) for a convex, decreasing curve
 * such as WCSS against k, reproducing the Python {@code kneed} package's {@code KneeLocator(x, y,
 * curve="convex", direction="decreasing", S=sensitivity, online=False)}: both axes are normalised to [0, 1],
 * the curve is turned into a concave increasing one, and the first local maximum of the difference curve
 * whose threshold is crossed before the next maximum is the knee.
 */
public final class Knee {
  private Knee() {}

  /**
   * The elbow of a WCSS curve with sensitivity 1.
   *
   * @param ks strictly increasing k values, at least 3
   * @param wcss WCSS at each k
   * @return the knee's k, or empty when the curve has no knee (e.g. fewer than 3 points or a straight line)
   */
  public static OptionalInt elbow(int[] ks, double[] wcss) {
    double[] x = new double[ks.length];
    for (int i = 0; i < ks.length; i++) x[i] = ks[i];
    OptionalDouble knee = kneedle(x, wcss, 1.0);
    return knee.isPresent() ? OptionalInt.of((int) knee.getAsDouble()) : OptionalInt.empty();
  }

  /**
   * Kneedle on a convex decreasing curve.
   *
   * @param x strictly increasing abscissae
   * @param y ordinates, same length as x
   * @param sensitivity S &gt;= 0; higher waits for a clearer knee (kneed's default is 1)
   * @return the x of the knee, or empty when there is none
   * @throws IllegalArgumentException if lengths differ, x is not strictly increasing or a value is not finite
   */
  public static OptionalDouble kneedle(double[] x, double[] y, double sensitivity) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
    if (!(sensitivity >= 0)) throw new IllegalArgumentException("sensitivity must be >= 0");
    int n = x.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("values must be finite");
      if (i > 0 && x[i] <= x[i - 1]) throw new IllegalArgumentException("x must be strictly increasing");
    }
    if (n < 3) return OptionalDouble.empty();
    double[] xn = normalise(x);
    double[] yn = normalise(y);
    if (xn == null || yn == null) return OptionalDouble.empty();
    // kneed's transform_xy for convex + decreasing: x -> flip(max - x), y -> max - y.
    double[] xt = new double[n];
    double[] yt = new double[n];
    for (int i = 0; i < n; i++) {
      xt[i] = 1.0 - xn[n - 1 - i];
      yt[i] = 1.0 - yn[i];
    }
    double[] diff = new double[n];
    for (int i = 0; i < n; i++) diff[i] = yt[i] - xt[i];
    boolean[] isMax = new boolean[n];
    boolean[] isMin = new boolean[n];
    int firstMax = -1;
    for (int i = 0; i < n; i++) {
      // scipy's argrelextrema with mode="clip": the ends are compared with themselves and their one neighbour.
      double prev = diff[Math.max(0, i - 1)];
      double next = diff[Math.min(n - 1, i + 1)];
      isMax[i] = diff[i] >= prev && diff[i] >= next;
      isMin[i] = diff[i] <= prev && diff[i] <= next;
      if (isMax[i] && firstMax < 0) firstMax = i;
    }
    if (firstMax < 0) return OptionalDouble.empty();
    double meanStep = 0;
    for (int i = 1; i < n; i++) meanStep += xt[i] - xt[i - 1];
    meanStep = Math.abs(meanStep / (n - 1));
    double threshold = 0;
    int thresholdIndex = -1;
    for (int i = firstMax; i < n - 1; i++) {
      if (isMax[i]) {
        threshold = diff[i] - sensitivity * meanStep;
        thresholdIndex = i;
      }
      if (isMin[i]) threshold = 0.0;
      if (diff[i + 1] < threshold) return OptionalDouble.of(x[thresholdIndex]);
    }
    return OptionalDouble.empty();
  }

  private static double[] normalise(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double a : v) {
      min = Math.min(min, a);
      max = Math.max(max, a);
    }
    if (max == min) return null;
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (v[i] - min) / (max - min);
    return out;
  }
}
