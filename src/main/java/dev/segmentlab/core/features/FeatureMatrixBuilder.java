package dev.segmentlab.core.features;

import dev.segmentlab.core.quality.Stats;

/** Turns customer features into the clustered matrix: pick, transform, scale, weight ({@link Preparation}). */
public final class FeatureMatrixBuilder {
  private FeatureMatrixBuilder() {}

  /**
   * @throws IllegalArgumentException when a feature is unknown or a value is not finite after the transform
   */
  public static FeatureMatrix build(CustomerFeatures cf, FeatureOptions o) {
    return Preparation.fit(cf, o).apply(cf);
  }

  /** {center, scale} of a column for a scaling. */
  static double[] centerScale(double[] v, Scaling s) {
    switch (s) {
      case STANDARD: return new double[] {Stats.mean(v), Stats.std(v)};
      case ROBUST: {
        double[] sorted = Stats.sorted(v);
        return new double[] {Stats.quantile(sorted, 0.5), Stats.quantile(sorted, 0.75) - Stats.quantile(sorted, 0.25)};
      }
      case MINMAX: {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v) { min = Math.min(min, x); max = Math.max(max, x); }
        return new double[] {min, max - min};
      }
      default: return new double[] {0, 1};
    }
  }
}
