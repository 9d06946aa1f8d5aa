package dev.segmentlab.app.segments;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

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

  /**
   * The Segments step alone on a stage, with real worker threads and the app's stylesheet (the profiles tab a
   * placeholder).
   */
  static Step showStep(Stage stage, Session session, double width, double height) {
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    SegmentsViewModel vm = new SegmentsViewModel(session, async, new TestDialogs(), async.executor());
    SegmentsView view = new SegmentsView(vm, new Label("profiles"));
    Scene scene = new Scene((Parent) view.node(), width, height);
    scene.getStylesheets().add(SegmentsFixture.class.getResource("/dev/segmentlab/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    return new Step(vm, view);
  }

  /** The Segments step's ViewModel and View. */
  record Step(SegmentsViewModel vm, SegmentsView view) {}
}
