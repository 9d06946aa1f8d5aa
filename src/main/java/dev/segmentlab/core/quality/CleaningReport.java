package dev.segmentlab.core.quality;

import java.util.List;

/**
 * What cleaning did: one step per enabled rule in order, the rows left and the distinct customers left.
 *
 * @param steps each enabled rule with the rows it removed and the rows remaining after it
 * @param rowsBefore rows loaded
 * @param rowsAfterCleaning rows left
 * @param customers distinct non-blank customer ids among the rows left
 */
public record CleaningReport(List<Step> steps, int rowsBefore, int rowsAfterCleaning, int customers) {
  public CleaningReport {
    steps = List.copyOf(steps);
  }

  /** One bar of the waterfall. JSON: {@code {rule, removed, remaining}}. */
  public record Step(CleaningRule rule, int removed, int remaining) {}
}
