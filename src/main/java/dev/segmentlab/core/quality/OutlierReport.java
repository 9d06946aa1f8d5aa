package dev.segmentlab.core.quality;

import java.util.List;

/**
 * Outliers of one numeric field under a rule, plus what a box plot and a histogram need.
 *
 * @param field the field name
 * @param rule the rule used
 * @param lower values below this are outliers
 * @param upper values above this are outliers
 * @param count how many values fall outside the fences
 * @param n how many values were examined
 * @param box the five-number summary
 * @param extremes the most extreme rows, farthest first (row index, value, distance in rule units)
 * @param histogram equal-width bins over [min, max]
 */
public record OutlierReport(String field, OutlierRule rule, double lower, double upper, int count, int n,
    Stats.Box box, List<Extreme> extremes, Stats.Histogram histogram) {
  public OutlierReport {
    extremes = List.copyOf(extremes);
  }

  /** One extreme value: the row it came from (index into the rows examined' source) and how far out it is. */
  public record Extreme(int row, double value, double score) {}
}
