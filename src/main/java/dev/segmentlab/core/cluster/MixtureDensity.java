package dev.segmentlab.core.cluster;

/**
 * A mixture's components in the form the E-step and labelling need: log weight, log normalisation and the Cholesky factor of each
 * covariance (full) or the inverse variances (diagonal).
 */
public final class MixtureDensity {
  private final int k;
  private final int d;
  private final boolean full;
  private final double[] logConst;
  private final double[][] means;
  private final double[][] factor;

  private MixtureDensity(int k, int d, boolean full, double[] logConst, double[][] means, double[][] factor) {
    this.k = k;
    this.d = d;
    this.full = full;
    this.logConst = logConst;
    this.means = means;
    this.factor = factor;
  }

  /** Null when a covariance is not positive definite. Arrays are used as given (not copied). */
  public static MixtureDensity of(GaussianMixture.Covariance type, double[] weights, double[][] means, double[][] cov) {
    int k = weights.length, d = means[0].length;
    boolean full = type == GaussianMixture.Covariance.FULL;
    double[] logConst = new double[k];
    double[][] factor = new double[k][];
    double log2pi = Math.log(2 * Math.PI);
    for (int c = 0; c < k; c++) {
      double logDet = 0;
      if (full) {
        double[] l = cholesky(cov[c], d);
        if (l == null) return null;
        for (int f = 0; f < d; f++) logDet += 2 * Math.log(l[f * d + f]);
        // the diagonal is kept inverted: the forward substitution multiplies instead of dividing
        for (int f = 0; f < d; f++) l[f * d + f] = 1 / l[f * d + f];
        factor[c] = l;
      } else {
        double[] inv = new double[d];
        for (int f = 0; f < d; f++) {
          if (!(cov[c][f] > 0)) return null;
          inv[f] = 1 / cov[c][f];
          logDet += Math.log(cov[c][f]);
        }
        factor[c] = inv;
      }
      logConst[c] = Math.log(weights[c]) - 0.5 * (d * log2pi + logDet);
    }
    return new MixtureDensity(k, d, full, logConst, means, factor);
  }

  /**
   * log(weight × density) of the point at {@code x[off..off+d)} under each component into {@code out}, and its
   * squared Mahalanobis distances into {@code maha}.
   */
  public void logDensities(double[] x, int off, double[] out, double[] maha) {
    logDensities(x, off, out, maha, new double[d]);
  }

  /** As above with a scratch array of at least d values (no allocation per point). */
  public void logDensities(double[] x, int off, double[] out, double[] maha, double[] z) {
    for (int c = 0; c < k; c++) {
      double[] mu = means[c];
      double[] fc = factor[c];
      double m = 0;
      if (full) {
        for (int f = 0; f < d; f++) { // forward substitution L z = x - mu
          double s = x[off + f] - mu[f];
          for (int g = 0; g < f; g++) s -= fc[f * d + g] * z[g];
          z[f] = s * fc[f * d + f];
          m += z[f] * z[f];
        }
      } else {
        for (int f = 0; f < d; f++) {
          double t = x[off + f] - mu[f];
          m += t * t * fc[f];
        }
      }
      maha[c] = m;
      out[c] = logConst[c] - 0.5 * m;
    }
  }

  /** Lower Cholesky factor, row-major, or null when {@code a} is not positive definite. */
  static double[] cholesky(double[] a, int d) {
    double[] l = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * d + j];
        for (int q = 0; q < j; q++) s -= l[i * d + q] * l[j * d + q];
        if (i == j) {
          if (!(s > 0)) return null;
          l[i * d + i] = Math.sqrt(s);
        } else {
          l[i * d + j] = s / l[j * d + j];
        }
      }
    }
    return l;
  }
}
