package dev.segmentlab.core.features;

import java.util.List;

/**
 * How raw customer features become the clustered matrix, as fitted on the training customers: which features,
 * each one's transform, the centre subtracted and the scale divided by after the transform, and the weight
 * multiplied last. Fitting happens once ({@link #fit}); applying it ({@link #apply}) to the training customers
 * gives the training matrix, and to next quarter's customers gives their matrix in the same space, which is
 * what "the same segmentation" means.
 *
 * @param features feature keys, one per column, at least one
 * @param transforms the transform of each feature
 * @param center per feature, subtracted after the transform (mean, median or min; 0 without scaling)
 * @param scale per feature, divided by after centring (std, IQR or range; 1 when that is 0 or not finite)
 * @param weights per feature, multiplied last (≥ 0)
 * @param scaling the scaling that chose centre and scale
 */
public record Preparation(List<String> features, List<Transform> transforms, double[] center, double[] scale,
    double[] weights, Scaling scaling) {

  /** @throws IllegalArgumentException when the lengths disagree */
  public Preparation {
    features = List.copyOf(features);
    transforms = List.copyOf(transforms);
    int d = features.size();
    if (d == 0) throw new IllegalArgumentException("a preparation needs at least one feature");
    if (transforms.size() != d || center.length != d || scale.length != d || weights.length != d) {
      throw new IllegalArgumentException("one transform, centre, scale and weight per feature");
    }
    center = center.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  @Override public double[] center() { return center.clone(); }
  @Override public double[] scale() { return scale.clone(); }
  @Override public double[] weights() { return weights.clone(); }

  public int dims() { return features.size(); }

  /**
   * Fits centre and scale of every chosen feature on {@code cf}.
   *
   * @throws IllegalArgumentException when a feature is unknown or a value is not finite after its transform
   */
  public static Preparation fit(CustomerFeatures cf, FeatureOptions o) {
    int d = o.features().size();
    double[] center = new double[d], scale = new double[d], weights = new double[d];
    Transform[] transforms = new Transform[d];
    for (int f = 0; f < d; f++) {
      String name = o.features().get(f);
      Transform t = o.transformOf(name);
      transforms[f] = t;
      double[] tv = transformed(cf, name, t, t == Transform.NONE ? "is not a number" : t.label() + " cannot take",
          ". Choose another transform or clean the data.");
      double[] cs = FeatureMatrixBuilder.centerScale(tv, o.scaling());
      center[f] = cs[0];
      scale[f] = cs[1] == 0 || !Double.isFinite(cs[1]) ? 1 : cs[1];
      weights[f] = o.weightOf(name);
    }
    return new Preparation(o.features(), List.of(transforms), center, scale, weights, o.scaling());
  }

  /**
   * The matrix of {@code cf}'s customers prepared this way (raw values beside the prepared ones).
   *
   * @throws IllegalArgumentException when {@code cf} lacks a feature, or a value is not finite after its transform
   */
  public FeatureMatrix apply(CustomerFeatures cf) {
    int n = cf.size();
    int d = dims();
    double[][] raw = new double[n][d];
    double[][] scaled = new double[n][d];
    for (int f = 0; f < d; f++) {
      String name = features.get(f);
      if (!cf.has(name)) {
        throw new IllegalArgumentException("The data has no feature '" + name + "', which the segmentation was "
            + "built on; it has " + cf.names() + ".");
      }
      double[] col = cf.column(name);
      Transform t = transforms.get(f);
      for (int i = 0; i < n; i++) {
        raw[i][f] = col[i];
        scaled[i][f] = prepare(t.apply(col[i]), f);
        if (!Double.isFinite(scaled[i][f])) {
          throw new IllegalArgumentException("Feature " + name + " of customer " + cf.ids()[i] + " is " + col[i]
              + ", which the transform " + t.label() + " cannot take.");
        }
      }
    }
    return new FeatureMatrix(cf.ids(), features, raw, scaled, transforms, center, scale, weights, scaling);
  }

  /** One raw row prepared this way. */
  public double[] prepare(double[] rawRow) {
    double[] out = new double[rawRow.length];
    for (int f = 0; f < out.length; f++) out[f] = prepare(transforms.get(f).apply(rawRow[f]), f);
    return out;
  }

  /** The raw-unit value of a prepared point (for centroids), inverting weight, scaling and transform. */
  public double[] toRaw(double[] preparedRow) {
    double[] out = new double[preparedRow.length];
    for (int f = 0; f < out.length; f++) {
      double w = weights[f] == 0 ? 1 : weights[f];
      out[f] = transforms.get(f).invert(preparedRow[f] / w * scale[f] + center[f]);
    }
    return out;
  }

  /** The one formula: a transformed value centred, scaled and weighted. */
  private double prepare(double transformed, int f) {
    return (transformed - center[f]) / scale[f] * weights[f];
  }

  private static double[] transformed(CustomerFeatures cf, String name, Transform t, String cannot, String advice) {
    double[] col = cf.column(name);
    double[] tv = new double[col.length];
    for (int i = 0; i < col.length; i++) {
      tv[i] = t.apply(col[i]);
      if (!Double.isFinite(tv[i])) {
        throw new IllegalArgumentException("Feature " + name + " of customer " + cf.ids()[i] + " is " + col[i]
            + ", which " + cannot + advice);
      }
    }
    return tv;
  }
}
