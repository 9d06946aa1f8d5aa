package dev.segmentlab.core.explore;

import java.util.List;

/**
 * Cohorts by month of first purchase, built by {@link CohortBuilder}.
 *
 * @param cohorts one per month that has at least one new customer, in calendar order
 * @param months every calendar month of the data, {@code YYYY-MM}, first to last (the column headers of the
 *     calendar view; {@code cohorts.get(i)} month {@code k} is the calendar month {@code cohort + k})
 */
public record CohortTable(List<Cohort> cohorts, List<String> months) {
  public CohortTable {
    cohorts = List.copyOf(cohorts);
    months = List.copyOf(months);
  }

  /** Total customers over all cohorts. */
  public int customers() {
    return cohorts.stream().mapToInt(Cohort::size).sum();
  }

  /** The longest row: months followed by the first cohort (0 without cohorts). */
  public int maxMonths() {
    return cohorts.stream().mapToInt(Cohort::months).max().orElse(0);
  }
}
