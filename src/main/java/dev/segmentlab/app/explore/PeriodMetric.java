package dev.segmentlab.app.explore;

/** What the month, weekday and hour charts plot. */
public enum PeriodMetric {
  REVENUE("Revenue"), ORDERS("Orders"), CUSTOMERS("Customers");

  private final String label;

  PeriodMetric(String label) { this.label = label; }

  @Override public String toString() { return label; }
}
