package dev.segmentlab.core.segments;

import java.util.List;
import java.util.Objects;

/**
 * The profile table: one row per segment (index = segment id) and an overall row.
 *
 * @param featureNames names of the raw features, the order of every row's means and medians
 * @param segments     one profile per segment id {@code 0..k-1}
 * @param overall      the same figures over all customers
 */
public record SegmentProfiles(List<String> featureNames, List<SegmentProfile> segments, SegmentProfile overall) {
  /** @throws NullPointerException if an argument is null */
  public SegmentProfiles {
    featureNames = List.copyOf(featureNames);
    segments = List.copyOf(segments);
    Objects.requireNonNull(overall, "overall");
  }

  /** The profile of one segment. @throws IndexOutOfBoundsException if {@code segment} is not in 0..k-1 */
  public SegmentProfile segment(int segment) {
    return segments.get(segment);
  }
}
