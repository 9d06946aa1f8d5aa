package dev.segmentlab.core.value;

import dev.segmentlab.core.quality.CleanedData;
import java.util.Map;

/**
 * Customer value of one cleaned dataset, start to end: purchase days, the lifetimes summary, both fitted models
 * and every customer's predictions. Shared by the CLI, the lookup and the app.
 *
 * @param seconds wall-clock time of the whole analysis (summary, fits, predictions)
 */
public record ValueAnalysis(PurchaseDays days, PurchaseSummary summary, CustomerValue.Model model,
    CustomerValue.Values values, double seconds) {

  /**
   * @throws IllegalArgumentException when the data cannot be modelled (no customer, no repeat customer)
   */
  public static ValueAnalysis of(CleanedData cleaned, ValueOptions o) {
    long t0 = System.nanoTime();
    PurchaseDays days = PurchaseDays.of(cleaned);
    PurchaseSummary s = days.summary(null);
    CustomerValue.Model m = CustomerValue.fit(s, o);
    CustomerValue.Values v = CustomerValue.predict(m, s);
    return new ValueAnalysis(days, s, m, v, (System.nanoTime() - t0) / 1e9);
  }

  private record Shared(CleanedData cleaned, ValueOptions options, ValueAnalysis analysis) {}

  private static volatile Shared last;

  /**
   * {@link #of} of the last cleaned data asked for, kept: the lookup, the profile table, the value features and
   * the export share one fit per dataset. Keyed by the identity of {@code cleaned} (and equal options); only the
   * latest dataset is kept. Two threads asking at once may both fit; both get equal results.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static ValueAnalysis shared(CleanedData cleaned, ValueOptions o) {
    Shared s = last;
    if (s != null && s.cleaned() == cleaned && s.options().equals(o)) return s.analysis();
    ValueAnalysis v = of(cleaned, o);
    last = new Shared(cleaned, o, v);
    return v;
  }

  /**
   * The predicted value of the next months per segment (Σ of the customers' CLV) and each segment's share.
   *
   * @param ids customer ids of the segmentation
   * @param labels segment per customer, 0..k−1
   * @return {@code [segment][0]} = Σ CLV, {@code [segment][1]} = share of the total
   */
  public double[][] bySegment(String[] ids, int[] labels, int k) {
    Map<String, Integer> row = summary.index();
    double[][] out = new double[k][2];
    double total = 0;
    for (int i = 0; i < ids.length; i++) {
      Integer j = row.get(ids[i]);
      if (j == null) continue;
      out[labels[i]][0] += values.clv()[j];
      total += values.clv()[j];
    }
    for (double[] o : out) o[1] = total > 0 ? o[0] / total : Double.NaN;
    return out;
  }
}
