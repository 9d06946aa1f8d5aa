package dev.segmentlab.app.segments;

/**
 * One line of the segment table.
 *
 * @param id segment id (0 = highest mean monetary, or the largest in customer-table mode)
 * @param name the name shown (suggested or edited)
 * @param colour {@code #rrggbb}
 * @param size customers
 * @param share share of customers, 0..1
 * @param revenueShare share of revenue, 0..1 (NaN for customer tables)
 * @param means mean of each clustered feature, original units
 * @param stability mean Jaccard of the best-matching segment across seeds (NaN until computed)
 * @param small fewer than 1% of customers
 * @param description one line about the segment
 */
public record SegmentRow(int id, String name, String colour, int size, double share, double revenueShare,
    double[] means, double stability, boolean small, String description) {
  public SegmentRow {
    means = means.clone();
  }

  @Override public double[] means() { return means.clone(); }

  public double mean(int f) { return means[f]; }
}
