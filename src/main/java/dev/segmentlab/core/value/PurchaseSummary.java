package dev.segmentlab.core.value;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Each customer's purchase history in the terms of the BG/NBD and Gamma-Gamma models (the {@code lifetimes}
 * "summary data"). Periods are days unless a fixture says otherwise (CDNOW's published summary is in weeks).
 *
 * @param ids customer ids
 * @param frequency repeat purchases: distinct purchase days − 1 (x)
 * @param recency days from the first to the last purchase day (tₓ; 0 when x = 0)
 * @param age days from the first purchase day to the end of the data (T ≥ tₓ)
 * @param monetary mean spend per repeat purchase day, the first day left out (m; 0 when x = 0)
 * @param end the last day of the data (null for a fixture)
 */
public record PurchaseSummary(String[] ids, double[] frequency, double[] recency, double[] age, double[] monetary,
    LocalDate end) {

  /** @throws IllegalArgumentException when lengths differ or a value breaks the definitions above */
  public PurchaseSummary {
    int n = ids.length;
    if (frequency.length != n || recency.length != n || age.length != n || monetary.length != n) {
      throw new IllegalArgumentException("one frequency, recency, age and monetary value per customer");
    }
    for (int i = 0; i < n; i++) {
      double x = frequency[i];
      if (!(x >= 0) || x != Math.rint(x)) throw new IllegalArgumentException("frequency of " + ids[i] + " is not a whole number >= 0: " + x);
      if (!(recency[i] >= 0) || !(recency[i] <= age[i])) {
        throw new IllegalArgumentException("customer " + ids[i] + " needs 0 <= recency <= age, has " + recency[i] + " and " + age[i]);
      }
      if (x == 0 && recency[i] != 0) throw new IllegalArgumentException("customer " + ids[i] + " has no repeat purchase but recency " + recency[i]);
      if (!Double.isFinite(monetary[i])) throw new IllegalArgumentException("monetary value of " + ids[i] + " is not finite");
    }
  }

  public int size() { return ids.length; }

  /** Customers with at least one repeat purchase and a positive spend (those the Gamma-Gamma model is fitted on). */
  public int repeatCustomers() {
    int c = 0;
    for (int i = 0; i < ids.length; i++) if (frequency[i] > 0 && monetary[i] > 0) c++;
    return c;
  }

  /** Row of each id. */
  public Map<String, Integer> index() {
    Map<String, Integer> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) m.put(ids[i], i);
    return m;
  }
}
