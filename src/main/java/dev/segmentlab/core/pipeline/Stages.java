package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Stability;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.CustomerTableFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentPalette;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.methods.MethodSweep;

/**
 * The pipeline's stages, each with typed input and output: load → clean → features → matrix → sweep → choose k
 * → analyse. {@link Pipeline} composes them for the CLI, the benchmarks and workspaces; the app's steps call the
 * same stages one at a time, each step recomputing only what lies downstream of a change; {@link SegmentAssigner}
 * calls the first three and then a fitted {@link dev.segmentlab.core.model.SegmentModel}.
 *
 * <p>An instance carries a {@link Listener} told of every stage started (the app counts them to prove that
 * opening a workspace computes each stage once); {@link #plain()} tells no one.
 */
public final class Stages {
  /** The stages, in pipeline order. */
  public enum Stage { LOAD, CLEAN, FEATURES, MATRIX, SWEEP, CHOOSE_K, ANALYSE, STABILITY }

  /** Told when a stage starts; called on the thread that runs it. */
  @FunctionalInterface
  public interface Listener {
    void started(Stage stage);
  }

  /**
   * A customer table or the customers of cleaned transactions.
   *
   * @param features every feature per customer, original units
   * @param defaults the features clustered when the analyst chose none (RFM, or a table's numeric columns)
   */
  public record Features(CustomerFeatures features, List<String> defaults) {
    public Features {
      Objects.requireNonNull(features, "features");
      defaults = List.copyOf(defaults);
    }
  }

  /** How the load stage reads a file; the data front door unless a caller (the CLI's read-ahead) knows better. */
  @FunctionalInterface
  public interface FileLoader {
    Dataset load(Path file, ReadOptions options, RunControl rc);
  }

  private static final FileLoader FRONT_DOOR =
      (file, options, rc) -> Datasets.read(file, options, RunControl.of(rc.executor(), rc.progressSink(), rc.cancelledCheck()));
  private static final Stages PLAIN = new Stages(s -> { });

  private final Listener listener;
  private final FileLoader files;

  public Stages(Listener listener) {
    this(listener, FRONT_DOOR);
  }

  /** Stages whose load stage reads files with {@code files}. */
  public Stages(Listener listener, FileLoader files) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.files = Objects.requireNonNull(files, "files");
  }

  /** Stages that report to no one. */
  public static Stages plain() {
    return PLAIN;
  }

  /**
   * Reads a file.
   *
   * @throws dev.segmentlab.core.data.DataException when the file cannot be used
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public Dataset load(Path file, ReadOptions options, RunControl rc) {
    listener.started(Stage.LOAD);
    return files.load(file, options, rc);
  }

  /**
   * Reads a database table or query.
   *
   * @throws dev.segmentlab.core.data.DataException with one message (never holding the password)
   */
  public Dataset load(DatabaseSource source, ReadOptions options, RunControl rc) {
    listener.started(Stage.LOAD);
    return Datasets.read(source, options, RunControl.of(rc.executor(), rc.progressSink(), rc.cancelledCheck()));
  }

  /** The rows the cleaning rules keep; {@code null} for a customer table (nothing to clean). */
  public CleanedData clean(Dataset d, CleaningOptions options, RunControl rc) {
    return d.transactions() == null ? null : clean(d.transactions(), options, rc);
  }

  /** The transactions the cleaning rules keep. */
  public CleanedData clean(Transactions tx, CleaningOptions options, RunControl rc) {
    listener.started(Stage.CLEAN);
    return Cleaner.clean(tx, options, rc.cancelledCheck());
  }

  /**
   * Per-customer features: RFM and the rest from cleaned transactions, or a customer table's columns.
   *
   * @param snapshot the "today" of recency for transactions (null = the day after the last cleaned invoice)
   * @param oneHot a customer table's categorical columns to expand (ignored for transactions)
   */
  public Features features(Dataset d, CleanedData cleaned, LocalDateTime snapshot, List<String> oneHot) {
    listener.started(Stage.FEATURES);
    if (d.transactions() != null) {
      Objects.requireNonNull(cleaned, "cleaned transactions");
      return new Features(RfmBuilder.build(cleaned, snapshot), RfmBuilder.RFM);
    }
    return new Features(CustomerTableFeatures.build(d.customerTable(), d.idColumn(), oneHot),
        CustomerTableFeatures.numericColumns(d.customerTable(), d.idColumn()));
  }

  /** The features with the mode's defaults (no snapshot, no one-hot columns). */
  public Features features(Dataset d, CleanedData cleaned) {
    return features(d, cleaned, null, List.of());
  }

  /** The clustered matrix: chosen features, transformed, scaled and weighted (the fitted preparation). */
  public FeatureMatrix matrix(CustomerFeatures cf, FeatureOptions options) {
    listener.started(Stage.MATRIX);
    return FeatureMatrixBuilder.build(cf, options);
  }

  /**
   * The k sweep.
   *
   * @param onPoint each k as it is done (any thread), or null
   * @throws IllegalArgumentException when kMax exceeds the distinct customers
   */
  public KSweep.Result sweep(Points points, KSweep.Options options, Consumer<KSweep.Point> onPoint, RunControl rc) {
    listener.started(Stage.SWEEP);
    return KSweep.run(points, options, onPoint, rc);
  }

  /** The k sweep of any method ({@link dev.segmentlab.core.methods.MethodSweep}). */
  public MethodSweep.Result sweep(Points points,
      MethodSweep.Options options, Consumer<KSweep.Point> onPoint, RunControl rc) {
    listener.started(Stage.SWEEP);
    return MethodSweep.run(points, options, onPoint, rc);
  }

  /**
   * Chooses k ({@code requested} when ≥ 1, else the knee, the best silhouette or kMin) and returns its solution:
   * the sweep's when the sweep covered k, else fitted now with the sweep's settings.
   *
   * @param sweep the sweep, or null to fit {@code requested} now
   */
  public KMeansResult chooseK(KSweep.Result sweep, int requested, Points points, KSweep.Options options,
      RunControl rc) {
    listener.started(Stage.CHOOSE_K);
    int k = requested > 0 ? requested : Segmentation.autoK(sweep, options.kMin());
    return Segmentation.solutionFor(sweep, points, options, k, rc);
  }

  /** Profiles, charts and suggested names of a solution, with the palette's colours. */
  public SegmentationResult analyse(Features f, FeatureMatrix m, KSweep.Options options, KSweep.Result sweep,
      KMeansResult s) {
    listener.started(Stage.ANALYSE);
    SegmentAnalysis a = Segmentation.analyse(f.features(), m, s);
    List<String> names = new ArrayList<>();
    for (SegmentName n : a.names()) names.add(n.name());
    return new SegmentationResult(f.features(), m, options, sweep, s.k(), s, a, null, names,
        SegmentPalette.colours(s.k()));
  }

  /** The same segments with their stability across re-runs (bootstrap resamples with other seeds). */
  public SegmentationResult stability(SegmentationResult seg, Points points, int runs, RunControl rc) {
    listener.started(Stage.STABILITY);
    KSweep.Options so = seg.sweepOptions();
    Stability.Options opt = new Stability.Options(runs, true, so.kMeans().seed(), so.kMeans().restarts(),
        Stability.UNSTABLE_BELOW);
    Stability.Result st = Stability.run(points, seg.k(), seg.labels(), opt, rc.withoutProgress());
    return seg.withStability(st);
  }
}
