package dev.segmentlab.app.features;

import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.quality.Stats;
import java.util.List;
import java.util.Locale;

/**
 * One feature before and after its transform, scaling and weight: the histograms and skewness the Features step
 * shows. Computed off the UI thread; immutable.
 *
 * @param feature the feature key
 * @param raw histogram of the values in original units
 * @param transformed histogram of the values as k-means would see them
 * @param skewBefore skewness of the raw values
 * @param skewAfter skewness of the transformed values
 */
public record FeaturePreview(String feature, Stats.Histogram raw, Stats.Histogram transformed, double skewBefore,
    double skewAfter) {

  /** Bins per histogram: enough to show the skew of 4,338 customers, few enough to label. */
  public static final int BINS = 30;

  /** @throws IllegalArgumentException when the transform cannot take a value of the feature */
  public static FeaturePreview of(CustomerFeatures cf, String feature, FeatureOptions options) {
    double[] raw = cf.column(feature);
    FeatureOptions one = new FeatureOptions(List.of(feature), options.transforms(), options.defaultTransform(),
        options.scaling(), options.weights());
    FeatureMatrix m = FeatureMatrixBuilder.build(cf, one);
    double[] after = m.scaledColumn(0);
    return new FeaturePreview(feature, Stats.histogram(raw, BINS), Stats.histogram(after, BINS), Stats.skewness(raw),
        Stats.skewness(after));
  }

  /** A skewness as the labels show it, e.g. "skewness 1.23". */
  public static String skewText(double skew) {
    return Double.isNaN(skew) ? "skewness —" : String.format(Locale.ROOT, "skewness %.2f", skew);
  }
}
