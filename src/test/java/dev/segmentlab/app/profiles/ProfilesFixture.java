package dev.segmentlab.app.profiles;

import dev.segmentlab.app.Session;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.CustomerTableFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Publishes what the Features step would: Online Retail (default cleaning, RFM, log1p, standard scaling) or Mall
 * Customers (numeric columns, no transform, standard scaling). A copy of the segments package's fixture.
 */
final class ProfilesFixture {
  private ProfilesFixture() {}

  private static CleanedData cleaned;
  private static CustomerFeatures features;
  private static FeatureMatrix matrix;

  /** Computes the Online Retail matrix once (call it off the FX thread before publishing on it). */
  static synchronized void prepareOnlineRetail() {
    if (matrix == null) {
      cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
      features = RfmBuilder.build(cleaned, null);
      matrix = FeatureMatrixBuilder.build(features, FeatureOptions.defaults());
    }
  }

  static synchronized void publishOnlineRetail(Session s) {
    prepareOnlineRetail();
    s.datasetProperty().set(OnlineRetailFixture.dataset());
    s.cleanedProperty().set(cleaned);
    s.featuresProperty().set(features);
    s.matrixProperty().set(matrix);
  }

  static void publishMall(Session s) {
    Dataset d = Datasets.read(Path.of("src/test/resources/data/mall-customers.csv"));
    List<String> numeric = CustomerTableFeatures.numericColumns(d.customerTable(), d.idColumn());
    CustomerFeatures cf = CustomerTableFeatures.build(d.customerTable(), d.idColumn(), List.of());
    FeatureMatrix m = FeatureMatrixBuilder.build(cf, FeatureOptions.of(numeric, Transform.NONE, Scaling.STANDARD));
    s.datasetProperty().set(d);
    s.featuresProperty().set(cf);
    s.matrixProperty().set(m);
  }
}
