package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.Parallel;
import dev.segmentlab.core.concurrent.RunControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Gaussian mixture by expectation-maximisation, as scikit-learn's {@code GaussianMixture}: each restart starts
 * from the responsibilities of one seeded k-means (k-means++ seeding, Lloyd to convergence), EM runs until the
 * mean log-likelihood gains less than the tolerance, the restart with the highest likelihood wins. A floor
 * ({@code reg_covar}) is added to every variance so that no covariance becomes singular.
 *
 * <p><b>Degenerate components.</b> When a feature takes one value on many points (on Online Retail's log1p RFM,
 * the 1,493 customers with exactly one order share one log frequency), a component can collapse onto them: its
 * variance in that feature falls to the floor and its density, hence the likelihood, BIC and AIC, is then set by
 * the floor, not by the data. {@link Result#degenerate()} lists such components (variance within
 * {@link #DEGENERATE_FACTOR} times the floor) so that callers can say so and never choose k by the artefact.
 *
 * <p>Why not Commons Math's {@code MultivariateNormalMixtureExpectationMaximization}: it has no covariance floor
 * (a collapsing component throws a singular-matrix exception, which on Online Retail happens at k = 2), no
 * diagonal covariance and no k-means start.
 */
public final class GaussianMixture {
  private GaussianMixture() {}

  /** A component is degenerate when its variance in some feature is at most this many times the floor. */
  public static final double DEGENERATE_FACTOR = 10;

  /** Covariance structure of every component. */
  public enum Covariance {
    FULL("full"), DIAGONAL("diag");

    private final String label;

    Covariance(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** @throws IllegalArgumentException unless {@code full} or {@code diag}(onal) */
    public static Covariance parse(String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("full")) return FULL;
      if (t.equals("diag") || t.equals("diagonal")) return DIAGONAL;
      throw new IllegalArgumentException("covariance must be full or diag, not '" + s + "'");
    }
  }

  /**
   * @param k components, at least 1 and at most the distinct rows
   * @param covariance full or diagonal
   * @param restarts EM runs from different k-means starts, at least 1 (default 5); the highest likelihood wins
   * @param maxIterations EM iterations per restart, at least 1 (default 200)
   * @param tolerance stop when the mean log-likelihood per point changes by less than this (default 1e-4;
   *     scikit-learn's 1e-3 and 100 iterations stop some restarts on a plateau before a component collapses onto
   *     a single value, and on Online Retail at k = 9 the best of 5 restarts then lands 0.25 below the likelihood
   *     that these defaults reach)
   * @param covarianceFloor added to every variance, ≥ 0 (default 1e-6, scikit-learn's {@code reg_covar})
   * @param seed master seed (default 42)
   * @param ordering component numbering after fitting
   */
  public record Options(int k, Covariance covariance, int restarts, int maxIterations, double tolerance,
      double covarianceFloor, long seed, Ordering ordering) {
    public static final int DEFAULT_RESTARTS = 5;
    public static final int DEFAULT_MAX_ITERATIONS = 200;
    public static final double DEFAULT_TOLERANCE = 1e-4;
    public static final double DEFAULT_FLOOR = 1e-6;

    /** @throws IllegalArgumentException naming the offending value */
    public Options {
      if (k < 1) throw new IllegalArgumentException("the number of components k must be at least 1 (was " + k + ")");
      Objects.requireNonNull(covariance, "covariance");
      if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1 (was " + restarts + ")");
      if (maxIterations < 1) throw new IllegalArgumentException("maximum iterations must be at least 1");
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IllegalArgumentException("tolerance must be >= 0");
      if (!(covarianceFloor >= 0) || Double.isInfinite(covarianceFloor)) {
        throw new IllegalArgumentException("the covariance floor must be a finite number >= 0 (was " + covarianceFloor + ")");
      }
      Objects.requireNonNull(ordering, "ordering");
    }

    /** k with full covariance and every other option at its default. */
    public static Options of(int k) {
      return new Options(k, Covariance.FULL, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE,
          DEFAULT_FLOOR, KMeans.Options.DEFAULT_SEED, Ordering.BY_SIZE_DESC);
    }

    public Options withK(int v) { return new Options(v, covariance, restarts, maxIterations, tolerance, covarianceFloor, seed, ordering); }
    public Options withCovariance(Covariance v) { return new Options(k, v, restarts, maxIterations, tolerance, covarianceFloor, seed, ordering); }
    public Options withRestarts(int v) { return new Options(k, covariance, v, maxIterations, tolerance, covarianceFloor, seed, ordering); }
    public Options withCovarianceFloor(double v) { return new Options(k, covariance, restarts, maxIterations, tolerance, v, seed, ordering); }
    public Options withSeed(long v) { return new Options(k, covariance, restarts, maxIterations, tolerance, covarianceFloor, v, ordering); }
    public Options withOrdering(Ordering v) { return new Options(k, covariance, restarts, maxIterations, tolerance, covarianceFloor, seed, v); }
  }

  /**
   * A component whose variance sits at the floor.
   *
   * @param component its index in the fitted model
   * @param features the feature indices where its variance is within {@link #DEGENERATE_FACTOR} × the floor
   * @param size points assigned to it
   */
  public record Degenerate(int component, int[] features, int size) {
    public Degenerate {
      features = features.clone();
    }

    @Override public int[] features() { return features.clone(); }
  }

  /**
   * A fitted mixture's parameters, components numbered by the options' ordering.
   *
   * @param covariance full or diagonal
   * @param covarianceFloor the floor added to every variance
   * @param weights k mixing weights summing to 1
   * @param means k rows of d values
   * @param covariances per component d × d row-major (full) or d variances (diagonal)
   */
  public record Mixture(Covariance covariance, double covarianceFloor, double[] weights, double[][] means,
      double[][] covariances) {
    public Mixture {
      weights = weights.clone();
      means = Points.deepCopy(means);
      covariances = Points.deepCopy(covariances);
    }

    @Override public double[] weights() { return weights.clone(); }
    @Override public double[][] means() { return Points.deepCopy(means); }
    @Override public double[][] covariances() { return Points.deepCopy(covariances); }

    public int k() { return weights.length; }
    public int dims() { return means[0].length; }

    /** The variance of component {@code c} in feature {@code f}. */
    public double variance(int c, int f) {
      int d = dims();
      return covariance == Covariance.FULL ? covariances[c][f * d + f] : covariances[c][f];
    }

    /** Number of free parameters (weights, means, covariances), as scikit-learn counts them for BIC/AIC. */
    public int parameters() {
      int k = k(), d = dims();
      int cov = covariance == Covariance.FULL ? k * d * (d + 1) / 2 : k * d;
      return cov + k * d + k - 1;
    }

    /** The densities, for labelling and likelihoods. */
    public MixtureDensity density() {
      return MixtureDensity.of(covariance, weights, means, covariances);
    }
  }

  /**
   * The best restart.
   *
   * @param model the fitted mixture (components numbered by the options' ordering)
   * @param labels each point's most probable component
   * @param sizes points per component
   * @param meanLogLikelihood mean log-likelihood per point (scikit-learn's {@code score})
   * @param bic Bayesian information criterion, {@code -2 n L + p ln n}; lower is better
   * @param aic Akaike information criterion, {@code -2 n L + 2 p}; lower is better
   * @param iterations EM iterations of the winning restart
   * @param converged whether the winning restart met the tolerance
   * @param degenerate components collapsed onto the floor, empty when none
   */
  public record Result(Mixture model, int[] labels, int[] sizes, double meanLogLikelihood, double bic,
      double aic, int iterations, boolean converged, List<Degenerate> degenerate) {
    public Result {
      labels = labels.clone();
      sizes = sizes.clone();
      degenerate = List.copyOf(degenerate);
    }

    @Override public int[] labels() { return labels.clone(); }
    @Override public int[] sizes() { return sizes.clone(); }

    public int k() { return sizes.length; }

    int[] labelsRef() { return labels; }
  }

  /** Fits on the calling thread. */
  public static Result fit(double[][] x, Options o) {
    return fit(Points.of(x), o, RunControl.none());
  }

  /**
   * Fits the mixture; restarts run in parallel on {@code rc}'s executor, the result does not depend on it.
   *
   * @throws IllegalArgumentException when k exceeds the distinct rows, or every restart met a covariance that is
   *     not positive definite (a floor of 0 on data with a constant feature)
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public static Result fit(Points x, Options o, RunControl rc) {
    KMeans.checkFits(x, o.k(), "k", o.ordering());
    SplittableRandom master = new SplittableRandom(o.seed());
    long[] seeds = new long[o.restarts()];
    for (int r = 0; r < seeds.length; r++) seeds[r] = master.nextLong();
    Run[] runs = new Run[o.restarts()];
    Parallel.forEach(runs.length, rc.executor(), rc.cancelledCheck(), r -> runs[r] = em(x, o, seeds[r], rc), null);
    Run best = null;
    for (Run r : runs) if (r != null && (best == null || r.logLikelihood > best.logLikelihood)) best = r;
    if (best == null) {
      throw new IllegalArgumentException("the mixture's covariances are singular: raise the covariance floor");
    }
    return finish(x, best, o);
  }

  /** One EM run from a seeded k-means; null when a covariance stopped being positive definite. */
  private static Run em(Points x, Options o, long seed, RunControl rc) {
    int n = x.size(), d = x.dimension(), k = o.k();
    KMeansResult start = KMeans.fit(x, KMeans.Options.of(k).withRestarts(1).withSeed(seed), rc.withoutProgress().withExecutor(null));
    double[] resp = new double[n * k];
    int[] l = start.labelsRef();
    for (int i = 0; i < n; i++) resp[i * k + l[i]] = 1;
    Params p = mStep(x, resp, k, o);
    double previous = Double.NEGATIVE_INFINITY;
    double ll = Double.NEGATIVE_INFINITY;
    int it = 0;
    boolean converged = false;
    while (it < o.maxIterations()) {
      Parallel.checkCancelled(rc.cancelledCheck());
      MixtureDensity comp = MixtureDensity.of(o.covariance(), p.weights, p.means, p.cov);
      if (comp == null) return null;
      ll = eStep(x, comp, k, resp);
      it++;
      if (Math.abs(ll - previous) < o.tolerance()) {
        converged = true;
        break;
      }
      previous = ll;
      p = mStep(x, resp, k, o);
    }
    if (!converged) { // the last M-step's parameters have not been scored yet
      MixtureDensity comp = MixtureDensity.of(o.covariance(), p.weights, p.means, p.cov);
      if (comp == null) return null;
      ll = eStep(x, comp, k, resp);
    }
    return new Run(p, ll, it, converged);
  }

  /** Responsibilities into {@code resp}; returns the mean log-likelihood. */
  private static double eStep(Points x, MixtureDensity comp, int k, double[] resp) {
    int n = x.size(), d = x.dimension();
    double[] data = x.data();
    double[] logp = new double[k];
    double[] maha = new double[k];
    double[] z = new double[d];
    double total = 0;
    for (int i = 0; i < n; i++) {
      comp.logDensities(data, i * d, logp, maha, z);
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) max = Math.max(max, logp[c]);
      double sum = 0;
      for (int c = 0; c < k; c++) { // one exp per component: the responsibilities and their sum together
        double v = logp[c] - max;
        // exp underflows to exactly 0 below -745.2: skip it (degenerate components make many such terms)
        double e = v < -746 ? 0 : Math.exp(v);
        resp[i * k + c] = e;
        sum += e;
      }
      for (int c = 0; c < k; c++) resp[i * k + c] /= sum;
      total += max + Math.log(sum);
    }
    return total / n;
  }

  /** Weights, means and covariances from responsibilities (scikit-learn's M-step, floor on the diagonal). */
  private static Params mStep(Points x, double[] resp, int k, Options o) {
    int n = x.size(), d = x.dimension();
    double[] data = x.data();
    double[] nk = new double[k];
    double[][] mu = new double[k][d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double r = resp[i * k + c];
        if (r == 0) continue; // responsibilities that underflowed add nothing
        nk[c] += r;
        for (int f = 0; f < d; f++) mu[c][f] += r * data[i * d + f];
      }
    }
    double eps = 10 * Math.ulp(1.0);
    for (int c = 0; c < k; c++) {
      nk[c] += eps;
      for (int f = 0; f < d; f++) mu[c][f] /= nk[c];
    }
    boolean full = o.covariance() == Covariance.FULL;
    double[][] cov = new double[k][full ? d * d : d];
    double[] t = new double[d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double r = resp[i * k + c];
        if (r == 0) continue;
        for (int f = 0; f < d; f++) t[f] = data[i * d + f] - mu[c][f];
        double[] s = cov[c];
        if (full) {
          for (int f = 0; f < d; f++) for (int g = 0; g <= f; g++) s[f * d + g] += r * t[f] * t[g];
        } else {
          for (int f = 0; f < d; f++) s[f] += r * t[f] * t[f];
        }
      }
    }
    double[] w = new double[k];
    for (int c = 0; c < k; c++) {
      w[c] = nk[c] / n;
      double[] s = cov[c];
      if (full) {
        for (int f = 0; f < d; f++) {
          for (int g = 0; g <= f; g++) {
            s[f * d + g] /= nk[c];
            s[g * d + f] = s[f * d + g];
          }
          s[f * d + f] += o.covarianceFloor();
        }
      } else {
        for (int f = 0; f < d; f++) s[f] = s[f] / nk[c] + o.covarianceFloor();
      }
    }
    return new Params(w, mu, cov);
  }

  private static Result finish(Points x, Run best, Options o) {
    int n = x.size(), k = o.k();
    MixtureDensity raw = MixtureDensity.of(o.covariance(), best.params.weights, best.params.means, best.params.cov);
    int[] labels = new int[n];
    double[] logp = new double[k], maha = new double[k], z = new double[x.dimension()];
    for (int i = 0; i < n; i++) {
      raw.logDensities(x.data(), i * x.dimension(), logp, maha, z);
      int b = 0;
      for (int c = 1; c < k; c++) if (logp[c] > logp[b]) b = c;
      labels[i] = b;
    }
    int[] sizes = new int[k];
    for (int l : labels) sizes[l]++;
    Integer[] order = KMeans.rank(best.params.means, sizes, labels, o.ordering());
    int[] newId = new int[k];
    double[] w = new double[k];
    double[][] mu = new double[k][];
    double[][] cov = new double[k][];
    int[] s2 = new int[k];
    for (int r = 0; r < k; r++) {
      newId[order[r]] = r;
      w[r] = best.params.weights[order[r]];
      mu[r] = best.params.means[order[r]];
      cov[r] = best.params.cov[order[r]];
      s2[r] = sizes[order[r]];
    }
    for (int i = 0; i < n; i++) labels[i] = newId[labels[i]];
    double total = 0;
    for (double v : w) total += v;
    for (int r = 0; r < k; r++) w[r] /= total;
    Mixture model = new Mixture(o.covariance(), o.covarianceFloor(), w, mu, cov);
    double ll = best.logLikelihood;
    int p = model.parameters();
    double bic = -2 * ll * n + p * Math.log(n);
    double aic = -2 * ll * n + 2 * p;
    return new Result(model, labels, s2, ll, bic, aic, best.iterations, best.converged, degenerate(model, s2));
  }

  /** Components whose variance in some feature is within {@link #DEGENERATE_FACTOR} × the floor. */
  static List<Degenerate> degenerate(Mixture m, int[] sizes) {
    List<Degenerate> out = new ArrayList<>();
    double limit = DEGENERATE_FACTOR * m.covarianceFloor();
    for (int c = 0; c < m.k(); c++) {
      int comp = c;
      int[] fs = IntStream.range(0, m.dims()).filter(f -> m.variance(comp, f) <= limit).toArray();
      if (fs.length > 0) out.add(new Degenerate(c, fs, sizes[c]));
    }
    return out;
  }

  /** log Σ exp(v), stable. */
  public static double logSumExp(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    for (double a : v) max = Math.max(max, a);
    if (max == Double.NEGATIVE_INFINITY) return max;
    double s = 0;
    for (double a : v) s += Math.exp(a - max);
    return max + Math.log(s);
  }

  /** Log weights-times-densities turned into probabilities, in place. */
  public static void normalise(double[] logp) {
    double lse = logSumExp(logp);
    for (int c = 0; c < logp.length; c++) logp[c] = Math.exp(logp[c] - lse);
  }

  private record Params(double[] weights, double[][] means, double[][] cov) {}

  private record Run(Params params, double logLikelihood, int iterations, boolean converged) {}

}
