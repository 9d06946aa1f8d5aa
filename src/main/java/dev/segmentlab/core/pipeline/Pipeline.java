package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.ValueFeatures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run from a file to named segments, the composition of the {@link Stages}: load → clean → features → matrix
 * → sweep → choose k → analyse (→ stability).
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * @param rc threads the reader and k-means may use, progress 0..1 over the whole run, cancellation
   * @throws dev.segmentlab.core.data.DataException when the file cannot be used
   * @throws OptionException when an option does not fit the data (e.g. the k range above the customers)
   */
  public static PipelineResult run(Path file, PipelineOptions o, RunControl rc) {
    return run(file, o, Stages.plain(), rc);
  }

  /** {@link #run(Path, PipelineOptions, RunControl)} reporting each stage to {@code stages}' listener. */
  public static PipelineResult run(Path file, PipelineOptions o, Stages stages, RunControl rc) {
    return run(() -> stages.load(file, o.read(), rc.slice(0, 0.3)), o, stages, rc);
  }

  /** {@link #run(Path, PipelineOptions, RunControl)} from a database table or query. */
  public static PipelineResult run(DatabaseSource db, PipelineOptions o, Stages stages, RunControl rc) {
    return run(() -> stages.load(db, o.read(), rc.slice(0, 0.3)), o, stages, rc);
  }

  /** {@link #run(DatabaseSource, PipelineOptions, Stages, RunControl)} with the plain stages. */
  public static PipelineResult run(DatabaseSource db, PipelineOptions o, RunControl rc) {
    return run(db, o, Stages.plain(), rc);
  }

  /**
   * The customers as the clustering sees them: the load, clean, features and matrix stages (timed into
   * {@code t}), then the matrix's points. Shared by every method's run.
   */
  record Prepared(Dataset dataset, CleanedData cleaned, Stages.Features features, FeatureMatrix matrix,
      Points points) {}

  static Prepared prepare(Supplier<Dataset> load, PipelineOptions o, Stages stages, RunControl rc,
      Map<String, Double> t) {
    Dataset d = timed(t, "load", load);
    CleanedData cleaned = timed(t, "clean", () -> stages.clean(d, o.cleaning(), rc));
    if (cleaned == null) t.remove("clean");
    Stages.Features f = timed(t, "features", () -> withValue(stages.features(d, cleaned), cleaned, o.features()));
    FeatureMatrix m = timed(t, "matrix", () -> stages.matrix(f.features(), o.featureOptions(f.defaults())));
    rc.progress(0.35);
    return new Prepared(d, cleaned, f, m, Points.of(m.scaled()));
  }

  /** The features with CLV and P(alive) added when the run clusters on one of them (issue 21). */
  static Stages.Features withValue(Stages.Features f, CleanedData cleaned, java.util.List<String> wanted) {
    if (!ValueFeatures.wanted(wanted)) return f;
    return new Stages.Features(ValueFeatures.ensure(f.features(), cleaned, wanted), f.defaults());
  }

  private static PipelineResult run(Supplier<Dataset> load, PipelineOptions o, Stages stages, RunControl rc) {
    Map<String, Double> t = new LinkedHashMap<>();
    Prepared p = prepare(load, o, stages, rc, t);
    Dataset d = p.dataset();
    CleanedData cleaned = p.cleaned();
    Stages.Features f = p.features();
    FeatureMatrix m = p.matrix();
    Points points = p.points();
    int kMax = o.kMaxFor(points.distinctRows());
    KSweep.Options so = Segmentation.sweepOptions(o.kMin(), kMax, o.restarts(), o.seed(),
        Segmentation.ordering(f.features()));
    KSweep.Result sweep = timed(t, "sweep", () -> stages.sweep(points, so, null, rc.slice(0.35, 0.9)));
    KMeansResult s = timed(t, "solution", () -> stages.chooseK(sweep, o.k(), points, so, rc));
    SegmentationResult seg = timed(t, "profiles", () -> stages.analyse(f, m, so, sweep, s));
    if (o.stabilityRuns() > 0) {
      SegmentationResult unrated = seg;
      seg = timed(t, "stability", () -> stages.stability(unrated, points, o.stabilityRuns(), rc));
    }
    rc.progress(1);
    return new PipelineResult(d, cleaned, seg, t);
  }

  static <T> T timed(Map<String, Double> t, String stage, Supplier<T> s) {
    long t0 = System.nanoTime();
    T r = s.get();
    t.put(stage, (System.nanoTime() - t0) / 1e9);
    return r;
  }
}
