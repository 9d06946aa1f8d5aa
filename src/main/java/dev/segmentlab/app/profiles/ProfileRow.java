package dev.segmentlab.app.profiles;

/**
 * One line of the profile table: a segment, or all customers together ({@link #isOverall()}).
 *
 * @param segment segment id 0..k-1, or {@link #OVERALL}
 * @param name the name shown (suggested or edited); "All customers" for the overall row
 * @param colour {@code #RRGGBB}; null for the overall row
 * @param suggestedName the name the namer suggested (the overall row: its name)
 * @param description one line on who these customers are; empty for the overall row
 * @param action what to do about them; empty when there is no rule-based advice
 * @param size customers
 * @param customerShare size / all customers, 0..1
 * @param revenue summed revenue, NaN in customer-table mode
 * @param revenueShare revenue / total revenue, 0..1, NaN in customer-table mode
 * @param means mean of each feature, original units (order of the feature names)
 * @param medians median of each feature, original units
 * @param topCountry most common country, null when unknown
 * @param topCountryShare customers with {@code topCountry} / size, NaN when unknown
 * @param stability mean Jaccard across seeds, 0..1; NaN until computed and for the overall row
 * @param unstable stability below the threshold (0.6)
 */
public record ProfileRow(int segment, String name, String colour, String suggestedName, String description,
    String action, int size, double customerShare, double revenue, double revenueShare, double[] means,
    double[] medians, String topCountry, double topCountryShare, double stability, boolean unstable) {
  /** The {@link #segment()} of the overall row. */
  public static final int OVERALL = -1;

  public ProfileRow {
    means = means.clone();
    medians = medians.clone();
  }

  @Override public double[] means() { return means.clone(); }
  @Override public double[] medians() { return medians.clone(); }

  public double mean(int feature) { return means[feature]; }
  public double median(int feature) { return medians[feature]; }

  public boolean isOverall() { return segment == OVERALL; }

  /** True when the analyst named the segment (the name differs from the suggestion). */
  public boolean customName() { return !isOverall() && !name.equals(suggestedName); }
}
