package dev.segmentlab.cli;

import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Ordering;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.Segmentation;

/** The clustering stage of {@code bench}: k = 1..10 × 10 restarts with all four criteria, as the peer does. */
final class SweepBench {
  private SweepBench() {}

  static void run(BenchCommand bench, FeatureMatrix m) {
    Points p = bench.time("points", () -> Points.of(m.scaled()));
    KSweep.Options o = Segmentation.sweepOptions(1, 10, 10, 42, Ordering.BY_SIZE_DESC);
    bench.time("sweep", () -> KSweep.run(p, o, Workers.pool(), null, x -> { }, () -> false));
  }
}
