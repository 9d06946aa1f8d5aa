package dev.segmentlab.app.segments;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.pipeline.MethodChoice;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Stability;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.Segmentation;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.segments.CarryNote;
import dev.segmentlab.core.segments.NameCarrier;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentLabel;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Segments step: the k sweep (streamed k by k), the chosen k, and the segmentation every later step uses.
 * Moving k uses the sweep's cached solution for that k (instant); outside the swept range it fits on demand.
 */
public final class SegmentsViewModel {
  private final Session session;
  private final Async async;
  private final Executor executor;
  private final JobSlot sweepJob;
  private final JobSlot kJob;
  private final JobSlot stabilityJob;
  private final ScatterModel scatter;

  // Properties: parameters
  private final IntegerProperty kMin = new SimpleIntegerProperty(this, "kMin", 2);
  private final IntegerProperty kMax = new SimpleIntegerProperty(this, "kMax", 10);
  private final IntegerProperty restarts = new SimpleIntegerProperty(this, "restarts", 10);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
  private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 4);
  private final javafx.beans.property.ObjectProperty<Method> method =
      new javafx.beans.property.SimpleObjectProperty<>(this, "method", Method.KMEANS);
  private final ReadOnlyStringWrapper methodNote = new ReadOnlyStringWrapper(this, "methodNote", "");
  // Properties: results
  private final ObservableList<KSweep.Point> sweepPoints = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<KSweep.Result> sweep = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ObservableList<SegmentRow> rows = FXCollections.observableArrayList();
  private final ObservableList<String> notes = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<double[][]> silhouetteBySegment = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Stability.Result> stability = new ReadOnlyObjectWrapper<>();
  private final javafx.collections.ObservableMap<Integer, Double> sweepStability =
      FXCollections.observableMap(new java.util.TreeMap<>());
  private final JobSlot sweepStabilityJob;

  private KSweep.Options sweepOptions;
  private MethodSweep.Result methodSweep;
  private Points points;
  private NameCarrier carrier = NameCarrier.create();
  private SegmentAnalysis analysis;
  private KMeansResult solution;
  private boolean applyingK;

  public SegmentsViewModel(Session session, Async async, DialogService dialogs, Executor executor) {
    this.session = session;
    this.async = async;
    this.executor = executor;
    this.sweepJob = new JobSlot(async);
    this.kJob = new JobSlot(async);
    this.stabilityJob = new JobSlot(async);
    this.sweepStabilityJob = new JobSlot(async);
    this.scatter = new ScatterModel(session, async);
    session.matrixProperty().addListener((o, a, m) -> {
      if (m == null) clear(); else runSweep();
    });
    k.addListener((o, a, v) -> { if (!applyingK) selectK(v.intValue()); });
  }

  public IntegerProperty kMinProperty() { return kMin; }
  public IntegerProperty kMaxProperty() { return kMax; }
  public IntegerProperty restartsProperty() { return restarts; }
  public LongProperty seedProperty() { return seed; }
  /** The chosen k; setting it re-segments at once. */
  public IntegerProperty kProperty() { return k; }
  /** The clustering method of the next sweep (k-means, Gaussian mixture, Ward, DBSCAN). */
  public javafx.beans.property.ObjectProperty<Method> methodProperty() { return method; }
  /** What the method adds to the criteria: BIC and degenerate components, Ward's limit, DBSCAN's eps. */
  public ReadOnlyStringProperty methodNoteProperty() { return methodNote.getReadOnlyProperty(); }
  /** Sweep points as they arrive, in k order. */
  public ObservableList<KSweep.Point> getSweepPoints() { return sweepPoints; }
  public ReadOnlyObjectProperty<KSweep.Result> sweepProperty() { return sweep.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty sweepingProperty() { return sweeping.getReadOnlyProperty(); }
  /** What the knee and the silhouette suggest, and whether they agree. */
  public ReadOnlyStringProperty adviceProperty() { return advice.getReadOnlyProperty(); }
  /** Errors and warnings (small segments, k too large). */
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  public ObservableList<SegmentRow> getRows() { return rows; }
  /** Notes about carried or dropped names. */
  public ObservableList<String> getNotes() { return notes; }
  /** Per segment, its customers' silhouette values sorted descending (for the silhouette plot). */
  public ReadOnlyObjectProperty<double[][]> silhouetteBySegmentProperty() { return silhouetteBySegment.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Stability.Result> stabilityProperty() { return stability.getReadOnlyProperty(); }
  /** Mean ARI across seeds and bootstrap samples per k (filled for the chosen k, and for all on request). */
  public javafx.collections.ObservableMap<Integer, Double> getSweepStability() { return sweepStability; }
  public ScatterModel scatter() { return scatter; }
  public Session session() { return session; }

  // Commands

  /** Re-runs the k sweep over [kMin, kMax] on the current matrix. */
  public void runSweep() {
    FeatureMatrix m = session.getMatrix();
    CustomerFeatures cf = session.getFeatures();
    if (m == null || cf == null) return;
    message.set("");
    try {
      points = Points.of(m.scaled());
      int max = Math.min(kMax.get(), points.distinctRows());
      if (max < kMin.get()) {
        message.set("There are only " + points.distinctRows() + " distinct customers: lower k.");
        return;
      }
      sweepOptions = Segmentation.sweepOptions(kMin.get(), max, restarts.get(), seed.get(), Segmentation.ordering(cf));
    } catch (IllegalArgumentException e) {
      message.set(e.getMessage());
      return;
    }
    Points p = points;
    KSweep.Options so = sweepOptions;
    sweepPoints.clear();
    sweepStability.clear();
    sweepStabilityJob.cancel();
    sweep.set(null);
    sweeping.set(true);
    MethodSweep.Options mo = MethodChoice.of(method.get()).sweepOptions(so, p.dimension());
    sweepJob.submit(method.get().label() + " sweep " + so.kMin() + "–" + so.kMax(),
        ctx -> session.stages().sweep(p, mo, pt -> ctx.ui(() -> { if (sweepOptions == so) sweepPoints.add(pt); }),
            ctx.control(executor)),
        ms -> {
          KSweep.Result r = ms.sweep();
          methodSweep = ms;
          methodNote.set(MethodNotes.of(ms));
          sweeping.set(false);
          sweep.set(r);
          sweepPoints.setAll(r.points());
          advice.set(advise(r));
          int chosen = Segmentation.pointFor(r, k.get()) != null ? k.get()
              : ms.suggestedByBic().isPresent() ? ms.suggestedByBic().getAsInt() : Segmentation.autoK(r, r.points().get(0).k());
          setKSilently(chosen);
          selectK(chosen);
        },
        e -> { sweeping.set(false); message.set(e.getMessage()); },
        () -> { sweeping.set(false); message.set("Sweep cancelled: segments are from the last finished run."); });
  }

  /** Stops the sweep. */
  public void cancelSweep() { sweepJob.cancel(); }

  /** Renames a segment; the name survives re-runs and k changes for segments that keep their centroid. */
  public void rename(int segment, String name) {
    carrier = carrier.rename(segment, name);
    publishLabels();
  }

  /** Changes a segment's colour ({@code #rrggbb}). */
  public void recolour(int segment, String colour) {
    carrier = carrier.recolour(segment, colour);
    publishLabels();
  }

  /** Re-runs the stability check for the chosen k (10 seeds on bootstrap samples). */
  public void runStability() {
    if (solution == null || points == null) return;
    Points p = points;
    KMeansResult s = solution;
    Stability.Options o = new Stability.Options(10, true, seed.get(), restarts.get(), 0.6);
    stabilityJob.submit("Stability of k = " + s.k(),
        ctx -> Stability.run(p, s.k(), s.labels(), o, executor, ctx.cancelledCheck()),
        r -> {
          if (solution == s) {
            stability.set(r);
            sweepStability.put(s.k(), r.meanAri());
            publishLabels();
          }
        },
        e -> message.set("Stability check failed: " + e.getMessage()));
  }

  /** Stability (mean ARI over 10 seeds on bootstrap samples) for every k of the sweep, streamed k by k. */
  public void runSweepStability() {
    KSweep.Result r = sweep.get();
    if (r == null || points == null) return;
    Points p = points;
    long sd = seed.get();
    int rs = restarts.get();
    sweepStabilityJob.submit("Stability for every k",
        ctx -> {
          List<KSweep.Point> pts = r.points();
          for (int i = 0; i < pts.size(); i++) {
            KSweep.Point pt = pts.get(i);
            if (pt.k() < 2) continue;
            Stability.Result st = Stability.run(p, pt.k(), pt.solution().labels(),
                new Stability.Options(10, true, sd, rs, 0.6), executor, ctx.cancelledCheck());
            int k0 = pt.k();
            ctx.ui(() -> { if (sweep.get() == r) sweepStability.put(k0, st.meanAri()); });
            ctx.progress((i + 1) / (double) pts.size());
          }
          return null;
        },
        x -> { },
        e -> message.set("Stability check failed: " + e.getMessage()));
  }

  private void selectK(int newK) {
    KSweep.Result r = sweep.get();
    if (r == null || points == null) return;
    if (newK < 1) return;
    if (newK > points.distinctRows()) {
      message.set("k (" + newK + ") is larger than the number of distinct customers (" + points.distinctRows() + ").");
      return;
    }
    KSweep.Point pt = Segmentation.pointFor(r, newK);
    if (pt != null) {
      show(pt.solution(), pt);
      return;
    }
    if (methodSweep != null && methodSweep.method() != Method.KMEANS) {
      message.set("k = " + newK + " is outside the " + methodSweep.method().label() + " sweep: widen the k range.");
      return;
    }
    Points p = points;
    KSweep.Options so = sweepOptions;
    kJob.submit("Segmenting with k = " + newK,
        ctx -> Segmentation.solutionFor(null, p, so, newK, executor, ctx.cancelledCheck()),
        s -> { if (k.get() == newK) show(s, null); },
        e -> message.set(e.getMessage()));
  }

  private void show(KMeansResult s, KSweep.Point pt) {
    FeatureMatrix m = session.getMatrix();
    CustomerFeatures cf = session.getFeatures();
    if (m == null || cf == null) return;
    solution = s;
    analysis = Segmentation.analyse(cf, m, s);
    List<String> suggested = new ArrayList<>();
    for (SegmentName n : analysis.names()) suggested.add(n.name());
    carrier = carrier.apply(s.centroids(), suggested);
    stability.set(null);
    silhouetteBySegment.set(pt == null ? null : silhouettes(pt, s.k()));
    List<String> small = new ArrayList<>();
    for (int i = 0; i < s.k(); i++) if (s.sizes()[i] < 0.01 * m.rows()) small.add(String.valueOf(i));
    message.set(small.isEmpty() ? "" : "Segment" + (small.size() > 1 ? "s " : " ") + String.join(", ", small)
        + " hold" + (small.size() > 1 ? "" : "s") + " fewer than 1% of customers: a high silhouette can come from isolating a few extreme customers.");
    publishLabels();
    runStability();
  }

  private void publishLabels() {
    if (solution == null) return;
    FeatureMatrix m = session.getMatrix();
    CustomerFeatures cf = session.getFeatures();
    List<SegmentLabel> labels = carrier.labels();
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    List<SegmentRow> out = new ArrayList<>();
    Stability.Result st = stability.get();
    for (int i = 0; i < solution.k(); i++) {
      SegmentLabel l = labels.get(i);
      names.add(l.name());
      colours.add(l.colour());
      SegmentProfile p = analysis.profiles().segment(i);
      double[] means = new double[p.means().size()];
      for (int f = 0; f < means.length; f++) means[f] = p.means().get(f);
      out.add(new SegmentRow(i, l.name(), l.colour(), p.size(), p.customerShare(), p.revenueShare(), means,
          st == null ? Double.NaN : st.meanJaccard()[i], p.size() < 0.01 * m.rows(), analysis.names().get(i).description()));
    }
    rows.setAll(out);
    notes.setAll(carrier.notes().stream().map(CarryNote::message).toList());
    session.segmentationProperty().set(new SegmentationResult(cf, m, sweepOptions, sweep.get(), solution.k(),
        solution, analysis, st, names, colours).withFitted(MethodNotes.fitted(methodSweep, solution.k())));
    scatter.update(m, solution, colours);
  }

  private static double[][] silhouettes(KSweep.Point pt, int k) {
    var detail = pt.silhouetteDetail();
    if (detail == null || detail.values() == null) return null;
    int[] labels = pt.solution().labels();
    List<List<Double>> per = new ArrayList<>();
    for (int i = 0; i < k; i++) per.add(new ArrayList<>());
    double[] v = detail.values();
    int[] rowsOf = detail.rows();
    for (int i = 0; i < v.length; i++) per.get(labels[rowsOf == null ? i : rowsOf[i]]).add(v[i]);
    double[][] out = new double[k][];
    for (int i = 0; i < k; i++) {
      out[i] = per.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      for (int a = 0, b = out[i].length - 1; a < b; a++, b--) { double t = out[i][a]; out[i][a] = out[i][b]; out[i][b] = t; }
    }
    return out;
  }

  static String advise(KSweep.Result r) {
    String knee = r.elbowK().isPresent() ? String.valueOf(r.elbowK().getAsInt()) : null;
    String sil = r.bestSilhouetteK().isPresent() ? String.valueOf(r.bestSilhouetteK().getAsInt()) : null;
    if (knee == null && sil == null) return "No criterion suggests a k: choose one from the charts.";
    if (knee == null) return "Best silhouette at k = " + sil + "; the WCSS curve has no clear knee.";
    if (sil == null || knee.equals(sil)) return "The elbow (knee) and the silhouette agree: k = " + knee + ".";
    return "The elbow suggests k = " + knee + ", the silhouette k = " + sil + ": they disagree, so look at the profiles of both.";
  }

  private void setKSilently(int v) {
    applyingK = true;
    try {
      k.set(v);
    } finally {
      applyingK = false;
    }
  }

  private void clear() {
    sweepJob.cancel();
    sweepPoints.clear();
    sweep.set(null);
    rows.clear();
    solution = null;
    analysis = null;
    points = null;
    session.segmentationProperty().set(null);
    scatter.clear();
  }

  /** For tests and the status line: the current solution's k, or 0. */
  public int currentK() { return solution == null ? 0 : solution.k(); }

  Async async() { return async; }
}
