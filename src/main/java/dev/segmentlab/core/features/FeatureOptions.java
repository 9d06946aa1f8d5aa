package dev.segmentlab.core.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to cluster on and how to prepare it.
 *
 * @param features feature keys, at least one
 * @param transforms feature → transform; features not listed use {@code defaultTransform}
 * @param defaultTransform the transform for all other features
 * @param scaling the scaling after the transform
 * @param weights feature → weight multiplying the scaled values (default 1; must be ≥ 0)
 */
public record FeatureOptions(List<String> features, Map<String, Transform> transforms, Transform defaultTransform,
    Scaling scaling, Map<String, Double> weights) {

  public FeatureOptions {
    if (features == null || features.isEmpty()) throw new IllegalArgumentException("Pick at least one feature to cluster on.");
    features = List.copyOf(features);
    if (features.stream().distinct().count() != features.size()) throw new IllegalArgumentException("A feature is listed twice.");
    transforms = Map.copyOf(transforms);
    weights = Map.copyOf(weights);
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (!(w.getValue() >= 0) || Double.isInfinite(w.getValue())) {
        throw new IllegalArgumentException("The weight of " + w.getKey() + " must be a number ≥ 0.");
      }
    }
    if (defaultTransform == null || scaling == null) throw new IllegalArgumentException("transform and scaling are required");
  }

  /** RFM, log1p, standard scaling: the seeds' recipe. */
  public static FeatureOptions defaults() {
    return of(RfmBuilder.RFM, Transform.LOG1P, Scaling.STANDARD);
  }

  public static FeatureOptions of(List<String> features, Transform t, Scaling s) {
    return new FeatureOptions(features, Map.of(), t, s, Map.of());
  }

  public Transform transformOf(String feature) { return transforms.getOrDefault(feature, defaultTransform); }

  public double weightOf(String feature) { return weights.getOrDefault(feature, 1.0); }

  public FeatureOptions withFeatures(List<String> f) { return new FeatureOptions(f, transforms, defaultTransform, scaling, weights); }

  public FeatureOptions withTransform(String feature, Transform t) {
    Map<String, Transform> m = new LinkedHashMap<>(transforms);
    m.put(feature, t);
    return new FeatureOptions(features, m, defaultTransform, scaling, weights);
  }

  /** The same transform for every feature (clears per-feature choices). */
  public FeatureOptions withAllTransforms(Transform t) { return new FeatureOptions(features, Map.of(), t, scaling, weights); }

  public FeatureOptions withScaling(Scaling s) { return new FeatureOptions(features, transforms, defaultTransform, s, weights); }

  public FeatureOptions withWeight(String feature, double w) {
    Map<String, Double> m = new LinkedHashMap<>(weights);
    m.put(feature, w);
    return new FeatureOptions(features, transforms, defaultTransform, scaling, m);
  }
}
