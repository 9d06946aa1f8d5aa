package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.model.DbscanModel;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.quality.CleanedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;

/**
 * {@link Pipeline}'s run with a choice of clustering method: the same stages, with the k sweep done by
 * {@link MethodSweep} and the chosen k's fitted model kept in the result ({@link SegmentationResult#fitted()}), so
 * that profiles, names, export and workspaces work for every method. k-means without a time budget gives
 * exactly {@link Pipeline#run}'s result.
 */
public final class MethodPipeline {
  private MethodPipeline() {}

  /**
   * @param result the run, as {@link Pipeline#run} returns it
   * @param sweep the method's sweep (criteria per k plus BIC/AIC, dendrogram, k-distances, restarts used)
   */
  public record Outcome(PipelineResult result, MethodSweep.Result sweep) {}

  /** The name DBSCAN's noise segment gets. */
  public static final String UNASSIGNED = "Unassigned";

  /**
   * @throws dev.segmentlab.core.data.DataException when the file cannot be used
   * @throws OptionException when an option does not fit the data
   */
  public static Outcome run(Path file, PipelineOptions o, MethodChoice method, Stages stages, RunControl rc) {
    return run(() -> stages.load(file, o.read(), rc.slice(0, 0.3)), o, method, stages, rc);
  }

  /**
   * {@link #run(Path, PipelineOptions, MethodChoice, Stages, RunControl)} from a database table or query.
   *
   * @throws dev.segmentlab.core.data.DataException when the rows cannot be read or used
   * @throws OptionException when an option does not fit the data
   */
  public static Outcome run(DatabaseSource db, PipelineOptions o, MethodChoice method, Stages stages, RunControl rc) {
    return run(() -> stages.load(db, o.read(), rc.slice(0, 0.3)), o, method, stages, rc);
  }

  private static Outcome run(Supplier<Dataset> load, PipelineOptions o, MethodChoice method, Stages stages,
      RunControl rc) {
    Map<String, Double> t = new LinkedHashMap<>();
    Pipeline.Prepared p = Pipeline.prepare(load, o, stages, rc, t);
    Dataset d = p.dataset();
    CleanedData cleaned = p.cleaned();
    Stages.Features f = p.features();
    FeatureMatrix m = p.matrix();
    Points points = p.points();
    int fittedKMax = method.method() != Method.DBSCAN ? o.kMaxFor(points.distinctRows()) : o.kMax();
    // a k outside the range is swept too, so that every method's solution comes from the sweep
    int kMin = o.k() > 0 ? Math.min(o.kMin(), o.k()) : o.kMin();
    int kMax = o.k() > 0 ? Math.max(fittedKMax, o.k()) : fittedKMax;
    KSweep.Options so = Segmentation.sweepOptions(kMin, kMax, o.restarts(), o.seed(), Segmentation.ordering(f.features()));
    MethodSweep.Options mo = method.sweepOptions(so, m.dims());
    MethodSweep.Result ms = Pipeline.timed(t, "sweep", () -> stages.sweep(points, mo, null, rc.slice(0.35, 0.9)));
    KSweep.Result sweep = ms.sweep();
    int k = chooseK(ms, o.k(), kMin);
    KMeansResult s = sweep.at(k).solution();
    SegmentationResult seg = Pipeline.timed(t, "profiles", () -> stages.analyse(f, m, so, sweep, s));
    if (method.method() != Method.KMEANS || method.kMeansBudgetMillis() > 0) seg = seg.withFitted(ms.extra(k).model());
    if (ms.extra(k).model() instanceof DbscanModel dm && dm.unassignedSegment() >= 0) {
      List<String> names = new ArrayList<>(seg.names());
      names.set(dm.unassignedSegment(), UNASSIGNED);
      seg = seg.withLabels(names, seg.colours());
    }
    // stability re-runs k-means on resamples, which says nothing about another method's segments
    if (o.stabilityRuns() > 0 && method.method() == Method.KMEANS) {
      SegmentationResult unrated = seg;
      seg = Pipeline.timed(t, "stability", () -> stages.stability(unrated, points, o.stabilityRuns(), rc));
    }
    rc.progress(1);
    return new Outcome(new PipelineResult(d, cleaned, seg, t), ms);
  }

  /**
   * k as requested; else for DBSCAN the k it found, for mixtures the lowest BIC among ks without a degenerate
   * component (never a k chosen by the floor), and otherwise (or when every k is degenerate) the WCSS knee, the
   * best silhouette or the smallest k.
   */
  static int chooseK(MethodSweep.Result ms, int requested, int kMin) {
    if (ms.method() == Method.DBSCAN) return ms.sweep().points().get(0).k();
    if (requested > 0) return requested;
    if (ms.suggestedByBic().isPresent()) return ms.suggestedByBic().getAsInt();
    return Segmentation.autoK(ms.sweep(), kMin);
  }
}
