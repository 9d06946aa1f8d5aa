package dev.segmentlab.app.features;

import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.RfmScores;
import java.util.Locale;

/**
 * What the features table shows, as one immutable snapshot: row {@code i} is customer {@code i} of
 * {@code features} in every part.
 *
 * @param features every customer's features in original units
 * @param scores RFM quintile scores (transactions mode) or null
 * @param matrix the scaled values of the chosen features (same rows), or null when there is no matrix
 */
public record FeatureTable(CustomerFeatures features, RfmScores scores, FeatureMatrix matrix) {
  public FeatureTable {
    if (matrix != null && matrix.ids() != features.ids()) throw new IllegalArgumentException("matrix of other customers");
  }

  public int rows() { return features.size(); }

  /** Whether row {@code i} matches a filter on customer id or country (case-insensitive, {@code needle} lower-case). */
  public boolean matches(int i, String needle) {
    if (features.ids()[i].toLowerCase(Locale.ROOT).contains(needle)) return true;
    String[] c = features.countries();
    return c != null && c[i] != null && c[i].toLowerCase(Locale.ROOT).contains(needle);
  }
}
