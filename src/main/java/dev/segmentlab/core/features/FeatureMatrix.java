package dev.segmentlab.core.features;

import java.util.List;

/**
 * The matrix k-means sees, with the raw values beside it and the parameters needed to prepare new data the
 * same way (apply a saved segmentation to next quarter's customers).
 *
 * @param ids customer ids, one per row
 * @param features feature keys, one per column
 * @param raw {@code raw[customer][feature]} in original units
 * @param scaled {@code scaled[customer][feature]} after transform, scaling and weight
 * @param transforms the transform of each feature
 * @param center per feature, subtracted after the transform (mean, median or min)
 * @param scale per feature, divided by after centring (std, IQR or range; 1 when that is 0)
 * @param weights per feature, multiplied last
 * @param scaling the scaling used
 */
public record FeatureMatrix(String[] ids, List<String> features, double[][] raw, double[][] scaled,
    List<Transform> transforms, double[] center, double[] scale, double[] weights, Scaling scaling) {

  public FeatureMatrix {
    features = List.copyOf(features);
    transforms = List.copyOf(transforms);
  }

  public int rows() { return ids.length; }

  public int dims() { return features.size(); }

  /** The fitted preparation that made {@link #scaled}: applies it to other customers. */
  public Preparation preparation() {
    return new Preparation(features, transforms, center, scale, weights, scaling);
  }

  /** Prepares one raw row as the fitted matrix was prepared. */
  public double[] prepare(double[] rawRow) {
    return preparation().prepare(rawRow);
  }

  /** The raw-unit value of a point given in scaled units (for centroids), inverting weight, scaling and transform. */
  public double[] toRaw(double[] scaledRow) {
    return preparation().toRaw(scaledRow);
  }

  /** Raw value of feature {@code f} of customer {@code i}. */
  public double raw(int i, int f) { return raw[i][f]; }

  /** Scaled value of feature {@code f} of customer {@code i}. */
  public double scaled(int i, int f) { return scaled[i][f]; }

  /** Column {@code f} of the raw values. */
  public double[] rawColumn(int f) {
    double[] c = new double[raw.length];
    for (int i = 0; i < c.length; i++) c[i] = raw[i][f];
    return c;
  }

  /** Column {@code f} of the scaled values. */
  public double[] scaledColumn(int f) {
    double[] c = new double[scaled.length];
    for (int i = 0; i < c.length; i++) c[i] = scaled[i][f];
    return c;
  }
}
