package dev.segmentlab.app.features;

import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The sentences the Features step shows about its features and matrix. */
final class FeatureTexts {
  private FeatureTexts() {}

  /** Rows left out or a snapshot before the data, or empty. */
  static String note(CustomerFeatures cf, int rows) {
    if (cf.size() < rows) return String.format(Locale.ROOT, "%,d rows with a blank number were left out.", rows - cf.size());
    if (cf.has("recency") && Arrays.stream(cf.column("recency")).anyMatch(r -> r < 0)) {
      return "The snapshot is before some customers' last invoice: their recency is negative.";
    }
    return "";
  }

  /** "4,338 customers × 3 features · log1p · standard scaling". */
  static String summary(FeatureMatrix m) {
    List<Transform> ts = m.transforms().stream().distinct().toList();
    String transform = ts.size() == 1 ? (ts.get(0) == Transform.NONE ? "no transform" : ts.get(0).label()) : "mixed transforms";
    String scale = m.scaling() == Scaling.NONE ? "no scaling" : m.scaling().label() + " scaling";
    boolean weighted = false;
    for (double w : m.weights()) weighted |= w != 1;
    return String.format(Locale.ROOT, "%,d customers × %d feature%s · %s · %s%s", m.rows(), m.dims(),
        m.dims() == 1 ? "" : "s", transform, scale, weighted ? " · weighted" : "");
  }
}
