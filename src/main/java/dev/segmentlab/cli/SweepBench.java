package dev.segmentlab.cli;

import dev.segmentlab.core.features.FeatureMatrix;

/** The clustering stage of {@code bench}; filled in when the k sweep lands. */
final class SweepBench {
  private SweepBench() {}

  static void run(BenchCommand bench, FeatureMatrix m) {
    // no-op until core.cluster is merged
  }
}
