package dev.segmentlab.core.segments;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;

/** Small descriptive statistics shared by the profile, chart and naming code. */
final class Stats {
  private Stats() {}

  static double mean(double[] x) {
    return dev.segmentlab.core.quality.Stats.mean(x);
  }

  /**
   * Quantile of already sorted values by linear interpolation between order statistics (R type 7, Excel
   * QUARTILE.INC, NumPy's default), chosen because analysts will check our numbers in those tools: the same
   * definition the Quality step's box plots use, so one implementation serves both.
   */
  static double quantileSorted(double[] sorted, double p) {
    return dev.segmentlab.core.quality.Stats.quantile(sorted, p);
  }

  /**
   * The median, by the same definition as {@link #quantileSorted} (type 7), found by selection rather than by
   * sorting a copy: a k change at 433,800 customers takes a few dozen medians, and sorting for each was most of its
   * work. NaNs count as the largest values, as they would in a sorted copy.
   */
  static double median(double[] x) {
    if (x.length == 0) return Double.NaN;
    return new Percentile().withEstimationType(Percentile.EstimationType.R_7)
        .withNaNStrategy(NaNStrategy.MAXIMAL).evaluate(x, 50);
  }

  /**
   * Mid-rank percentile of {@code v} within sorted values: (count below + half the count equal) / n, in [0, 1].
   * Counting ties as half keeps a value that equals a large block of tied customers (e.g. "1 order") in the
   * middle of that block instead of at its top or bottom.
   */
  static double midRankPercentile(double[] sorted, double v) {
    int below = lowerBound(sorted, v);
    int notAbove = upperBound(sorted, v);
    return (below + 0.5 * (notAbove - below)) / sorted.length;
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Rows of {@code column} whose label is {@code segment}. */
  static double[] select(double[] column, int[] labels, int segment) {
    int count = 0;
    for (int l : labels) if (l == segment) count++;
    double[] out = new double[count];
    int at = 0;
    for (int i = 0; i < labels.length; i++) if (labels[i] == segment) out[at++] = column[i];
    return out;
  }
}
