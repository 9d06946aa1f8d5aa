package dev.segmentlab.app.segments;

import dev.segmentlab.core.cluster.Stability;
import dev.segmentlab.core.segments.SegmentAnalysis;

/**
 * The Segments step's names for its figures, written once: the partition's stability is always "mean ARI", a
 * segment's always "mean Jaccard"; the thresholds come from the core.
 */
final class SegmentsText {
  private SegmentsText() {}

  /** Per segment: mean Jaccard of its best match across re-runs. */
  static final String JACCARD = "mean Jaccard";
  /** Per k: mean Adjusted Rand Index of the whole partition across re-runs. */
  static final String ARI = "mean ARI";
  static final String JACCARD_HELP = "Stability of the segment: " + JACCARD + " of its best match across 10 re-runs"
      + " with other seeds on bootstrap samples; below " + Stability.UNSTABLE_BELOW + " it is unstable";
  static final String ARI_TITLE = "Stability: " + ARI + " across seeds (higher is better)";

  /** "⚠ < 1%", "unstable" or nothing. */
  static String flag(SegmentRow r) {
    if (r.small()) return "⚠ < " + SegmentsViewModel.percent(SegmentAnalysis.SMALL_SHARE);
    return r.stability() < Stability.UNSTABLE_BELOW ? "unstable" : "";
  }
}
