package dev.segmentlab.core.explore;

import java.util.Arrays;

/**
 * The customers whose first purchase (within the analysed rows) fell in one month, followed month by month.
 * Index {@code k} of each array is "{@code k} months after the cohort month"; arrays run to the last month of
 * the data, so later cohorts have shorter rows.
 *
 * @param cohort the month of first purchase, {@code YYYY-MM}
 * @param size customers in the cohort, ≥ 1
 * @param retention fraction of the cohort active (with at least one row) in month {@code k}, in [0, 1];
 *     {@code retention[0]} is always 1
 * @param active customers of the cohort active in month {@code k}
 * @param revenue revenue of the cohort's customers in month {@code k}, in the file's currency
 */
public record Cohort(String cohort, int size, double[] retention, int[] active, double[] revenue) {
  public Cohort {
    if (retention.length != active.length || revenue.length != active.length) {
      throw new IllegalArgumentException("retention, active and revenue differ in length");
    }
    retention = retention.clone();
    active = active.clone();
    revenue = revenue.clone();
  }

  @Override public double[] retention() { return retention.clone(); }

  @Override public int[] active() { return active.clone(); }

  @Override public double[] revenue() { return revenue.clone(); }

  /** Number of months followed (months 0 … months()-1). */
  public int months() { return active.length; }

  @Override public boolean equals(Object o) {
    return o instanceof Cohort c && cohort.equals(c.cohort) && size == c.size && Arrays.equals(retention, c.retention)
        && Arrays.equals(active, c.active) && Arrays.equals(revenue, c.revenue);
  }

  @Override public int hashCode() {
    return 31 * (31 * cohort.hashCode() + size) + Arrays.hashCode(active);
  }

  @Override public String toString() {
    return "Cohort[" + cohort + ", size=" + size + ", active=" + Arrays.toString(active) + "]";
  }
}
