package dev.segmentlab.app.explore;

/** What the cohort heatmap shows in each cell. */
public enum CohortMetric {
  RETENTION("Retention %"), REVENUE("Revenue");

  private final String label;

  CohortMetric(String label) { this.label = label; }

  @Override public String toString() { return label; }
}
