package dev.segmentlab.core.explore;

import java.util.Arrays;

/**
 * Summary statistics of a sample. Quantiles interpolate linearly between order statistics (the "type 7"
 * definition used by R and NumPy). All figures are {@code 0} for an empty sample.
 *
 * @param count number of values
 * @param sum sum of the values
 * @param mean arithmetic mean
 * @param min smallest value
 * @param q1 25th percentile
 * @param median 50th percentile
 * @param q3 75th percentile
 * @param p90 90th percentile
 * @param max largest value
 */
public record Summary(long count, double sum, double mean, double min, double q1, double median, double q3,
    double p90, double max) {

  /** Summary of {@code values} (not modified). */
  public static Summary of(double[] values) {
    if (values.length == 0) return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0);
    double[] s = values.clone();
    Arrays.sort(s);
    double sum = 0;
    for (double v : s) sum += v;
    return new Summary(s.length, sum, sum / s.length, s[0], quantile(s, 0.25), quantile(s, 0.5),
        quantile(s, 0.75), quantile(s, 0.9), s[s.length - 1]);
  }

  /** Quantile {@code p} in [0, 1] of an ascending, non-empty array. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
