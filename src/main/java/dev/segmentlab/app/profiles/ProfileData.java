package dev.segmentlab.app.profiles;

import dev.segmentlab.core.cluster.Stability;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.segments.SegmentCharts;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentProfile;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link SegmentationResult} into the Profiles view's snapshots. Pure functions, no JavaFX. */
final class ProfileData {
  static final String OVERALL_NAME = "All customers";

  private ProfileData() {}

  /** One row per segment, then the overall row. */
  static List<ProfileRow> rows(SegmentationResult r) {
    List<ProfileRow> out = new ArrayList<>(r.k() + 1);
    Stability.Result st = r.stability();
    double[] jaccard = st == null ? null : st.meanJaccard();
    boolean[] unstable = st == null ? null : st.unstable();
    for (int s = 0; s < r.k(); s++) {
      SegmentName n = r.analysis().names().get(s);
      double stability = jaccard == null ? Double.NaN : jaccard[s];
      out.add(row(r.analysis().profiles().segment(s), r.names().get(s), r.colours().get(s), n.name(),
          n.description(), n.action(), stability, unstable != null && unstable[s]));
    }
    out.add(row(r.analysis().profiles().overall(), OVERALL_NAME, null, OVERALL_NAME, "", "", Double.NaN, false));
    return out;
  }

  private static ProfileRow row(SegmentProfile p, String name, String colour, String suggested, String description,
      String action, double stability, boolean unstable) {
    return new ProfileRow(p.segment(), name, colour, suggested, description, action, p.size(), p.customerShare(),
        p.revenue(), p.revenueShare(), toArray(p.means()), toArray(p.medians()), p.topCountry(), p.topCountryShare(),
        stability, unstable);
  }

  static SegmentGrid grid(SegmentationResult r, SegmentCharts.SegmentMatrix m) {
    double[][] v = new double[r.k()][m.featureNames().size()];
    for (int s = 0; s < v.length; s++) {
      for (int f = 0; f < v[s].length; f++) v[s][f] = m.get(s, f);
    }
    return new SegmentGrid(m.featureNames(), r.names(), r.colours(), v);
  }

  static BoxData boxes(SegmentationResult r, int feature, boolean log) {
    SegmentCharts.BoxPlots b = r.analysis().boxPlots();
    return new BoxData(b.featureNames().get(feature), r.names(), r.colours(), b.byFeature().get(feature), log);
  }

  /**
   * Whether a feature reads better on a log axis: all values positive and the largest upper whisker or maximum
   * far (20×) above the typical median, as monetary usually is.
   */
  static boolean skewed(SegmentationResult r, int feature) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (SegmentCharts.BoxStats b : r.analysis().boxPlots().byFeature().get(feature)) {
      if (b.count() == 0) continue;
      min = Math.min(min, b.min());
      max = Math.max(max, b.max());
    }
    double median = r.analysis().profiles().overall().medians().get(feature);
    return min > 0 && median > 0 && max / median > 20;
  }

  /** "Segment 2 (At Risk) is unstable …", or empty when every segment is stable or stability is unknown. */
  static String stabilityNote(SegmentationResult r) {
    Stability.Result st = r.stability();
    if (st == null) return "";
    boolean[] unstable = st.unstable();
    double[] j = st.meanJaccard();
    List<String> parts = new ArrayList<>();
    for (int s = 0; s < unstable.length && s < r.k(); s++) {
      if (unstable[s]) parts.add(s + " (" + r.names().get(s) + String.format(", %.2f)", j[s]));
    }
    if (parts.isEmpty()) return "";
    return "⚠ Unstable (mean Jaccard < 0.6): segment" + (parts.size() > 1 ? "s " : " ") + String.join(", ", parts)
        + ". Its customers move between segments when the seed changes: read its profile with care.";
  }

  static String ariText(SegmentationResult r) {
    Stability.Result st = r.stability();
    if (st == null) return "Stability across seeds: computing…";
    return String.format("Mean ARI across %d seeds: %.2f", st.ari().length, st.meanAri());
  }

  private static double[] toArray(List<Double> values) {
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) a[i] = values.get(i);
    return a;
  }
}
