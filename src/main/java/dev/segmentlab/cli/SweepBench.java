package dev.segmentlab.cli;

import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Ordering;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.Segmentation;
import dev.segmentlab.core.pipeline.Stages;

/** The clustering stage of {@code bench}: k = 1..10 × 10 restarts with all four criteria, as the peer does. */
final class SweepBench {
  private SweepBench() {}

  static void run(BenchCommand bench, Stages stages, FeatureMatrix m) {
    Points p = bench.time("points", () -> Points.of(m.scaled()));
    KSweep.Options o = Segmentation.sweepOptions(1, 10, 10, 42, Ordering.BY_SIZE_DESC);
    bench.time("sweep", () -> stages.sweep(p, o, null, RunControl.on(Workers.pool())));
  }
}
