package dev.segmentlab.core.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.PriorityQueue;

/** Finds outliers of a numeric field by IQR fences, z-score or robust z (median / MAD). */
public final class OutlierDetector {
  private OutlierDetector() {}

  /** Default number of extreme rows reported. */
  public static final int EXTREMES = 20;

  /**
   * @param field name for the report
   * @param values the field's values (NaN ignored); {@link OutlierReport.Extreme#row()} indexes this array
   * @param rule how outliers are defined
   * @param extremes how many of the most extreme values to list
   */
  public static OutlierReport detect(String field, double[] values, OutlierRule rule, int extremes) {
    double[] clean = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    double[] sorted = Stats.sorted(clean);
    Stats.Box box = Stats.box(sorted);
    double center, scale, lower, upper;
    switch (rule.method()) {
      case IQR: {
        double iqr = box.q3() - box.q1();
        lower = box.q1() - rule.threshold() * iqr;
        upper = box.q3() + rule.threshold() * iqr;
        center = box.median();
        scale = iqr == 0 ? 1 : iqr;
        break;
      }
      case Z_SCORE: {
        center = Stats.mean(clean);
        scale = Stats.std(clean);
        if (scale == 0) scale = 1;
        lower = center - rule.threshold() * scale;
        upper = center + rule.threshold() * scale;
        break;
      }
      default: {
        center = box.median();
        double[] dev = new double[clean.length];
        for (int i = 0; i < clean.length; i++) dev[i] = Math.abs(clean[i] - center);
        double mad = Stats.quantile(Stats.sorted(dev), 0.5);
        // 0.6745 makes the MAD comparable with a standard deviation for normal data (Iglewicz & Hoaglin)
        scale = mad == 0 ? 1 : mad / 0.6745;
        lower = center - rule.threshold() * scale;
        upper = center + rule.threshold() * scale;
      }
    }
    int count = 0;
    for (double v : clean) if (v < lower || v > upper) count++;
    List<OutlierReport.Extreme> top = topExtremes(values, center, scale, extremes);
    return new OutlierReport(field, rule, lower, upper, count, clean.length, box, top, Stats.histogram(clean, 40));
  }

  /** The {@code k} values farthest from the centre, farthest first (ties: lower row first). */
  private static List<OutlierReport.Extreme> topExtremes(double[] values, double center, double scale, int k) {
    int n = values.length;
    Integer[] idx = new Integer[0];
    // a bounded min-heap of distances keeps this O(n log k) for 500k rows
    PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1,
        (a, b) -> {
          int c = Double.compare(Math.abs(values[a] - center), Math.abs(values[b] - center));
          return c != 0 ? c : Integer.compare(b, a);
        });
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(values[i])) continue;
      heap.add(i);
      if (heap.size() > k) heap.poll();
    }
    idx = heap.toArray(idx);
    Arrays.sort(idx, (a, b) -> {
      int c = Double.compare(Math.abs(values[b] - center), Math.abs(values[a] - center));
      return c != 0 ? c : Integer.compare(a, b);
    });
    List<OutlierReport.Extreme> out = new ArrayList<>();
    for (int i : idx) out.add(new OutlierReport.Extreme(i, values[i], (values[i] - center) / scale));
    return out;
  }
}
