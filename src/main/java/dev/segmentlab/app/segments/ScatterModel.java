package dev.segmentlab.app.segments;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Projection;
import dev.segmentlab.core.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scatter's axes and data: the first two principal components (default) or any two features, raw or
 * scaled. PCA is computed once per matrix, in the background.
 */
public final class ScatterModel {
  /** Axis choice for the principal components. */
  public static final String PCA = "Principal components";

  private final JobSlot pcaJob;
  private final ObservableList<String> axes = FXCollections.observableArrayList();
  private final ObjectProperty<String> xAxis = new SimpleObjectProperty<>(this, "xAxis", PCA);
  private final ObjectProperty<String> yAxis = new SimpleObjectProperty<>(this, "yAxis", PCA);
  private final ObjectProperty<Boolean> scaled = new SimpleObjectProperty<>(this, "scaled", true);
  private final ReadOnlyObjectWrapper<ScatterData> data = new ReadOnlyObjectWrapper<>();
  private FeatureMatrix matrix;
  private Projection projection;
  private KMeansResult solution;
  private List<String> colours = List.of();

  ScatterModel(Session session, Async async) {
    this.pcaJob = new JobSlot(async);
    xAxis.addListener((o, a, b) -> rebuild());
    yAxis.addListener((o, a, b) -> rebuild());
    scaled.addListener((o, a, b) -> rebuild());
  }

  public ObservableList<String> getAxes() { return axes; }
  public ObjectProperty<String> xAxisProperty() { return xAxis; }
  public ObjectProperty<String> yAxisProperty() { return yAxis; }
  /** Whether feature axes show scaled values (what k-means saw) or original units. */
  public ObjectProperty<Boolean> scaledProperty() { return scaled; }
  /** The snapshot to draw, replaced whenever the segments, colours or axes change. */
  public ReadOnlyObjectProperty<ScatterData> dataProperty() { return data.getReadOnlyProperty(); }

  void update(FeatureMatrix m, KMeansResult s, List<String> segmentColours) {
    boolean newMatrix = m != matrix;
    matrix = m;
    solution = s;
    colours = List.copyOf(segmentColours);
    if (newMatrix) {
      projection = null;
      List<String> a = new ArrayList<>();
      a.add(PCA);
      a.addAll(m.features());
      axes.setAll(a);
      if (!axes.contains(xAxis.get())) xAxis.set(PCA);
      if (!axes.contains(yAxis.get())) yAxis.set(PCA);
      if (m.dims() >= 2) {
        pcaJob.submit("Projecting customers", ctx -> Projection.pca(Points.of(m.scaled())),
            p -> { if (matrix == m) { projection = p; rebuild(); } }, e -> { });
      }
    }
    rebuild();
  }

  void clear() {
    matrix = null;
    solution = null;
    data.set(null);
  }

  private void rebuild() {
    if (matrix == null || solution == null) return;
    int n = matrix.rows();
    double[] x = new double[n], y = new double[n];
    String xl = axis(xAxis.get(), 0, x);
    String yl = axis(yAxis.get(), 1, y);
    if (xl == null || yl == null) return; // PCA not ready yet
    int k = solution.k();
    double[] cx = new double[k], cy = new double[k];
    int[] count = new int[k];
    int[] labels = solution.labels();
    for (int i = 0; i < n; i++) {
      cx[labels[i]] += x[i];
      cy[labels[i]] += y[i];
      count[labels[i]]++;
    }
    for (int s = 0; s < k; s++) {
      cx[s] /= Math.max(1, count[s]);
      cy[s] /= Math.max(1, count[s]);
    }
    data.set(new ScatterData(x, y, labels, colours.toArray(new String[0]), cx, cy, xl, yl, matrix.ids()));
  }

  /** Fills {@code out} with the axis values; returns its title, or null when not available yet. */
  private String axis(String choice, int component, double[] out) {
    if (PCA.equals(choice) || choice == null) {
      if (matrix.dims() < 2) {
        for (int i = 0; i < out.length; i++) out[i] = matrix.scaled()[i][0];
        return matrix.features().get(0);
      }
      if (projection == null) return null;
      for (int i = 0; i < out.length; i++) out[i] = projection.points()[i][component];
      return String.format("PC%d (%.0f%% of variance)", component + 1, 100 * projection.explainedVarianceRatio()[component]);
    }
    int f = matrix.features().indexOf(choice);
    if (f < 0) return null;
    double[][] src = scaled.get() ? matrix.scaled() : matrix.raw();
    for (int i = 0; i < out.length; i++) out[i] = src[i][f];
    return choice + (scaled.get() ? " (scaled)" : "");
  }
}
