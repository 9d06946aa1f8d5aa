package dev.segmentlab.core.pipeline;

import dev.segmentlab.Version;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.data.Role;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.Preparation;
import dev.segmentlab.core.model.KMeansModel;
import dev.segmentlab.core.model.SegmentModel;
import dev.segmentlab.core.segments.SegmentPalette;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.Returns;
import dev.segmentlab.core.quality.CleaningRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.cluster.Method;
import java.util.HashSet;

/**
 * Saves a run as a {@link Workspace} and runs a workspace again: the same file, mapping, cleaning, features,
 * preparation, k range, k, seed and restarts give the same segments with the same ids (the pipeline's
 * numbering is deterministic), to which the saved names and colours are applied.
 *
 * <p>The workspace also keeps the fitted centre/scale of every feature and the centroids
 * ({@link Workspace.Model}), so that {@link SegmentAssigner} can place new customers without the original input.
 *
 * <pre>{@code
 * Workspace ws = WorkspaceRunner.capture(result.segmentation(), result.dataset(), result.cleaned(), fp, Instant.now());
 * WorkspaceRunner.Outcome again = WorkspaceRunner.run(ws, 0, RunControl.on(executor));
 * if (again.inputChanged()) warn(again.warning());
 * }</pre>
 */
public final class WorkspaceRunner {
  private WorkspaceRunner() {}

  /**
   * A workspace run.
   *
   * @param result the run, with the workspace's names and colours
   * @param inputChanged whether the input's SHA-256 differs from the saved one (false when none was saved)
   * @param reproduced whether the centroids equal the saved ones (true when the workspace saved none)
   * @param warning a sentence for the analyst when the input changed or the segments differ, else {@code null}
   */
  public record Outcome(PipelineResult result, boolean inputChanged, boolean reproduced, String warning) {}

  /**
   * The workspace of a run.
   *
   * @param input the input's fingerprint, or {@code null} when not computed (the run then cannot tell later
   *     whether the file changed)
   */
  public static Workspace capture(SegmentationResult seg, Dataset dataset, CleanedData cleaned, FileFingerprint input,
      Instant savedAt) {
    FeatureMatrix m = seg.matrix();
    Map<String, String> transforms = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int f = 0; f < m.dims(); f++) {
      transforms.put(m.features().get(f), m.transforms().get(f).label());
      weights.put(m.features().get(f), m.weights()[f]);
    }
    Map<Integer, String> names = new LinkedHashMap<>();
    Map<Integer, String> colours = new LinkedHashMap<>();
    for (int s = 0; s < seg.k(); s++) {
      names.put(s, seg.names().get(s));
      colours.put(s, seg.colours().get(s));
    }
    Workspace.Builder b = Workspace.builder();
    if (dataset.database() != null) b.inputDatabase(database(dataset.database()));
    else b.input(dataset.source(), input);
    b
        .sheet(dataset.report().sheet())
        .columnMapping(dataset.mapping() == null ? Map.of() : dataset.mapping().asMap())
        .features(m.features())
        .transforms(transforms)
        .scaling(m.scaling().label())
        .weights(weights)
        .k(seg.sweepOptions().kMin(), seg.sweepOptions().kMax(), seg.k())
        .seed(seg.sweepOptions().kMeans().seed())
        .restarts(seg.sweepOptions().kMeans().restarts())
        .segmentNames(names)
        .segmentColours(colours)
        .appVersion(Version.get())
        .savedAt(savedAt)
        .model(workspaceModel(seg.model()));
    if (cleaned != null) {
      Map<String, Boolean> rules = new LinkedHashMap<>();
      for (CleaningRule r : CleaningRule.values()) rules.put(r.key(), cleaned.options().isOn(r));
      b.cleaningRules(rules).nonProductCodes(cleaned.options().nonProductCodes());
      b.returns(cleaned.options().returns().key());
    }
    return b.build();
  }

  /**
   * The fitted model a workspace saved: its preparation, centroids, names and colours.
   *
   * @throws IllegalArgumentException when the workspace has no saved model (saved by an older SegmentLab)
   */
  public static SegmentModel model(Workspace ws) {
    Workspace.Model m = ws.model();
    if (m == null) {
      throw new IllegalArgumentException("This workspace has no saved centroids (it was saved by an older SegmentLab);"
          + " run it with 'segment --workspace' and save it again.");
    }
    List<Transform> transforms = new ArrayList<>();
    for (String t : m.transforms()) transforms.add(Transform.parse(t));
    Preparation prep = new Preparation(m.features(), transforms, m.center(), m.scale(), m.weights(),
        Scaling.parse(m.scaling()));
    List<String> names = new ArrayList<>(), colours = new ArrayList<>(), descriptions = new ArrayList<>();
    for (int s = 0; s < m.k(); s++) {
      names.add(ws.segmentNames().getOrDefault(s, "Segment " + s));
      colours.add(ws.segmentColours().getOrDefault(s, SegmentPalette.colour(s)));
      descriptions.add("");
    }
    return new SegmentModel(prep, FittedModels.of(m), names, colours, descriptions);
  }

  /** A fitted model as a workspace stores it (k-means centroids). */
  static Workspace.Model workspaceModel(SegmentModel model) {
    Preparation p = model.preparation();
    List<String> transforms = new ArrayList<>();
    for (Transform t : p.transforms()) transforms.add(t.label());
    return new Workspace.Model(p.features(), transforms, p.scaling().label(), p.center(), p.scale(), p.weights(),
        model.clustering().centres(), model.clustering().method(), FittedModels.parameters(model.clustering()));
  }

  /** The reader options of a workspace: its sheet and its column mapping (none saved: detect). */
  public static ReadOptions readerOptions(Workspace ws) {
    Map<Role, String> mapping = null;
    if (!ws.columnMapping().isEmpty()) {
      mapping = new EnumMap<>(Role.class);
      for (Map.Entry<String, String> e : ws.columnMapping().entrySet()) {
        try {
          mapping.put(Role.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue());
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("The workspace maps an unknown role '" + e.getKey() + "'.");
        }
      }
    }
    return new ReadOptions(ws.sheet(), mapping, null);
  }

  /** The cleaning options of a workspace; the defaults when it saved no rules (customer table, older file). */
  public static CleaningOptions cleaningOptions(Workspace ws) {
    if (ws.cleaningRules().isEmpty()) return CleaningOptions.defaults();
    Set<CleaningRule> on = EnumSet.noneOf(CleaningRule.class);
    ws.cleaningRules().forEach((key, enabled) -> {
      if (enabled) on.add(CleaningRule.parse(key));
    });
    // a workspace saved before the returns choice existed dropped cancellations: replay it that way
    Returns returns = ws.returns() == null ? Returns.DROP : Returns.parse(ws.returns());
    return new CleaningOptions(on, ws.nonProductCodes(), returns);
  }

  /**
   * The pipeline options that repeat a workspace.
   *
   * @param stabilityRuns re-runs for stability (not saved in a workspace), 0 = skip
   * @throws IllegalArgumentException when the workspace uses something the pipeline cannot run: a different
   *     transform per feature, or feature weights other than 1 (PipelineOptions carries one transform and no
   *     weights)
   */
  public static PipelineOptions options(Workspace ws, int stabilityRuns) {
    Set<String> kinds = new HashSet<>(ws.transforms().values());
    if (kinds.size() > 1) {
      throw new IllegalArgumentException("This workspace uses a different transform per feature " + ws.transforms()
          + ", which the pipeline cannot repeat yet.");
    }
    for (Map.Entry<String, Double> w : ws.weights().entrySet()) {
      if (w.getValue() != 1.0) {
        throw new IllegalArgumentException("This workspace weights " + w.getKey() + " by " + w.getValue()
            + ", which the pipeline cannot repeat yet.");
      }
    }
    Transform t = kinds.isEmpty() ? Transform.LOG1P : Transform.parse(kinds.iterator().next());
    Scaling s = ws.scaling() == null ? Scaling.STANDARD : Scaling.parse(ws.scaling());
    return new PipelineOptions(readerOptions(ws), cleaningOptions(ws), ws.features(), t, s, ws.kMin(), ws.kMax(),
        ws.k(), ws.restarts(), ws.seed(), stabilityRuns);
  }

  /**
   * A workspace's input, read again: what the app needs to restore the steps, which then compute the rest.
   *
   * @param dataset the saved input as read now, with the saved mapping
   * @param inputChanged whether the input's SHA-256 differs from the saved one (false when none was saved)
   * @param warning a sentence for the analyst when the input changed, else {@code null}
   */
  public record Opened(Dataset dataset, boolean inputChanged, String warning) {}

  /**
   * Reads a workspace's input (the load stage only) and checks whether it changed since the workspace was saved.
   *
   * @param password the database password of a workspace that reads a database (never saved in it), else ignored
   * @param rc progress 0..1 (the first 5 % checks a file's hash)
   * @throws ExportException when the input file is gone or unreadable (the message names it)
   * @throws dev.segmentlab.core.data.DataException when the input can no longer be used as saved
   */
  public static Opened open(Workspace ws, String password, Stages stages, RunControl rc) throws ExportException {
    if (ws.inputDatabase() != null) {
      return new Opened(stages.load(database(ws, password), readerOptions(ws), rc), false, null);
    }
    Path input = existingInput(ws);
    boolean changed = inputChanged(ws, input, rc.slice(0, 0.05));
    Dataset d = stages.load(input, readerOptions(ws), rc.slice(0.05, 1));
    return new Opened(d, changed, changed ? changedWarning(input) : null);
  }

  /** {@link #open(Workspace, String, Stages, RunControl)} of a file workspace. */
  public static Opened open(Workspace ws, Stages stages, RunControl rc) throws ExportException {
    return open(ws, null, stages, rc);
  }

  /**
   * Runs a workspace on its saved input (a file, or a database with the password given now).
   *
   * @param password the database password, or null (ignored for a file workspace)
   * @param rc progress 0..1 (the first 5 % checks a file's hash)
   * @throws ExportException when the input file is gone or unreadable (the message names it)
   * @throws dev.segmentlab.core.data.DataException when the input can no longer be used as saved (one message,
   *     never holding the password)
   * @throws IllegalArgumentException as {@link #options}
   */
  public static Outcome run(Workspace ws, String password, int stabilityRuns, RunControl rc) throws ExportException {
    PipelineOptions o = options(ws, stabilityRuns);
    boolean changed = false;
    Path input = null;
    PipelineResult r;
    if (ws.inputDatabase() != null) {
      r = Pipeline.run(database(ws, password), o, Stages.plain(), rc);
    } else {
      input = existingInput(ws);
      changed = inputChanged(ws, input, rc.slice(0, 0.05));
      MethodChoice method = ws.model() == null ? null : methodChoice(ws.model());
      r = method == null ? Pipeline.run(input, o, Stages.plain(), rc.slice(0.05, 1))
          : MethodPipeline.run(input, o, method, Stages.plain(), rc.slice(0.05, 1)).result();
    }
    SegmentationResult seg = r.segmentation();
    List<String> names = new ArrayList<>(seg.names());
    List<String> colours = new ArrayList<>(seg.colours());
    for (int s = 0; s < seg.k(); s++) {
      names.set(s, ws.segmentNames().getOrDefault(s, names.get(s)));
      colours.set(s, ws.segmentColours().getOrDefault(s, colours.get(s)));
    }
    PipelineResult named = new PipelineResult(r.dataset(), r.cleaned(), seg.withLabels(names, colours), r.timings());
    boolean reproduced = reproduces(ws, seg);
    String warning = null;
    if (changed) {
      warning = changedWarning(input);
    } else if (!reproduced) {
      warning = ws.inputDatabase() != null ? MOVED_DATABASE_WARNING : MOVED_WARNING;
    }
    return new Outcome(named, changed, reproduced, warning);
  }

  /** The method a workspace's model was fitted with, or null for k-means (run as before). */
  static MethodChoice methodChoice(Workspace.Model m) {
    Method method = Method.parse(m.methodKey());
    if (method == Method.KMEANS) return null;
    MethodChoice c = MethodChoice.of(method);
    Workspace.Fitted f = m.fitted();
    if (f == null) return c;
    if (f.covariance() != null) c = c.withCovariance(GaussianMixture.Covariance.parse(f.covariance()));
    if (f.covarianceFloor() != null) c = c.withCovarianceFloor(f.covarianceFloor());
    if (f.eps() != null) c = c.withDbscan(f.eps(), 0);
    return c;
  }

  /** {@link #run(Workspace, String, int, RunControl)} of a file workspace. */
  public static Outcome run(Workspace ws, int stabilityRuns, RunControl rc) throws ExportException {
    return run(ws, null, stabilityRuns, rc);
  }

  /** Said when the segments of a reopened workspace are not the saved ones. */
  public static final String MOVED_WARNING =
      "The segments differ from the saved ones (centroids moved); check the names before using them.";

  private static final String MOVED_DATABASE_WARNING = "The segments differ from the saved ones (the rows in the "
      + "database changed, or the centroids moved); check the names before using them.";

  /** Whether {@code seg} has the workspace's saved centroids (true when it saved none). */
  public static boolean reproduces(Workspace ws, SegmentationResult seg) {
    return ws.model() == null || close(ws.model().centroids(), seg.clustering().centres());
  }

  private static Path existingInput(Workspace ws) throws ExportException {
    Path input = Path.of(ws.inputPath());
    if (!Files.isRegularFile(input)) {
      throw new ExportException("The workspace's input " + input + " does not exist any more; put the file back "
          + "or open it and segment it again.");
    }
    return input;
  }

  private static boolean inputChanged(Workspace ws, Path input, RunControl rc) throws ExportException {
    FileFingerprint saved = ws.inputFingerprint();
    if (saved == null) return false;
    return !FileFingerprint.of(input, RunControl.of(null, rc.progressSink(), rc.cancelledCheck())).equals(saved);
  }

  private static String changedWarning(Path input) {
    return input.getFileName() + " has changed since the workspace was saved (its SHA-256 differs); the "
        + "segments were computed again on the new content and the saved names applied by segment id.";
  }

  /** The database input of a workspace with a password, or null for a file workspace. */
  public static DatabaseSource database(Workspace ws, String password) {
    Workspace.Database d = ws.inputDatabase();
    if (d == null) return null;
    return new DatabaseSource(d.url(), d.user(), password, d.driverJar() == null ? null : Path.of(d.driverJar()),
        d.table(), d.query());
  }

  /** What a workspace keeps of a database input: everything but the password. */
  static Workspace.Database database(DatabaseSource db) {
    return new Workspace.Database(db.safeUrl(), db.user(),
        db.driverJar() == null ? null : db.driverJar().toAbsolutePath().toString(), db.table(), db.query());
  }

  /** Same shape and every coordinate equal to 1e-9 (relative): parallel sums may differ in the last bits. */
  static boolean close(double[][] a, double[][] b) {
    if (a.length != b.length) return false;
    for (int i = 0; i < a.length; i++) {
      if (a[i].length != b[i].length) return false;
      for (int j = 0; j < a[i].length; j++) {
        if (Math.abs(a[i][j] - b[i][j]) > 1e-9 * Math.max(1, Math.abs(a[i][j]))) return false;
      }
    }
    return true;
  }
}
