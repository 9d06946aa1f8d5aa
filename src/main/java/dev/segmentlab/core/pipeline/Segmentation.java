package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.cluster.KMeans;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Ordering;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Silhouette;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentInput;

/**
 * The clustering part of the pipeline, shared by the CLI and the Segments step: how a feature matrix becomes
 * points, how segments are numbered, and how a solution becomes a profiled, named analysis.
 */
public final class Segmentation {
  private Segmentation() {}

  /**
   * Segment numbering: in transactions mode segment 0 has the highest mean monetary (so ids and colours stay put
   * between runs and the best customers come first); in customer-table mode the largest segment is 0.
   */
  public static Ordering ordering(CustomerFeatures cf) {
    return cf.has("monetary") ? Ordering.byKeyDesc(cf.column("monetary")) : Ordering.BY_SIZE_DESC;
  }

  /** Sweep options for a k range with the given restarts, seed and numbering. */
  public static KSweep.Options sweepOptions(int kMin, int kMax, int restarts, long seed, Ordering ordering) {
    KMeans.Options km = KMeans.Options.of(Math.max(1, kMin)).withRestarts(restarts).withSeed(seed).withOrdering(ordering);
    return new KSweep.Options(kMin, kMax, km, Silhouette.Options.defaults());
  }

  /** The solution for k: from the sweep when it covers k, else fitted now with the sweep's settings. */
  public static KMeansResult solutionFor(KSweep.Result sweep, Points points, KSweep.Options o, int k,
      RunControl rc) {
    KSweep.Point p = sweep == null ? null : pointFor(sweep, k);
    return p != null ? p.solution() : KMeans.fit(points, o.kMeans().withK(k), rc.withoutProgress());
  }

  /** The sweep's point for k, or null when k was not swept ({@link KSweep.Result#at} throws instead). */
  public static KSweep.Point pointFor(KSweep.Result sweep, int k) {
    for (KSweep.Point p : sweep.points()) if (p.k() == k) return p;
    return null;
  }

  /** The k that {@code auto} means: the knee of the WCSS curve, else the best silhouette, else kMin. */
  public static int autoK(KSweep.Result sweep, int kMin) {
    if (sweep.elbowK().isPresent()) return sweep.elbowK().getAsInt();
    if (sweep.bestSilhouetteK().isPresent()) return sweep.bestSilhouetteK().getAsInt();
    return kMin;
  }

  /** Profiles, charts and suggested names of a solution. */
  public static SegmentAnalysis analyse(CustomerFeatures cf, FeatureMatrix m, KMeansResult s) {
    String[] names = m.features().toArray(new String[0]);
    SegmentInput in;
    if (cf.snapshot() != null) {
      in = new SegmentInput(SegmentInput.Mode.TRANSACTIONS, m.ids(), s.labels(), s.k(), names, m.raw(), m.scaled(),
          s.centroids(), cf.column("monetary"), cf.countries());
    } else {
      in = SegmentInput.forCustomerTable(m.ids(), s.labels(), s.k(), names, m.raw(), m.scaled(), s.centroids());
    }
    return SegmentAnalysis.of(in);
  }
}
