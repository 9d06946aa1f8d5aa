package dev.segmentlab.app.bench;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.DatasetLoader;
import dev.segmentlab.app.Screens;
import dev.segmentlab.app.Step;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.app.segments.ScatterData;
import dev.segmentlab.core.features.Transform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The real app (scene, ViewModels, worker threads) driven through its controls on one file, timed from the
 * control's change to the pulse that shows the result. Each run: open the file, switch a cleaning rule, change a
 * transform, change k three times, drag the k slider over 20 steps, visit the seven steps, then export the
 * labeled customers to XLSX. A probe posts to the
 * FX thread every few milliseconds; the longest wait it sees is the longest the FX thread was busy. Beside each
 * wall-clock figure, {@code *_fx_cpu_ms} is the FX thread's CPU time over the same stretch: on a machine shared with
 * other work it says what the app itself asked of the FX thread.
 */
public final class UiTour {
  /** The figures in milliseconds, one per sample, by name ({@code open_ms}, …, {@code max_fx_stall_ms}). */
  public record Result(Map<String, List<Double>> samples, int rows, int customers) {}

  private final Path file;
  private final Consumer<String> log;
  private final StallProbe probe = new StallProbe();
  private final Map<String, List<Double>> samples = new LinkedHashMap<>();
  private CountingAsync async;
  private AppContext ctx;
  private Scene scene;
  private volatile String error;
  private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();
  /** Where the export step writes (the save dialog's answer), or null. */
  private volatile Path exportTarget;
  /** CPU time of the FX thread during the last timed action (less sensitive to a loaded machine than wall time). */
  private volatile double lastFxCpuMs;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private UiTour(Path file, Consumer<String> log) {
    this.file = file;
    this.log = log;
  }

  /**
   * Runs the tour {@code runs} times (needs a display: xvfb-run on servers).
   *
   * @throws IllegalStateException with the app's message if the file cannot be opened
   */
  public static Result run(Path file, int runs, Consumer<String> log) throws Exception {
    UiTour t = new UiTour(file, log);
    try {
      Platform.startup(() -> { });
    } catch (IllegalStateException already) {
      // the toolkit runs already
    }
    Platform.setImplicitExit(false);
    t.fx(() -> { t.start(); return null; });
    // as a person looks at the new window before opening a file, the tour starts once the app has built its screens
    t.warmedUp.get(5, TimeUnit.MINUTES);
    t.probe.start();
    for (int r = 1; r <= runs; r++) {
      t.probe.reset();
      t.once(r);
      t.sample("max_fx_stall_ms", t.probe.maxMs());
      t.sample("max_fx_stall_cpu_ms", t.probe.maxCpuMs());
    }
    t.probe.stop();
    int rows = t.fx(() -> t.ctx.session().getDataset().rows());
    int customers = t.fx(() -> t.ctx.session().getMatrix().rows());
    t.fx(() -> { ((Stage) t.scene.getWindow()).close(); return null; });
    return new Result(t.samples, rows, customers);
  }

  private void start() {
    FxAsync fx = new FxAsync(new TaskMonitor(), 2);
    async = new CountingAsync(fx);
    ctx = new AppContext(async, new Dialogs(), DatasetLoader.standard(), fx.executor(), null);
    scene = Screens.scene(ctx);
    Stage stage = new Stage();
    stage.setScene(scene);
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    Screens.prebuild(scene, () -> warmedUp.complete(null));
  }

  private void once(int run) throws Exception {
    step(Step.DATA);
    probe.phase("open");
    Object before = fx(() -> ctx.session().getDataset());
    double open = timed(() -> button("#openButton").fire(),
        () -> ctx.session().getDataset() != before && !((TableView<?>) scene.lookup("#previewTable")).getItems().isEmpty());
    sample("open_ms", open);
    settle();
    log.accept(String.format("run %d: open %.0f ms", run, open));

    step(Step.QUALITY);
    probe.phase("rule");
    Label left = (Label) scene.lookup("#rowsLeftLabel");
    String rowsBefore = fx(left::getText);
    ToggleSwitch dup = (ToggleSwitch) scene.lookup("#rule-duplicates");
    sample("rule_toggle_ms", timed(() -> dup.setSelected(!dup.isSelected()), () -> !left.getText().equals(rowsBefore)));
    settle();

    step(Step.FEATURES);
    probe.phase("transform");
    @SuppressWarnings("unchecked")
    ComboBox<Transform> monetary = (ComboBox<Transform>) scene.lookup("#transform-monetary");
    Object sweepBefore = fx(() -> ctx.segments().sweepProperty().get());
    Transform next = fx(() -> monetary.getValue() == Transform.LOG1P ? Transform.CBRT : Transform.LOG1P);
    sample("transform_ms", timed(() -> monetary.setValue(next), () -> {
      Object s = ctx.segments().sweepProperty().get();
      return s != null && s != sweepBefore && ctx.segments().currentK() > 0 && shown(ctx.segments().kProperty().get());
    }));
    settle();

    step(Step.SEGMENTS);
    @SuppressWarnings("unchecked")
    Spinner<Integer> spinner = (Spinner<Integer>) scene.lookup("#kSpinner");
    for (int target : new int[] {5, 3, 6}) {
      probe.phase("k " + target);
      int k = fx(() -> Math.max(ctx.segments().kLowestProperty().get(), Math.min(ctx.segments().kHighestProperty().get(), target)));
      sample("k_change_ms", timed(() -> spinner.getValueFactory().setValue(k), () -> shown(k)));
      settle();
    }
    probe.phase("drag");
    sample("slider_drag_ms", drag());
    settle();
    if (Boolean.getBoolean("segmentlab.phaseLog")) log.accept("nodes on the Segments step: " + fx(() -> nodeCounts()));

    for (Step s : Step.values()) {
      step(s);
      settle();
    }
    export(run);
    log.accept(String.format("run %d done: longest FX stall %.0f ms (by phase: %s); FX CPU within a stall %.0f ms at most (by phase: %s)",
        run, probe.maxMs(), probe.byPhase(), probe.maxCpuMs(), probe.cpuByPhase()));
  }

  /**
   * On the Export step: the labeled customers written to a new XLSX file (the default format), timed from the
   * click to the result shown; the file is deleted after.
   */
  private void export(int run) throws Exception {
    probe.phase("export");
    Path out = Files.createTempFile("segmentlab-bench-ui", ".xlsx");
    Files.delete(out);
    exportTarget = out;
    try {
      double ms = timed(() -> button("#exportButton").fire(), () -> !ctx.export().runningProperty().get()
          && (out.equals(ctx.export().lastWrittenProperty().get()) || !ctx.export().errorProperty().get().isEmpty()));
      String failed = fx(() -> ctx.export().errorProperty().get());
      if (!failed.isEmpty()) throw new IllegalStateException("the export failed: " + failed);
      sample("export_ms", ms);
      settle();
      log.accept(String.format("run %d: export %.0f ms (%,d bytes)", run, ms, Files.size(out)));
    } finally {
      exportTarget = null;
      Files.deleteIfExists(out);
    }
  }

  /**
   * 20 slider steps at 60 per second across the swept range, the thumb held (value changing) as in a drag; timed
   * from the release to the settled screen.
   */
  private double drag() throws Exception {
    Slider slider = (Slider) scene.lookup("#kSlider");
    int lo = fx(() -> (int) slider.getMin());
    int hi = fx(() -> (int) slider.getMax());
    int v = fx(() -> (int) Math.round(slider.getValue()));
    int dir = 1;
    Platform.runLater(() -> slider.setValueChanging(true)); // the thumb is pressed
    for (int i = 0; i < 19; i++) {
      if (v + dir > hi || v + dir < lo) dir = -dir;
      v += dir;
      int value = v;
      Platform.runLater(() -> slider.setValue(value));
      Thread.sleep(16);
    }
    if (v + dir > hi || v + dir < lo) dir = -dir;
    int last = v + dir;
    return timed(() -> { slider.setValue(last); slider.setValueChanging(false); }, () -> shown(last));
  }

  /** The Segments step shows k whole: table, scatter and profiles (FX thread). */
  private boolean shown(int k) {
    ScatterData d = ctx.segments().scatter().dataProperty().get();
    return ctx.segments().currentK() == k && ctx.segments().getRows().size() == k && d != null && d.k() == k
        && ctx.profiles().getRows().size() == k + 1;
  }

  /** How many nodes the scene holds, in all and under each child of the main root (to find what weighs). */
  private String nodeCounts() {
    StringBuilder b = new StringBuilder("all " + count(scene.getRoot()));
    for (Node n : ((javafx.scene.Parent) scene.getRoot()).getChildrenUnmodifiable()) {
      b.append(", ").append(n.getId() == null ? n.getClass().getSimpleName() : n.getId()).append(' ').append(count(n));
    }
    javafx.scene.Node center = ((javafx.scene.layout.BorderPane) scene.getRoot()).getCenter();
    if (center instanceof javafx.scene.Parent p) biggest(p, b, 0);
    return b.toString();
  }

  private static void biggest(javafx.scene.Parent p, StringBuilder b, int depth) {
    for (Node n : p.getChildrenUnmodifiable()) {
      int c = count(n);
      if (c > 300) {
        b.append("\n").append("  ".repeat(depth + 1)).append(n.getId() == null ? n.getClass().getSimpleName() : "#" + n.getId())
            .append(' ').append(c).append(n.isVisible() ? "" : " (hidden)");
        if (n instanceof javafx.scene.Parent q && depth < 8) biggest(q, b, depth + 1);
      }
    }
  }

  private static int count(Node n) {
    int c = 1;
    if (n instanceof javafx.scene.Parent p) for (Node k : p.getChildrenUnmodifiable()) c += count(k);
    return c;
  }

  /** Clicks a step's button; returns once the step's screen has been laid out (skins built, lookups work). */
  private void step(Step s) throws Exception {
    probe.phase("step " + s.title());
    timed(() -> { if (ctx.main().getStep() != s) button("#step" + s.title()).fire(); }, () -> true);
    timed(() -> { }, () -> true);
    if (Boolean.getBoolean("segmentlab.phaseLog")) {
      log.accept("nodes on the " + s.title() + " step: " + fx(() -> count(((javafx.scene.layout.BorderPane) scene.getRoot()).getCenter())));
    }
    if (Boolean.getBoolean("segmentlab.controlLog")) {
      log.accept("new controls on the " + s.title() + " step: " + fx(() -> newControls(scene.getRoot())));
    }
  }

  /** Every control seen so far at a step's visit, by the control holding it (e.g. "TableView#segmentsTable"). */
  private final java.util.Map<String, java.util.Set<Node>> seen = new java.util.HashMap<>();

  /**
   * With -Dsegmentlab.controlLog, the controls on the screen that were not there at an earlier visit, by the control
   * holding them, e.g. "TableView#segmentsTable 39/157" (new cells): new controls are skinned and styled during the
   * visit, the usual cause of a long stall there.
   */
  private String newControls(Node root) {
    java.util.Map<String, java.util.List<Node>> by = new java.util.TreeMap<>();
    walk(root, "?", by);
    StringBuilder b = new StringBuilder();
    for (var e : by.entrySet()) {
      java.util.Set<Node> old = seen.computeIfAbsent(e.getKey(), k -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
      long fresh = e.getValue().stream().filter(n -> !old.contains(n)).count();
      old.addAll(e.getValue());
      if (fresh > 0) b.append(e.getKey()).append(' ').append(fresh).append('/').append(e.getValue().size()).append("; ");
    }
    return b.toString();
  }

  private static void walk(Node n, String owner, java.util.Map<String, java.util.List<Node>> by) {
    if (n.getId() != null) owner = "#" + n.getId();
    if (n instanceof javafx.scene.control.Control) {
      by.computeIfAbsent(owner + " " + n.getClass().getSimpleName(), k -> new java.util.ArrayList<>()).add(n);
    }
    if (n instanceof javafx.scene.Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, owner, by);
  }

  private ButtonBase button(String id) {
    Node n = scene.lookup(id);
    if (n == null) throw new IllegalStateException("no control " + id + " on the screen");
    return (ButtonBase) n;
  }

  /**
   * Runs {@code action} on the FX thread and returns the milliseconds until the first pulse at which {@code done}
   * holds (checked after each pulse's layout, i.e. as it is drawn).
   */
  private double timed(Runnable action, BooleanSupplier done) throws Exception {
    CompletableFuture<Double> result = new CompletableFuture<>();
    long[] t0 = new long[2];
    Runnable[] check = new Runnable[1];
    check[0] = () -> {
      if (!result.isDone() && done.getAsBoolean()) {
        scene.removePostLayoutPulseListener(check[0]);
        lastFxCpuMs = (CPU.getCurrentThreadCpuTime() - t0[1]) / 1e6;
        result.complete((System.nanoTime() - t0[0]) / 1e6);
      }
    };
    Platform.runLater(() -> {
      scene.addPostLayoutPulseListener(check[0]);
      t0[1] = CPU.getCurrentThreadCpuTime();
      t0[0] = System.nanoTime();
      action.run();
      Platform.requestNextPulse();
    });
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
    while (!result.isDone()) {
      if (error != null) throw new IllegalStateException(error);
      if (System.nanoTime() > deadline) throw new IllegalStateException("the screen did not show the result in 20 minutes");
      Thread.sleep(5);
      Platform.runLater(Platform::requestNextPulse); // a result that changes no node still gets its pulse
    }
    return result.get();
  }

  /** Waits until no job is in flight for 100 ms. */
  private void settle() throws Exception {
    int quiet = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (quiet < 10) {
      if (error != null) throw new IllegalStateException(error);
      if (System.nanoTime() > deadline) throw new IllegalStateException("the app did not settle in 30 minutes");
      Thread.sleep(10);
      quiet = fx(() -> async.inFlight()) == 0 ? quiet + 1 : 0;
    }
  }

  private void sample(String name, double ms) {
    samples.computeIfAbsent(name, n -> new ArrayList<>()).add(ms);
    if (!name.startsWith("max_")) {
      samples.computeIfAbsent(name.replace("_ms", "_fx_cpu_ms"), n -> new ArrayList<>()).add(lastFxCpuMs);
    }
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        f.complete(c.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    });
    return f.get(30, TimeUnit.MINUTES);
  }

  /** Answers the open dialog with the file; an error ends the tour with its message. */
  private final class Dialogs implements DialogService {
    @Override public Optional<Path> chooseOpenFile(String title, List<String> extensions) { return Optional.of(file); }
    @Override public Optional<Path> chooseSaveFile(String title, String initialName, List<String> extensions) {
      return Optional.ofNullable(exportTarget);
    }
    @Override public Optional<Path> chooseFolder(String title) { return Optional.empty(); }
    @Override public void showError(String title, String message) { error = title + ": " + message; }
    @Override public void showInfo(String title, String message) { log.accept(message); }
    @Override public boolean confirm(String title, String message) { return true; }
    @Override public Optional<String> choose(String title, String message, List<String> options, String initial) {
      return Optional.ofNullable(initial);
    }
  }
}
