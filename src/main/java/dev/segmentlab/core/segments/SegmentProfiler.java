package dev.segmentlab.core.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the profile table of a clustering run: sizes, revenue shares, feature means and medians, top country. */
public final class SegmentProfiler {
  private SegmentProfiler() {}

  /**
   * Profiles every segment and all customers together. Revenue and country columns are filled only when the
   * input has them (transactions mode).
   *
   * @param input a clustering run; not null
   * @return one profile per segment id plus the overall row
   */
  public static SegmentProfiles profile(SegmentInput input) {
    int n = input.size();
    int d = input.dimension();
    int[] labels = input.labels();
    double[][] columns = new double[d][];
    for (int j = 0; j < d; j++) columns[j] = input.rawColumn(j);
    double totalRevenue = input.revenue() == null ? Double.NaN : sum(input.revenue());

    List<SegmentProfile> rows = new ArrayList<>(input.k());
    for (int s = 0; s < input.k(); s++) {
      rows.add(row(input, s, labels, columns, n, totalRevenue));
    }
    int[] all = new int[n]; // every customer in one pseudo-segment 0
    SegmentProfile overall = row(input, 0, all, columns, n, totalRevenue);
    overall = new SegmentProfile(SegmentProfile.OVERALL, overall.size(), overall.customerShare(), overall.revenue(),
        overall.revenueShare(), overall.means(), overall.medians(), overall.topCountry(), overall.topCountryShare());
    return new SegmentProfiles(Arrays.asList(input.featureNames()), rows, overall);
  }

  private static SegmentProfile row(SegmentInput input, int s, int[] labels, double[][] columns, int n,
      double totalRevenue) {
    List<Double> means = new ArrayList<>(columns.length);
    List<Double> medians = new ArrayList<>(columns.length);
    for (double[] column : columns) {
      double[] values = Stats.select(column, labels, s);
      means.add(Stats.mean(values));
      medians.add(Stats.median(values));
    }
    int size = 0;
    for (int l : labels) if (l == s) size++;
    double revenue = Double.NaN;
    double revenueShare = Double.NaN;
    if (input.revenue() != null) {
      revenue = sum(Stats.select(input.revenue(), labels, s));
      // a zero total would make every share 0/0; NaN says "no meaningful share" rather than a fake 0 %
      revenueShare = totalRevenue == 0 ? Double.NaN : revenue / totalRevenue;
    }
    String topCountry = null;
    double topShare = Double.NaN;
    if (input.countries() != null && size > 0) {
      Map<String, Integer> counts = new HashMap<>();
      String[] countries = input.countries();
      for (int i = 0; i < n; i++) {
        if (labels[i] == s && countries[i] != null) counts.merge(countries[i], 1, Integer::sum);
      }
      int best = 0;
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        int c = e.getValue();
        if (c > best || (c == best && e.getKey().compareTo(topCountry) < 0)) {
          best = c;
          topCountry = e.getKey();
        }
      }
      if (topCountry != null) topShare = (double) best / size;
    }
    return new SegmentProfile(s, size, (double) size / n, revenue, revenueShare, means, medians, topCountry,
        topShare);
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) s += v;
    return s;
  }
}
