package dev.segmentlab.core.model;

import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.cluster.MixtureDensity;

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
  private final MixtureDensity components;

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
    this.means = copy(means);
    this.covariances = copy(covariances);
    this.components = MixtureDensity.of(covariance, this.weights, this.means, this.covariances);
    if (components == null) throw new IllegalArgumentException("a covariance is not positive definite");
  }

  /** The model of a fitted mixture. */
  public static GaussianMixtureModel of(GaussianMixture.Mixture m) {
    return new GaussianMixtureModel(m.covariance(), m.covarianceFloor(), m.weights(), m.means(), m.covariances());
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
    return c;
  }

  @Override public String method() { return METHOD; }
  @Override public int k() { return weights.length; }
  @Override public int dims() { return means[0].length; }
  @Override public double[][] centres() { return copy(means); }

  public GaussianMixture.Covariance covariance() { return covariance; }
  /** The floor added to every variance when fitting. */
  public double covarianceFloor() { return floor; }
  public double[] weights() { return weights.clone(); }
  /** Per component: d × d row-major (full) or d variances (diagonal); copies. */
  public double[][] covariances() { return copy(covariances); }

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
}
