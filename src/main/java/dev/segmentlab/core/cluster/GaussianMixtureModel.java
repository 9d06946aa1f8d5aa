package dev.segmentlab.core.cluster;

import dev.segmentlab.core.model.FittedClustering;
import dev.segmentlab.core.model.Labels;

/**
 * A fitted Gaussian mixture: weights, means and covariances (full or diagonal) in the prepared space. A point goes
 * to the component with the highest membership probability; its distance is the squared Mahalanobis distance to
 * that component's mean. Immutable and thread-safe.
 */
public final class GaussianMixtureModel implements FittedClustering {
  public static final String METHOD = "gmm";
  /** A customer is borderline when its two highest membership probabilities differ by at most this. */
  public static final double BORDERLINE_MARGIN = 0.2;

  private final GaussianMixture.Covariance covariance;
  private final double floor;
  private final double[] weights;
  private final double[][] means;
  /** Full: d × d row-major; diagonal: d variances. */
  private final double[][] covariances;
  private final Components components;

  /**
   * @param covariance full or diagonal
   * @param floor the covariance floor the fit added to every variance (≥ 0)
   * @param weights k mixing weights, positive, summing to 1 (renormalised)
   * @param means k rows of d values
   * @param covariances k covariances: d × d (full, row-major) or d variances (diagonal), positive definite
   * @throws IllegalArgumentException when the shapes disagree or a covariance is not positive definite
   */
  public GaussianMixtureModel(GaussianMixture.Covariance covariance, double floor, double[] weights,
      double[][] means, double[][] covariances) {
    int k = weights.length;
    if (k == 0 || means.length != k || covariances.length != k) {
      throw new IllegalArgumentException("a mixture needs one weight, mean and covariance per component");
    }
    int d = means[0].length;
    int cl = covariance == GaussianMixture.Covariance.FULL ? d * d : d;
    double total = 0;
    for (int c = 0; c < k; c++) {
      if (means[c].length != d || covariances[c].length != cl) {
        throw new IllegalArgumentException("component " + c + " has the wrong number of values");
      }
      if (!(weights[c] >= 0)) throw new IllegalArgumentException("component " + c + " has a negative weight");
      total += weights[c];
    }
    this.covariance = covariance;
    this.floor = floor;
    this.weights = new double[k];
    for (int c = 0; c < k; c++) this.weights[c] = weights[c] / total;
    this.means = Points.deepCopy(means);
    this.covariances = Points.deepCopy(covariances);
    this.components = Components.of(covariance, this.weights, this.means, this.covariances);
    if (components == null) throw new IllegalArgumentException("a covariance is not positive definite");
  }

  @Override public String method() { return METHOD; }
  @Override public int k() { return weights.length; }
  @Override public int dims() { return means[0].length; }
  @Override public double[][] centres() { return Points.deepCopy(means); }

  public GaussianMixture.Covariance covariance() { return covariance; }
  /** The floor added to every variance when fitting. */
  public double covarianceFloor() { return floor; }
  public double[] weights() { return weights.clone(); }
  /** Per component: d × d row-major (full) or d variances (diagonal); copies. */
  public double[][] covariances() { return Points.deepCopy(covariances); }

  /** The variance of component {@code c} in feature {@code f}. */
  public double variance(int c, int f) {
    int d = dims();
    return covariance == GaussianMixture.Covariance.FULL ? covariances[c][f * d + f] : covariances[c][f];
  }

  /** Number of free parameters (weights, means, covariances), as scikit-learn counts them for BIC/AIC. */
  public int parameters() {
    int k = k(), d = dims();
    int cov = covariance == GaussianMixture.Covariance.FULL ? k * d * (d + 1) / 2 : k * d;
    return cov + k * d + k - 1;
  }

  @Override public Labels assign(double[][] x) {
    int k = k();
    int[] labels = new int[x.length];
    double[] dist = new double[x.length];
    int[] sizes = new int[k];
    double[] logp = new double[k];
    double[] maha = new double[k];
    for (int i = 0; i < x.length; i++) {
      check(x[i], i);
      components.logDensities(x[i], 0, logp, maha);
      int best = 0;
      for (int c = 1; c < k; c++) if (logp[c] > logp[best]) best = c;
      labels[i] = best;
      dist[i] = maha[best];
      sizes[best]++;
    }
    return new Labels(labels, dist, sizes);
  }

  /**
   * Each point's membership probability in each component (rows sum to 1).
   *
   * @throws IllegalArgumentException when a point has the wrong number of values
   */
  public double[][] probabilities(double[][] x) {
    int k = k();
    double[][] out = new double[x.length][k];
    double[] maha = new double[k];
    for (int i = 0; i < x.length; i++) {
      check(x[i], i);
      components.logDensities(x[i], 0, out[i], maha);
      GaussianMixture.normalise(out[i]);
    }
    return out;
  }

  /** Whether a row of membership probabilities has its two highest within {@link #BORDERLINE_MARGIN}. */
  public static boolean borderline(double[] probabilities) {
    double top = 0, second = 0;
    for (double p : probabilities) {
      if (p > top) {
        second = top;
        top = p;
      } else if (p > second) {
        second = p;
      }
    }
    return top - second <= BORDERLINE_MARGIN;
  }

  /** The mean log-likelihood per point of {@code x} under this mixture (scikit-learn's {@code score}). */
  public double meanLogLikelihood(double[][] x) {
    double s = 0;
    double[] logp = new double[k()];
    double[] maha = new double[k()];
    for (int i = 0; i < x.length; i++) {
      check(x[i], i);
      components.logDensities(x[i], 0, logp, maha);
      s += GaussianMixture.logSumExp(logp);
    }
    return s / x.length;
  }

  private void check(double[] p, int i) {
    if (p.length != dims()) {
      throw new IllegalArgumentException("point " + i + " has " + p.length + " values, the model " + dims());
    }
  }

  /**
   * The components in the form the E-step needs: log weight, log normalisation and the Cholesky factor of each
   * covariance (full) or the inverse variances (diagonal).
   */
  static final class Components {
    private final int k;
    private final int d;
    private final boolean full;
    private final double[] logConst;
    private final double[][] means;
    private final double[][] factor;

    private Components(int k, int d, boolean full, double[] logConst, double[][] means, double[][] factor) {
      this.k = k;
      this.d = d;
      this.full = full;
      this.logConst = logConst;
      this.means = means;
      this.factor = factor;
    }

    /** Null when a covariance is not positive definite. */
    static Components of(GaussianMixture.Covariance type, double[] weights, double[][] means, double[][] cov) {
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
      return new Components(k, d, full, logConst, means, factor);
    }

    /**
     * log(weight × density) of the point at {@code x[off..off+d)} under each component into {@code out}, and its
     * squared Mahalanobis distances into {@code maha}.
     */
    void logDensities(double[] x, int off, double[] out, double[] maha) {
      logDensities(x, off, out, maha, new double[d]);
    }

    /** As above with a scratch array of at least d values (no allocation per point). */
    void logDensities(double[] x, int off, double[] out, double[] maha, double[] z) {
      for (int c = 0; c < k; c++) {
        double[] mu = means[c];
        double[] fc = factor[c];
        double m = 0;
        if (full) {
          for (int f = 0; f < d; f++) { // forward substitution L z = x - mu
            double s = x[off + f] - mu[f];
            for (int g = 0; g < f; g++) s -= fc[f * d + g] * z[g];
            z[f] = s / fc[f * d + f];
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
}
