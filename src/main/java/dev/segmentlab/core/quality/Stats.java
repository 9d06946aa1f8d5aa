package dev.segmentlab.core.quality;

import java.util.Arrays;

/** Small descriptive statistics used by the Quality and Features steps. */
public final class Stats {
  private Stats() {}

  /** Five-number summary with Tukey whiskers (the last values within 1.5 IQR). */
  public record Box(double min, double q1, double median, double q3, double max, double lowerWhisker,
      double upperWhisker) {}

  /** Equal-width bins: {@code counts[i]} values in [{@code min + i·width}, {@code min + (i+1)·width}). */
  public record Histogram(double min, double width, int[] counts) {
    public Histogram {
      counts = counts.clone();
    }

    @Override public int[] counts() { return counts.clone(); }

    public int bins() { return counts.length; }
  }

  /**
   * Quantile by linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7).
   *
   * @param sorted ascending values, at least one
   * @param p in [0, 1]
   */
  public static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  public static double[] sorted(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s;
  }

  public static Box box(double[] sorted) {
    if (sorted.length == 0) return new Box(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    double q1 = quantile(sorted, 0.25), q3 = quantile(sorted, 0.75);
    double iqr = q3 - q1;
    double lo = q1 - 1.5 * iqr, hi = q3 + 1.5 * iqr;
    double lw = sorted[0], uw = sorted[sorted.length - 1];
    for (double v : sorted) if (v >= lo) { lw = v; break; }
    for (int i = sorted.length - 1; i >= 0; i--) if (sorted[i] <= hi) { uw = sorted[i]; break; }
    return new Box(sorted[0], q1, quantile(sorted, 0.5), q3, sorted[sorted.length - 1], lw, uw);
  }

  /** A histogram of {@code bins} equal-width bins between the smallest and largest value. */
  public static Histogram histogram(double[] v, int bins) {
    if (bins < 1) throw new IllegalArgumentException("bins must be at least 1");
    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
    for (double x : v) if (!Double.isNaN(x)) { min = Math.min(min, x); max = Math.max(max, x); }
    int[] counts = new int[bins];
    if (min > max) return new Histogram(0, 1, counts);
    double width = max > min ? (max - min) / bins : 1;
    for (double x : v) {
      if (Double.isNaN(x)) continue;
      int b = (int) ((x - min) / width);
      counts[Math.min(bins - 1, Math.max(0, b))]++;
    }
    return new Histogram(min, width, counts);
  }

  public static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  /** Population standard deviation (divides by n, as scikit-learn's StandardScaler). */
  public static double std(double[] v) {
    double m = mean(v), s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return v.length == 0 ? Double.NaN : Math.sqrt(s / v.length);
  }

  /** Sample skewness (Fisher–Pearson, biased: as scipy.stats.skew's default). */
  public static double skewness(double[] v) {
    double m = mean(v), m2 = 0, m3 = 0;
    for (double x : v) { double d = x - m; m2 += d * d; m3 += d * d * d; }
    m2 /= v.length;
    m3 /= v.length;
    return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
  }
}
