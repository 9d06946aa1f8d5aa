package dev.segmentlab.core.explore;

import java.util.Arrays;

/**
 * Counts of values in contiguous bins. Bin {@code i} covers {@code [edges[i], edges[i+1])}, the last bin also
 * includes its upper edge. Values outside {@code [edges[0], edges[bins]]} are counted in {@code below} and
 * {@code above}, so a chart can show a long tail as one overflow bar.
 *
 * @param edges ascending bin edges, {@code bins + 1} of them
 * @param counts values per bin
 * @param below values below the first edge (for a logarithmic histogram: also every value ≤ 0)
 * @param above values above the last edge
 * @param logarithmic whether edges are spaced evenly on a log scale (plot on a log axis)
 */
public record Histogram(double[] edges, long[] counts, long below, long above, boolean logarithmic) {
  public Histogram {
    if (edges.length != counts.length + 1) throw new IllegalArgumentException("need bins + 1 edges");
    edges = edges.clone();
    counts = counts.clone();
  }

  @Override public double[] edges() { return edges.clone(); }

  @Override public long[] counts() { return counts.clone(); }

  public int bins() { return counts.length; }

  @Override public boolean equals(Object o) {
    return o instanceof Histogram h && below == h.below && above == h.above && logarithmic == h.logarithmic
        && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts);
  }

  @Override public int hashCode() { return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts); }

  @Override public String toString() {
    return "Histogram[edges=" + Arrays.toString(edges) + ", counts=" + Arrays.toString(counts) + ", below=" + below
        + ", above=" + above + ", logarithmic=" + logarithmic + "]";
  }

  /**
   * Evenly spaced bins from the smallest value to the {@code clipQuantile} quantile; larger values go to
   * {@code above}. Why clip: basket sizes have a few wholesale orders 100× the median, which would squeeze
   * every other invoice into the first bin.
   *
   * @param values the sample (not modified)
   * @param bins number of bins, ≥ 1
   * @param clipQuantile in (0, 1]; 1 keeps every value in range
   */
  public static Histogram linear(double[] values, int bins, double clipQuantile) {
    if (bins < 1) throw new IllegalArgumentException("bins must be >= 1");
    if (!(clipQuantile > 0 && clipQuantile <= 1)) throw new IllegalArgumentException("clipQuantile must be in (0, 1]");
    double[] s = values.clone();
    Arrays.sort(s);
    double lo = s.length == 0 ? 0 : s[0];
    double hi = s.length == 0 ? 1 : Summary.quantile(s, clipQuantile);
    if (!(hi > lo)) hi = lo + 1;
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * i / bins;
    edges[bins] = hi;
    long[] counts = new long[bins];
    long above = 0;
    for (double v : s) {
      if (v > hi) { above++; continue; }
      int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
      counts[Math.min(bins - 1, Math.max(0, b))]++;
    }
    return new Histogram(edges, counts, 0, above, false);
  }

  /**
   * Bins evenly spaced in log10 from the smallest positive value to the largest, for a log-axis chart of a
   * heavy-tailed sample such as revenue per customer. Values ≤ 0 are counted in {@code below}.
   *
   * @param values the sample (not modified)
   * @param bins number of bins, ≥ 1
   */
  public static Histogram logarithmic(double[] values, int bins) {
    if (bins < 1) throw new IllegalArgumentException("bins must be >= 1");
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    long below = 0;
    for (double v : values) {
      if (v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      } else {
        below++;
      }
    }
    if (hi == 0) { lo = 1; hi = 10; }
    double llo = Math.log10(lo);
    double lhi = Math.log10(hi);
    if (!(lhi > llo)) lhi = llo + 1;
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) edges[i] = Math.pow(10, llo + (lhi - llo) * i / bins);
    // pow(log10(x)) does not round-trip exactly: pin the ends so min and max fall inside.
    edges[0] = lo;
    edges[bins] = Math.pow(10, lhi) < hi ? hi : Math.pow(10, lhi);
    long[] counts = new long[bins];
    for (double v : values) {
      if (v <= 0) continue;
      int b = (int) Math.floor((Math.log10(v) - llo) / (lhi - llo) * bins);
      counts[Math.min(bins - 1, Math.max(0, b))]++;
    }
    return new Histogram(edges, counts, below, 0, true);
  }
}
