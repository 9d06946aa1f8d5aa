package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Stability;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.DatasetReader;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.CustomerTableFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.segments.SegmentAnalysis;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/** One run from a file to named segments: import → cleaning → features → k sweep → chosen k → profiles. */
public final class Pipeline {
  private Pipeline() {}

  /**
   * @param executor threads the reader and k-means may use (null = the calling thread only)
   * @param progress 0..1 over the whole run
   * @throws dev.segmentlab.core.data.DataException when the file cannot be used
   * @throws IllegalArgumentException when an option does not fit the data (e.g. k above the customers)
   */
  public static PipelineResult run(Path file, PipelineOptions o, Executor executor, DoubleConsumer progress,
      BooleanSupplier cancelled) {
    Map<String, Double> t = new LinkedHashMap<>();
    Dataset d = timed(t, "load", () -> DatasetReader.read(file, o.read(), executor, p -> progress.accept(0.3 * p), cancelled));
    CleanedData cleaned = null;
    CustomerFeatures cf;
    List<String> defaults;
    if (d.transactions() != null) {
      CleanedData c = timed(t, "clean", () -> Cleaner.clean(d.transactions(), o.cleaning(), cancelled));
      cleaned = c;
      cf = timed(t, "features", () -> RfmBuilder.build(c, null));
      defaults = RfmBuilder.RFM;
    } else {
      cf = timed(t, "features", () -> CustomerTableFeatures.build(d.customerTable(), d.idColumn(), List.of()));
      defaults = CustomerTableFeatures.numericColumns(d.customerTable(), d.idColumn());
    }
    CustomerFeatures features = cf;
    FeatureMatrix m = timed(t, "matrix", () -> FeatureMatrixBuilder.build(features, o.featureOptions(defaults)));
    progress.accept(0.35);
    Points points = Points.of(m.scaled());
    int kMax = o.fitKMax() ? Math.max(o.kMin(), Math.min(o.kMax(), points.distinctRows() - 1)) : o.kMax();
    if (kMax > points.distinctRows()) {
      throw new IllegalArgumentException("--k-max (" + kMax + ") is larger than the number of distinct customers ("
          + points.distinctRows() + "). Lower it.");
    }
    KSweep.Options so = Segmentation.sweepOptions(o.kMin(), kMax, o.restarts(), o.seed(), Segmentation.ordering(cf));
    KSweep.Result sweep = timed(t, "sweep", () -> KSweep.run(points, so, executor, null,
        p -> progress.accept(0.35 + 0.55 * p), cancelled));
    int k = o.k() == 0 ? Segmentation.autoK(sweep, o.kMin()) : o.k();
    KMeansResult s = timed(t, "solution", () -> Segmentation.solutionFor(sweep, points, so, k, executor, cancelled));
    SegmentAnalysis a = timed(t, "profiles", () -> Segmentation.analyse(features, m, s));
    Stability.Result st = null;
    if (o.stabilityRuns() > 0) {
      Stability.Options opt = new Stability.Options(o.stabilityRuns(), true, o.seed(), o.restarts(), 0.6);
      st = timed(t, "stability", () -> Stability.run(points, k, s.labels(), opt, executor, cancelled));
    }
    progress.accept(1);
    List<String> names = new java.util.ArrayList<>();
    for (var n : a.names()) names.add(n.name());
    SegmentationResult seg = new SegmentationResult(cf, m, so, sweep, k, s, a, st, names,
        dev.segmentlab.core.segments.SegmentPalette.colours(k));
    return new PipelineResult(d, cleaned, seg, t);
  }

  private static <T> T timed(Map<String, Double> t, String stage, Supplier<T> s) {
    long t0 = System.nanoTime();
    T r = s.get();
    t.put(stage, (System.nanoTime() - t0) / 1e9);
    return r;
  }
}
