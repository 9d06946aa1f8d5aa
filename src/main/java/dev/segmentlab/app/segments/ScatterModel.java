package dev.segmentlab.app.segments;

import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Projection;
import dev.segmentlab.core.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scatter's axes and data: the first two principal components (default) or any two features, raw or
 * scaled. Everything proportional to customers (PCA, axis values, bounds, centroids, the stratified sample) is
 * built off the FX thread by {@link #prepare}; the FX thread only swaps in the finished {@link ScatterData}.
 */
public final class ScatterModel {
  /** Axis choice for the principal components. */
  public static final String PCA = "Principal components";
  /** About this many customers are drawn; beyond it a sample stratified by segment. */
  public static final int MAX_SHOWN = 20_000;
  /** Each segment keeps at least this many of its customers in the sample (all of them when smaller). */
  static final int MIN_PER_SEGMENT = 200;

  /** The axis choice, captured on the FX thread and handed to {@link #prepare}. */
  record Axes(String x, String y, boolean scaled) {}

  /** Per matrix, computed once off the FX thread: the projection, the drawing order and the id index. */
  private static final class PerMatrix {
    final FeatureMatrix matrix;
    volatile Projection projection;
    volatile int[] order;
    volatile Map<String, Integer> index;

    PerMatrix(FeatureMatrix matrix) { this.matrix = matrix; }
  }

  private final JobSlot job;
  private final ObservableList<String> axes = FXCollections.observableArrayList();
  private final ObjectProperty<String> xAxis = new SimpleObjectProperty<>(this, "xAxis", PCA);
  private final ObjectProperty<String> yAxis = new SimpleObjectProperty<>(this, "yAxis", PCA);
  private final ObjectProperty<Boolean> scaled = new SimpleObjectProperty<>(this, "scaled", true);
  private final ReadOnlyObjectWrapper<ScatterData> data = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
  private final StringProperty selectedCustomer = new SimpleStringProperty(this, "selectedCustomer");
  private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
  private volatile PerMatrix perMatrix;
  private FeatureMatrix matrix;
  private KMeansResult solution;
  private String[] colours = new String[0];
  private String[] names = new String[0];

  ScatterModel(Async async) {
    this.job = new JobSlot(async);
    xAxis.addListener((o, a, b) -> rebuild());
    yAxis.addListener((o, a, b) -> rebuild());
    scaled.addListener((o, a, b) -> rebuild());
    selectedCustomer.addListener((o, a, b) -> select());
    data.addListener((o, a, d) -> caption.set(d == null ? "" : d.caption()));
  }

  public ObservableList<String> getAxes() { return axes; }
  public ObjectProperty<String> xAxisProperty() { return xAxis; }
  public ObjectProperty<String> yAxisProperty() { return yAxis; }
  /** Whether feature axes show scaled values (what k-means saw) or original units. */
  public ObjectProperty<Boolean> scaledProperty() { return scaled; }
  /** The snapshot to draw, replaced whenever the segments, colours or axes change. */
  public ReadOnlyObjectProperty<ScatterData> dataProperty() { return data.getReadOnlyProperty(); }
  /** What is drawn: "showing 20,000 of 433,800 customers (…)". */
  public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }
  /** The customer id to highlight (set by a lookup), or null. */
  public StringProperty selectedCustomerProperty() { return selectedCustomer; }
  /** Row of the selected customer in {@link ScatterData}'s arrays, or −1 (unknown id or no data yet). */
  public ReadOnlyIntegerProperty selectedIndexProperty() { return selectedIndex.getReadOnlyProperty(); }

  /** The axis choice now (FX thread). */
  Axes axesNow() {
    return new Axes(xAxis.get(), yAxis.get(), Boolean.TRUE.equals(scaled.get()));
  }

  /**
   * Builds the scatter for a solution; runs on a worker thread. Linear in customers: one pass per axis, one for
   * the centroids and bounds, one for the sample; no array of the core is copied per customer.
   */
  ScatterData prepare(FeatureMatrix m, KMeansResult s, Axes a, String[] segmentColours, String[] segmentNames) {
    PerMatrix pm = perMatrix(m);
    int n = m.rows();
    double[] x = new double[n];
    double[] y = new double[n];
    String xl = axis(pm, a.x(), 0, a.scaled(), x);
    String yl = axis(pm, a.y(), 1, a.scaled(), y);
    int k = s.k();
    int[] labels = s.labels();
    double[] cx = new double[k];
    double[] cy = new double[k];
    int[] count = new int[k];
    double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int l = labels[i];
      cx[l] += x[i];
      cy[l] += y[i];
      count[l]++;
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]);
      maxY = Math.max(maxY, y[i]);
    }
    for (int c = 0; c < k; c++) {
      cx[c] /= Math.max(1, count[c]);
      cy[c] /= Math.max(1, count[c]);
    }
    if (!(maxX > minX)) maxX = minX + 1;
    if (!(maxY > minY)) maxY = minY + 1;
    int[] shown = sample(pm.order, labels, count, n);
    return new ScatterData(x, y, labels, segmentColours.clone(), cx, cy, xl, yl, m.ids(), shown,
        segmentNames.clone(), new double[] {minX, maxX, minY, maxY});
  }

  /**
   * Every customer up to {@link #MAX_SHOWN}; beyond, each segment's share of the sample (at least
   * {@link #MIN_PER_SEGMENT}), taken in one fixed random order so that a k change keeps most dots in place.
   */
  static int[] sample(int[] order, int[] labels, int[] sizes, int n) {
    if (n <= MAX_SHOWN) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) all[i] = i;
      return all;
    }
    // largest remainders: the shares rounded so that they add up to MAX_SHOWN (rounding each one alone made
    // "showing 20,001 of 43,150"), a small segment still drawn with MIN_PER_SEGMENT dots
    int[] quota = new int[sizes.length];
    double[] remainder = new double[sizes.length];
    int total = 0;
    for (int c = 0; c < sizes.length; c++) {
      double exact = (double) sizes[c] * MAX_SHOWN / n;
      quota[c] = Math.min(sizes[c], Math.max(MIN_PER_SEGMENT, (int) Math.floor(exact)));
      remainder[c] = quota[c] > exact ? -1 : exact - Math.floor(exact);
      total += quota[c];
    }
    while (total < MAX_SHOWN) {
      int best = -1;
      for (int c = 0; c < sizes.length; c++) {
        if (quota[c] < sizes[c] && remainder[c] >= 0 && (best < 0 || remainder[c] > remainder[best])) best = c;
      }
      if (best < 0) break;
      quota[best]++;
      remainder[best] = -1;
      total++;
    }
    int[] out = new int[total];
    int t = 0;
    for (int j = 0; j < n && t < total; j++) {
      int i = order[j];
      int l = labels[i];
      if (quota[l] > 0) {
        quota[l]--;
        out[t++] = i;
      }
    }
    return out;
  }

  /** Shows a prepared snapshot (FX thread). */
  void show(FeatureMatrix m, KMeansResult s, ScatterData d) {
    if (m != matrix) {
      matrix = m;
      List<String> a = new ArrayList<>();
      a.add(PCA);
      a.addAll(m.features());
      axes.setAll(a);
      if (!axes.contains(xAxis.get())) xAxis.set(PCA);
      if (!axes.contains(yAxis.get())) yAxis.set(PCA);
    }
    solution = s;
    colours = d.colours();
    names = d.names();
    data.set(d);
    select();
  }

  /** Whether the scatter shows this solution (FX thread). */
  boolean shows(KMeansResult s) {
    return solution == s && data.get() != null;
  }

  /** New names or colours for the shown segments: the points stay (FX thread, work of order k). */
  void relabel(String[] segmentColours, String[] segmentNames) {
    colours = segmentColours.clone();
    names = segmentNames.clone();
    ScatterData d = data.get();
    if (d != null && d.k() == colours.length) data.set(d.withSegments(colours, names));
  }

  void clear() {
    job.cancel();
    matrix = null;
    solution = null;
    perMatrix = null;
    data.set(null);
    selectedIndex.set(-1);
  }

  private void rebuild() {
    if (matrix == null || solution == null) return;
    FeatureMatrix m = matrix;
    KMeansResult s = solution;
    Axes a = axesNow();
    String[] c = colours;
    String[] nm = names;
    job.task("Drawing the scatter", ctx -> prepare(m, s, a, c, nm))
        .onSuccess(d -> { if (matrix == m && solution == s) show(m, s, d); })
        .onFailure(e -> { })
        .start();
  }

  private void select() {
    PerMatrix pm = perMatrix;
    String id = selectedCustomer.get();
    Integer i = id == null || pm == null || pm.index == null || pm.matrix != matrix ? null : pm.index.get(id);
    selectedIndex.set(i == null ? -1 : i);
  }

  private PerMatrix perMatrix(FeatureMatrix m) {
    PerMatrix pm;
    synchronized (this) {
      pm = perMatrix;
      if (pm == null || pm.matrix != m) {
        pm = new PerMatrix(m);
        perMatrix = pm;
      }
    }
    synchronized (pm) {
      if (pm.order == null) {
        int n = m.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = new SplittableRandom(42);
        for (int i = n - 1; i > 0; i--) {
          int j = r.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        Map<String, Integer> index = new HashMap<>(n * 2);
        String[] ids = m.ids();
        for (int i = 0; i < n; i++) index.put(ids[i], i);
        pm.order = order;
        pm.index = index;
      }
      if (pm.projection == null && m.dims() >= 2) pm.projection = Projection.pca(Points.of(m.scaled()));
    }
    return pm;
  }

  /** Fills {@code out} with the axis values; returns its title. */
  private static String axis(PerMatrix pm, String choice, int component, boolean scaledValues, double[] out) {
    FeatureMatrix m = pm.matrix;
    int f = choice == null ? -1 : m.features().indexOf(choice);
    if (f < 0) {
      if (m.dims() < 2) {
        for (int i = 0; i < out.length; i++) out[i] = m.scaled(i, 0);
        return m.features().get(0) + " (scaled)";
      }
      Projection p = pm.projection;
      p.copyComponent(component, out);
      return String.format("PC%d (%.0f%% of variance)", component + 1, 100 * p.explainedVarianceRatio(component));
    }
    for (int i = 0; i < out.length; i++) out[i] = scaledValues ? m.scaled(i, f) : m.raw(i, f);
    return choice + (scaledValues ? " (scaled)" : "");
  }
}
