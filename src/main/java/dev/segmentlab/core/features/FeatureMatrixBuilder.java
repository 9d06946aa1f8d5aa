package dev.segmentlab.core.features;

import dev.segmentlab.core.quality.Stats;
import java.util.ArrayList;
import java.util.List;

/** Turns customer features into the k-means matrix: pick, transform, scale, weight. */
public final class FeatureMatrixBuilder {
  private FeatureMatrixBuilder() {}

  /**
   * @throws IllegalArgumentException when a feature is unknown or a value is not finite after the transform
   */
  public static FeatureMatrix build(CustomerFeatures cf, FeatureOptions o) {
    int n = cf.size();
    int d = o.features().size();
    double[][] raw = new double[n][d];
    double[][] scaled = new double[n][d];
    double[] center = new double[d], scale = new double[d], weights = new double[d];
    List<Transform> transforms = new ArrayList<>();
    for (int f = 0; f < d; f++) {
      String name = o.features().get(f);
      double[] col = cf.column(name);
      Transform t = o.transformOf(name);
      transforms.add(t);
      double[] tv = new double[n];
      for (int i = 0; i < n; i++) {
        raw[i][f] = col[i];
        tv[i] = t.apply(col[i]);
        if (!Double.isFinite(tv[i])) {
          throw new IllegalArgumentException("Feature " + name + " of customer " + cf.ids()[i] + " is " + col[i]
              + ", which " + (t == Transform.NONE ? "is not a number" : t.label() + " cannot take") + ". Choose another transform or clean the data.");
        }
      }
      double[] cs = centerScale(tv, o.scaling());
      center[f] = cs[0];
      scale[f] = cs[1] == 0 || !Double.isFinite(cs[1]) ? 1 : cs[1];
      weights[f] = o.weightOf(name);
      for (int i = 0; i < n; i++) scaled[i][f] = (tv[i] - center[f]) / scale[f] * weights[f];
    }
    return new FeatureMatrix(cf.ids(), o.features(), raw, scaled, transforms, center, scale, weights, o.scaling());
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
