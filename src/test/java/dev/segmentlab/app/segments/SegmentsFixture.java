package dev.segmentlab.app.segments;

import dev.segmentlab.app.Session;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;

/** Online Retail with default cleaning, RFM, log1p and standard scaling, as the Features step publishes it. */
final class SegmentsFixture {
  private SegmentsFixture() {}

  private static CleanedData cleaned;
  private static CustomerFeatures features;
  private static FeatureMatrix matrix;

  static synchronized void publish(Session s) {
    if (matrix == null) {
      cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
      features = RfmBuilder.build(cleaned, null);
      matrix = FeatureMatrixBuilder.build(features, FeatureOptions.defaults());
    }
    s.datasetProperty().set(OnlineRetailFixture.dataset());
    s.cleanedProperty().set(cleaned);
    s.featuresProperty().set(features);
    s.matrixProperty().set(matrix);
  }
}
