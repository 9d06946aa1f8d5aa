package dev.segmentlab.app.segments;

import dev.segmentlab.core.concurrent.RunControl;
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
import dev.segmentlab.core.segments.SegmentProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The Segments step: the k sweep (streamed k by k), the chosen k, and the segmentation every later step uses.
 * A k change computes the solution's profiles, names, silhouettes and scatter in one background job (a newer k
 * cancels it); the FX thread only applies the result. The stability check starts after the view has redrawn.
 */
public final class SegmentsViewModel {
  private final Session session;
  private final Async async;
  private final Executor executor;
  private final JobSlot sweepJob;
  private final JobSlot kJob;
  private final JobSlot stabilityJob;
  private final JobSlot sweepStabilityJob;
  private final JobSlot neighbourJob;
  /**
   * Frames ready for the k shown and the k next to it, computed once its stability check is done (see
   * {@link #prepareNeighbours}): a step of one, the spinner's arrows or a slider notch, then only applies one.
   */
  private final java.util.Map<Integer, Neighbour> neighbours = new java.util.HashMap<>();

  /** A frame computed ahead, with the scatter axes it was computed for. */
  private record Neighbour(SegmentsFrame frame, ScatterModel.Axes axes) {}
  private final ScatterModel scatter;

  // Properties: parameters
  private final IntegerProperty kMin = new SimpleIntegerProperty(this, "kMin", 2);
  private final IntegerProperty kMax = new SimpleIntegerProperty(this, "kMax", 10);
  private final IntegerProperty restarts = new SimpleIntegerProperty(this, "restarts", 10);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
  private final StringProperty seedText = new SimpleStringProperty(this, "seedText", "42");
  private final ReadOnlyBooleanWrapper seedValid = new ReadOnlyBooleanWrapper(this, "seedValid", true);
  private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 4);
  private final ObjectProperty<Method> method =
      new SimpleObjectProperty<>(this, "method", Method.KMEANS);
  private final ReadOnlyStringWrapper methodNote = new ReadOnlyStringWrapper(this, "methodNote", "");
  private final ReadOnlyObjectWrapper<MethodChartData> methodCharts = new ReadOnlyObjectWrapper<>(this, "methodCharts");
  // Properties: results
  private final ReadOnlyIntegerWrapper kLowest = new ReadOnlyIntegerWrapper(this, "kLowest", 2);
  private final ReadOnlyIntegerWrapper kHighest = new ReadOnlyIntegerWrapper(this, "kHighest", 10);
  private final ObservableList<String> featureNames = FXCollections.observableArrayList();
  private final ObservableList<KSweep.Point> sweepPoints = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<KSweep.Result> sweep = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper hasMatrix = new ReadOnlyBooleanWrapper();
  private final BooleanBinding canRunSweep = hasMatrix.and(sweeping.not()).and(seedValid);
  private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ObservableList<SegmentRow> rows = FXCollections.observableArrayList();
  private final ObservableList<String> notes = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<double[][]> silhouetteBySegment = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Stability.Result> stability = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper stabilityRunning = new ReadOnlyBooleanWrapper(this, "stabilityRunning");
  private final DoubleProperty stabilityProgress = new SimpleDoubleProperty(this, "stabilityProgress", 0);
  private final ObservableMap<Integer, Double> sweepStability = FXCollections.observableMap(new TreeMap<>());

  private KSweep.Options sweepOptions;
  private MethodSweep.Result methodSweep;
  private Points points;
  private NameCarrier carrier = NameCarrier.create();
  private SegmentsFrame frame;
  private boolean applyingK;
  private int sweepGeneration;
  private Consumer<Runnable> afterRedraw = Runnable::run;

  public SegmentsViewModel(Session session, Async async, DialogService dialogs, Executor executor) {
    this.session = session;
    this.async = async;
    this.executor = executor;
    this.sweepJob = new JobSlot(async);
    this.kJob = new JobSlot(async);
    this.stabilityJob = new JobSlot(async);
    this.sweepStabilityJob = new JobSlot(async);
    this.neighbourJob = new JobSlot(async);
    this.scatter = new ScatterModel(async);
    session.matrixProperty().addListener((o, a, m) -> {
      hasMatrix.set(m != null);
      featureNames.setAll(m == null ? List.of() : m.features());
      if (m == null) clear(); else runSweep();
    });
    hasMatrix.set(session.getMatrix() != null);
    if (session.getMatrix() != null) featureNames.setAll(session.getMatrix().features());
    k.addListener((o, a, v) -> { if (!applyingK) selectK(v.intValue()); });
    seedText.addListener((o, a, v) -> parseSeed(v));
    seed.addListener((o, a, v) -> { if (!String.valueOf(v).equals(seedText.get().trim())) seedText.set(String.valueOf(v)); });
  }

  public IntegerProperty kMinProperty() { return kMin; }
  public IntegerProperty kMaxProperty() { return kMax; }
  public IntegerProperty restartsProperty() { return restarts; }
  public LongProperty seedProperty() { return seed; }
  /** The seed as typed; a whole number sets {@link #seedProperty()}, anything else clears {@link #seedValidProperty()}. */
  public StringProperty seedTextProperty() { return seedText; }
  public ReadOnlyBooleanProperty seedValidProperty() { return seedValid.getReadOnlyProperty(); }
  /** The chosen k; setting it re-segments (in the background). */
  public IntegerProperty kProperty() { return k; }
  /** The lowest and highest k the k control offers: the swept range. */
  public ReadOnlyIntegerProperty kLowestProperty() { return kLowest.getReadOnlyProperty(); }
  public ReadOnlyIntegerProperty kHighestProperty() { return kHighest.getReadOnlyProperty(); }
  /** The clustered features, in matrix order (the table's mean columns). */
  public ObservableList<String> getFeatureNames() { return featureNames; }
  /** The clustering method of the next sweep (k-means, Gaussian mixture, Ward, DBSCAN). */
  public ObjectProperty<Method> methodProperty() { return method; }
  /** What the method adds to the criteria: BIC and degenerate components, Ward's limit, DBSCAN's eps. */
  public ReadOnlyStringProperty methodNoteProperty() { return methodNote.getReadOnlyProperty(); }
  /** The method's own criteria as chart data (dendrogram, k-distance, BIC/AIC), from the last finished sweep. */
  ReadOnlyObjectProperty<MethodChartData> methodChartsProperty() { return methodCharts.getReadOnlyProperty(); }
  /** Sweep points as they arrive, in k order. */
  public ObservableList<KSweep.Point> getSweepPoints() { return sweepPoints; }
  public ReadOnlyObjectProperty<KSweep.Result> sweepProperty() { return sweep.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty sweepingProperty() { return sweeping.getReadOnlyProperty(); }
  /** There is a matrix, no sweep is running and the seed is a number. */
  public BooleanBinding canRunSweepProperty() { return canRunSweep; }
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
  /** The stability check of the chosen k is running; {@link #stabilityProgressProperty()} says how far. */
  public ReadOnlyBooleanProperty stabilityRunningProperty() { return stabilityRunning.getReadOnlyProperty(); }
  public ReadOnlyDoubleProperty stabilityProgressProperty() { return stabilityProgress; }
  /** Mean ARI across seeds and bootstrap samples per k (filled for the chosen k, and for all on request). */
  public ObservableMap<Integer, Double> getSweepStability() { return sweepStability; }
  public ScatterModel scatter() { return scatter; }
  /** The customer highlighted in the scatter (a lookup sets it), by id; null for none. */
  public StringProperty selectedCustomerProperty() { return scatter.selectedCustomerProperty(); }
  public Session session() { return session; }

  /**
   * How the view runs work after its next redraw (the stability check must never delay it); the default runs it
   * at once (tests, headless use).
   */
  public void setAfterRedraw(Consumer<Runnable> afterRedraw) { this.afterRedraw = afterRedraw; }

  // Commands

  /** Re-runs the k sweep over [kMin, kMax] on the current matrix (points and distinct rows in the background). */
  public void runSweep() {
    FeatureMatrix m = session.getMatrix();
    CustomerFeatures cf = session.getFeatures();
    if (m == null || cf == null || !seedValid.get()) return;
    message.set("");
    int lo = kMin.get(), hi = kMax.get(), rs = restarts.get();
    long sd = seed.get();
    int gen = ++sweepGeneration;
    sweepPoints.clear();
    sweepStability.clear();
    sweepStabilityJob.cancel();
    neighbourJob.cancel();
    neighbours.clear(); // frames of the old sweep would keep its matrix and solutions alive
    sweep.set(null);
    sweeping.set(true);
    Method chosenMethod = method.get();
    sweepJob.task(chosenMethod.label() + " sweep " + lo + "–" + hi, ctx -> {
          Points p = Points.of(m.scaled());
          int max = Math.min(hi, p.distinctRows());
          if (max < lo) throw new IllegalArgumentException("There are only " + p.distinctRows() + " distinct customers: lower k.");
          KSweep.Options so = Segmentation.sweepOptions(lo, max, rs, sd, Segmentation.ordering(cf));
          MethodSweep.Options mo = MethodChoice.of(chosenMethod).sweepOptions(so, p.dimension());
          MethodSweep.Result ms = session.stages().sweep(p, mo,
              pt -> ctx.ui(() -> { if (gen == sweepGeneration) sweepPoints.add(pt); }), ctx.control(executor));
          return new Swept(p, so, ms, MethodChartData.of(ms, mo.dbscan().minPoints()));
        })
        .onSuccess(s -> {
          sweeping.set(false);
          KSweep.Result r = s.result().sweep();
          points = s.points();
          sweepOptions = s.options();
          methodSweep = s.result();
          methodNote.set(MethodNotes.of(s.result()));
          methodCharts.set(s.charts());
          kLowest.set(s.options().kMin());
          kHighest.set(s.options().kMax());
          sweep.set(r);
          sweepPoints.setAll(r.points());
          advice.set(advise(r));
          int chosen = Segmentation.pointFor(r, k.get()) != null ? k.get()
              : s.result().suggestedByBic().isPresent() ? s.result().suggestedByBic().getAsInt()
              : Segmentation.autoK(r, s.options().kMin());
          setKSilently(chosen);
          selectK(chosen);
        })
        .onFailure(e -> { sweeping.set(false); message.set(e.getMessage()); })
        .onCancelled(() -> { sweeping.set(false); message.set("Sweep cancelled: segments are from the last finished run."); })
        .start();
  }

  private record Swept(Points points, KSweep.Options options, MethodSweep.Result result, MethodChartData charts) {}

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

  /** Re-runs the stability check for the chosen k (10 seeds on bootstrap samples), with progress. */
  public void runStability() {
    if (frame == null || points == null) return;
    Points p = points;
    SegmentsFrame f = frame;
    KMeansResult s = f.solution();
    Stability.Options o = stabilityOptions(seed.get(), restarts.get());
    stabilityRunning.set(true);
    stabilityProgress.set(0);
    stabilityJob.task("Stability of k = " + s.k(), ctx -> Stability.run(p, s.k(), s.labels(), o, RunControl.of(executor, v -> {
          ctx.progress(v);
          ctx.ui(() -> { if (frame == f) stabilityProgress.set(v); });
        }, ctx.cancelledCheck())))
        .onSuccess(r -> {
          stabilityRunning.set(false);
          if (frame == f) {
            stability.set(r);
            sweepStability.put(s.k(), r.meanAri());
            publishLabels();
            prepareNeighbours(f);
          }
        })
        .onFailure(e -> { stabilityRunning.set(false); message.set("Stability check failed: " + e.getMessage()); })
        .onCancelled(() -> stabilityRunning.set(false))
        .start();
  }

  /** Stability (mean ARI over 10 seeds on bootstrap samples) for every k of the sweep, streamed k by k. */
  public void runSweepStability() {
    KSweep.Result r = sweep.get();
    if (r == null || points == null) return;
    Points p = points;
    Stability.Options o = stabilityOptions(seed.get(), restarts.get());
    sweepStabilityJob.task("Stability for every k", ctx -> {
          List<KSweep.Point> pts = r.points();
          for (int i = 0; i < pts.size(); i++) {
            KSweep.Point pt = pts.get(i);
            if (pt.k() < 2) continue;
            Stability.Result st = Stability.run(p, pt.k(), pt.solution().labels(), o, RunControl.of(executor, null, ctx.cancelledCheck()));
            int k0 = pt.k();
            ctx.ui(() -> { if (sweep.get() == r) sweepStability.put(k0, st.meanAri()); });
            ctx.progress((i + 1) / (double) pts.size());
          }
          return null;
        })
        .onSuccess(x -> { })
        .onFailure(e -> message.set("Stability check failed: " + e.getMessage()))
        .start();
  }

  private static Stability.Options stabilityOptions(long seed, int restarts) {
    return new Stability.Options(10, true, seed, restarts, Stability.UNSTABLE_BELOW);
  }

  private void selectK(int newK) {
    KSweep.Result r = sweep.get();
    if (r == null || points == null || newK < 1) return;
    if (newK > points.distinctRows()) {
      message.set("k (" + newK + ") is larger than the number of distinct customers (" + points.distinctRows() + ").");
      return;
    }
    if (Segmentation.pointFor(r, newK) == null && methodSweep != null && methodSweep.method() != Method.KMEANS) {
      message.set("k = " + newK + " is outside the " + methodSweep.method().label() + " sweep: widen the k range.");
      return;
    }
    FeatureMatrix m = session.getMatrix();
    CustomerFeatures cf = session.getFeatures();
    if (m == null || cf == null) return;
    Points p = points;
    KSweep.Options so = sweepOptions;
    KSweep.Point pt = Segmentation.pointFor(r, newK);
    ScatterModel.Axes axes = scatter.axesNow();
    stabilityJob.cancel();
    neighbourJob.cancel();
    Neighbour ready = neighbours.get(newK);
    if (pt != null && ready != null && fits(ready, pt, m, cf, axes)) {
      kJob.cancel(); // an older k still being computed would replace this one
      show(ready.frame());
      return;
    }
    kJob.task("Segmenting with k = " + newK, ctx -> {
          KMeansResult s = pt != null ? pt.solution() : fit(p, so, newK, ctx.cancelledCheck());
          return SegmentsFrame.compute(m, cf, s, pt, scatter, axes, ctx.cancelledCheck());
        })
        .onSuccess(this::show)
        .onFailure(e -> message.set(e.getMessage()))
        .start();
  }

  /** The solution for a k outside the sweep: the one place that knows the method (k-means today). */
  private KMeansResult fit(Points p, KSweep.Options so, int newK, BooleanSupplier cancelled) {
    return Segmentation.solutionFor(null, p, so, newK, RunControl.of(executor, null, cancelled));
  }

  /** Applies a computed frame: work of order k on the FX thread, then the stability check after the redraw. */
  private void show(SegmentsFrame f) {
    if (f.matrix() != session.getMatrix()) return;
    frame = f;
    carrier = carrier.apply(f.solution().centroids(), f.suggestedNames());
    stability.set(null);
    silhouetteBySegment.set(f.silhouettes());
    List<String> small = new ArrayList<>();
    for (int i = 0; i < f.k(); i++) if (SegmentAnalysis.isSmall(f.solution().size(i), f.matrix().rows())) small.add(String.valueOf(i));
    message.set(small.isEmpty() ? "" : "Segment" + (small.size() > 1 ? "s " : " ") + String.join(", ", small)
        + " hold" + (small.size() > 1 ? "" : "s") + " fewer than " + percent(SegmentAnalysis.SMALL_SHARE)
        + " of customers: a high silhouette can come from isolating a few extreme customers.");
    publishLabels();
    afterRedraw.accept(() -> whenIdle(f));
  }

  /**
   * Starts the stability check of {@code f} once no other job holds the status bar: started during a load, it
   * would take the bar's Cancel button from that load.
   */
  private void whenIdle(SegmentsFrame f) {
    if (frame != f) return;
    var running = async.monitor().runningProperty();
    if (!running.get()) {
      runStability();
      return;
    }
    running.addListener(new ChangeListener<Boolean>() {
      @Override public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
        if (now) return;
        running.removeListener(this);
        if (frame == f) runStability();
      }
    });
  }

  /**
   * Computes the frames of k - 1 and k + 1 (those in the sweep) in the background, after the stability check of
   * the frame shown, so that they never delay its redraw or its check; keeps them, and the frame shown, for the
   * next k change. Frames of other k are dropped (at 433,800 customers a frame holds tens of MB).
   */
  private void prepareNeighbours(SegmentsFrame f) {
    KSweep.Result r = sweep.get();
    FeatureMatrix m = session.getMatrix();
    CustomerFeatures cf = session.getFeatures();
    Points p = points;
    if (r == null || m == null || cf == null || p == null || f.matrix() != m) return;
    ScatterModel.Axes axes = scatter.axesNow();
    neighbours.keySet().removeIf(key -> Math.abs(key - f.k()) > 1);
    KSweep.Point own = Segmentation.pointFor(r, f.k());
    if (own != null && own.solution() == f.solution()) neighbours.put(f.k(), new Neighbour(f, axes));
    List<KSweep.Point> todo = new ArrayList<>();
    for (int nk : new int[] {f.k() - 1, f.k() + 1}) {
      KSweep.Point pt = nk >= 1 && nk <= p.distinctRows() ? Segmentation.pointFor(r, nk) : null;
      Neighbour have = neighbours.get(nk);
      if (pt != null && (have == null || !fits(have, pt, m, cf, axes))) todo.add(pt);
    }
    if (todo.isEmpty()) return;
    neighbourJob.task("Preparing k = " + todo.stream().map(t -> String.valueOf(t.k())).collect(java.util.stream.Collectors.joining(" and ")),
            ctx -> {
              List<SegmentsFrame> out = new ArrayList<>();
              for (KSweep.Point pt : todo) {
                out.add(SegmentsFrame.compute(m, cf, pt.solution(), pt, scatter, axes, ctx.cancelledCheck()));
              }
              return out;
            })
        .onSuccess(out -> {
          if (frame != f) return;
          for (SegmentsFrame n : out) neighbours.put(n.k(), new Neighbour(n, axes));
        })
        .onFailure(e -> { }) // only a head start: the k change computes the frame itself
        .start();
  }

  /** Whether a frame computed ahead is the one a k change would compute now. */
  private static boolean fits(Neighbour n, KSweep.Point pt, FeatureMatrix m, CustomerFeatures cf, ScatterModel.Axes axes) {
    SegmentsFrame f = n.frame();
    return f.matrix() == m && f.features() == cf && f.solution() == pt.solution() && n.axes().equals(axes);
  }

  /** The k whose frames are ready for a k change (for tests). */
  java.util.Set<Integer> readyKs() { return new java.util.TreeSet<>(neighbours.keySet()); }

  /** "1%" for 0.01. */
  static String percent(double share) {
    return String.format("%.0f%%", 100 * share);
  }

  private void publishLabels() {
    SegmentsFrame f = frame;
    if (f == null) return;
    List<SegmentLabel> labels = carrier.labels();
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    List<SegmentRow> out = new ArrayList<>();
    Stability.Result st = stability.get();
    int n = f.matrix().rows();
    for (int i = 0; i < f.k(); i++) {
      SegmentLabel l = labels.get(i);
      names.add(l.name());
      colours.add(l.colour());
      SegmentProfile p = f.analysis().profiles().segment(i);
      double[] means = new double[p.means().size()];
      for (int c = 0; c < means.length; c++) means[c] = p.means().get(c);
      out.add(new SegmentRow(i, l.name(), l.colour(), p.size(), p.customerShare(), p.revenueShare(), means,
          st == null ? Double.NaN : st.meanJaccard(i), SegmentAnalysis.isSmall(p.size(), n),
          f.analysis().names().get(i).description()));
    }
    rows.setAll(out);
    notes.setAll(carrier.notes().stream().map(CarryNote::message).toList());
    String[] c = colours.toArray(new String[0]);
    String[] nm = names.toArray(new String[0]);
    if (scatter.shows(f.solution())) scatter.relabel(c, nm);
    else scatter.show(f.matrix(), f.solution(), f.scatter().withSegments(c, nm));
    session.segmentationProperty().set(new SegmentationResult(f.features(), f.matrix(), sweepOptions, sweep.get(),
        f.k(), f.solution(), f.analysis(), st, names, colours).withFitted(MethodNotes.fitted(methodSweep, f.k())));
  }

  static String advise(KSweep.Result r) {
    String knee = r.elbowK().isPresent() ? String.valueOf(r.elbowK().getAsInt()) : null;
    String sil = r.bestSilhouetteK().isPresent() ? String.valueOf(r.bestSilhouetteK().getAsInt()) : null;
    if (knee == null && sil == null) return "No criterion suggests a k: choose one from the charts.";
    if (knee == null) return "Best silhouette at k = " + sil + "; the WCSS curve has no clear knee.";
    if (sil == null || knee.equals(sil)) return "The elbow (knee) and the silhouette agree: k = " + knee + ".";
    return "The elbow suggests k = " + knee + ", the silhouette k = " + sil + ": they disagree, so look at the profiles of both.";
  }

  private void parseSeed(String text) {
    try {
      seed.set(Long.parseLong(text == null ? "" : text.trim()));
      seedValid.set(true);
    } catch (NumberFormatException e) {
      seedValid.set(false);
    }
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
    kJob.cancel();
    stabilityJob.cancel();
    neighbourJob.cancel();
    neighbours.clear();
    sweepPoints.clear();
    sweep.set(null);
    rows.clear();
    frame = null;
    points = null;
    session.segmentationProperty().set(null);
    scatter.clear();
  }

  /**
   * Forgets what belonged to the previous file before another is opened: the analyst's names and colours (and
   * their notes), the chosen k (back to 4, the first run's) and the stability figures. The k range, restarts and
   * seed are the analyst's settings and stay.
   */
  public void forgetFileState() {
    carrier = NameCarrier.create();
    notes.clear();
    message.set("");
    stability.set(null);
    sweepStability.clear();
    setKSilently(4);
  }

  /** For tests and the status line: the current solution's k, or 0. */
  public int currentK() { return frame == null ? 0 : frame.k(); }

  Async async() { return async; }
}
