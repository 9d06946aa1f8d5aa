package dev.segmentlab.core.segments;

import java.util.List;
import java.util.Objects;

/**
 * One row of the profile table: a segment, or all customers together ({@link #OVERALL}).
 *
 * <p>Means and medians are in the original units of each feature, in the order of
 * {@link SegmentProfiles#featureNames()}; they are {@code NaN} for an empty segment.
 *
 * @param segment         segment id {@code 0..k-1}, or {@link #OVERALL}
 * @param size            customers in the segment, &ge; 0
 * @param customerShare   size / all customers, in [0, 1]
 * @param revenue         summed revenue (currency); {@code NaN} when revenue is unknown (customer-table mode)
 * @param revenueShare    revenue / total revenue, in [0, 1]; {@code NaN} when revenue is unknown or the total is 0
 * @param means           mean of each raw feature
 * @param medians         median of each raw feature (linear interpolation, R type 7)
 * @param topCountry      most common non-null country, ties broken alphabetically; {@code null} when unknown
 * @param topCountryShare customers with {@code topCountry} / size, in [0, 1]; {@code NaN} when unknown
 */
public record SegmentProfile(
    int segment,
    int size,
    double customerShare,
    double revenue,
    double revenueShare,
    List<Double> means,
    List<Double> medians,
    String topCountry,
    double topCountryShare) {

  /** The {@link #segment()} value of the overall row. */
  public static final int OVERALL = -1;

  /** @throws IllegalArgumentException if segment &lt; -1 or size &lt; 0, or means and medians differ in length */
  public SegmentProfile {
    if (segment < OVERALL) throw new IllegalArgumentException("segment must be >= -1, was " + segment);
    if (size < 0) throw new IllegalArgumentException("size must be >= 0");
    means = List.copyOf(Objects.requireNonNull(means, "means"));
    medians = List.copyOf(Objects.requireNonNull(medians, "medians"));
    if (means.size() != medians.size()) throw new IllegalArgumentException("means and medians differ in length");
  }

  /** True for the row that summarises all customers. */
  public boolean isOverall() {
    return segment == OVERALL;
  }
}
