package dev.segmentlab.app;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.OutlierHandling;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.pipeline.StageCounter;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedData;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The analysis as it flows through the steps: each step's ViewModel reads the upstream result and publishes its
 * own, so that a change anywhere re-runs what depends on it. UI thread only.
 */
public final class Session {
  private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
  private final ObjectProperty<CleanedData> cleaned = new SimpleObjectProperty<>(this, "cleaned");
  private final ObjectProperty<CustomerFeatures> features = new SimpleObjectProperty<>(this, "features");
  private final ObjectProperty<FeatureMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
  private final ObjectProperty<SegmentationResult> segmentation = new SimpleObjectProperty<>(this, "segmentation");
  private final ObjectProperty<OutlierHandling.Choice> outlierHandling =
      new SimpleObjectProperty<>(this, "outlierHandling", OutlierHandling.Choice.KEEP);
  private final StringProperty currency = new SimpleStringProperty(this, "currency", "");
  private final StageCounter stageCounter = new StageCounter();
  private final Stages stages = new Stages(stageCounter);

  /** The pipeline's stages that every step computes with (counted, so that tests can see what ran). */
  public Stages stages() { return stages; }

  /** How often each stage ran in this session. */
  public StageCounter stageCounter() { return stageCounter; }

  /** The loaded file. */
  public ObjectProperty<Dataset> datasetProperty() { return dataset; }
  public Dataset getDataset() { return dataset.get(); }

  /** The rows kept by the cleaning rules (transactions mode), else null. */
  public ObjectProperty<CleanedData> cleanedProperty() { return cleaned; }
  public CleanedData getCleaned() { return cleaned.get(); }

  /** Per-customer features in original units. */
  public ObjectProperty<CustomerFeatures> featuresProperty() { return features; }
  public CustomerFeatures getFeatures() { return features.get(); }

  /** The matrix k-means runs on. */
  public ObjectProperty<FeatureMatrix> matrixProperty() { return matrix; }
  public FeatureMatrix getMatrix() { return matrix.get(); }

  /** The segments for the chosen k, with their names and colours; null until a sweep ran. */
  public ObjectProperty<SegmentationResult> segmentationProperty() { return segmentation; }
  public SegmentationResult getSegmentation() { return segmentation.get(); }

  /** The outlier treatment chosen in the Quality step, applied where the Features step builds the customers. */
  public ObjectProperty<OutlierHandling.Choice> outlierHandlingProperty() { return outlierHandling; }
  public OutlierHandling.Choice getOutlierHandling() { return outlierHandling.get(); }

  /** The currency symbol of the data's money (chosen in the Data step; "" for none): the XLSX money format. */
  public StringProperty currencyProperty() { return currency; }
  public String getCurrency() { return currency.get() == null ? "" : currency.get(); }
}
