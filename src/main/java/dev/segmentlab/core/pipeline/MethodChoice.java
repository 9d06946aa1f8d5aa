package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.Dbscan;
import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.methods.MethodSweep;
import java.util.Objects;

/**
 * Which clustering method a run uses and its own settings; the k range, seed and restarts stay in
 * {@link PipelineOptions}.
 *
 * @param method k-means, Gaussian mixture, Ward or DBSCAN
 * @param covariance mixtures: full or diagonal
 * @param covarianceFloor mixtures: added to every variance (≥ 0; scikit-learn's {@code reg_covar})
 * @param kMeansBudgetMillis k-means: 0 = the fixed restarts; above 0 restarts continue within this budget per k
 * @param dbscan DBSCAN: eps (NaN = the k-distance knee) and minimum points (0 = 2 × features)
 */
public record MethodChoice(Method method, GaussianMixture.Covariance covariance, double covarianceFloor,
    long kMeansBudgetMillis, double eps, int minPoints) {

  public MethodChoice {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(covariance, "covariance");
    if (!(covarianceFloor >= 0) || Double.isInfinite(covarianceFloor)) {
      throw new OptionException("covarianceFloor", covarianceFloor, "The covariance floor must be a number of 0 or more, not "
          + covarianceFloor + ".");
    }
    if (kMeansBudgetMillis < 0) throw new OptionException("budget", kMeansBudgetMillis, "The time budget must be 0 or more.");
    if (!(Double.isNaN(eps) || eps > 0)) throw new OptionException("eps", eps, "eps must be above 0, not " + eps + ".");
    if (minPoints != 0 && minPoints < 2) {
      throw new OptionException("minPoints", minPoints, "The minimum points must be at least 2, not " + minPoints + ".");
    }
  }

  /** k-means with the fixed restarts: what SegmentLab did before it had other methods. */
  public static MethodChoice kMeans() {
    return of(Method.KMEANS);
  }

  /** {@code method} with its defaults (full covariance, floor 1e-6, DBSCAN eps at the knee). */
  public static MethodChoice of(Method method) {
    return new MethodChoice(method, GaussianMixture.Covariance.FULL, GaussianMixture.Options.DEFAULT_FLOOR, 0,
        Double.NaN, 0);
  }

  public MethodChoice withCovarianceFloor(double floor) {
    return new MethodChoice(method, covariance, floor, kMeansBudgetMillis, eps, minPoints);
  }

  public MethodChoice withCovariance(GaussianMixture.Covariance c) {
    return new MethodChoice(method, c, covarianceFloor, kMeansBudgetMillis, eps, minPoints);
  }

  public MethodChoice withKMeansBudget(long millis) {
    return new MethodChoice(method, covariance, covarianceFloor, millis, eps, minPoints);
  }

  public MethodChoice withDbscan(double newEps, int newMinPoints) {
    return new MethodChoice(method, covariance, covarianceFloor, kMeansBudgetMillis, newEps, newMinPoints);
  }

  /** The sweep's options over {@code base} for a matrix of {@code dims} features. */
  public MethodSweep.Options sweepOptions(KSweep.Options base, int dims) {
    return MethodSweep.Options.of(method, base).withCovariance(covariance).withCovarianceFloor(covarianceFloor)
        .withKMeansBudget(kMeansBudgetMillis)
        .withDbscan(new Dbscan.Options(eps, minPoints == 0 ? Math.max(2, 2 * dims) : minPoints));
  }
}
