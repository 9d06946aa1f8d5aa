package dev.segmentlab.core.segments;

import java.util.Objects;

/**
 * A suggested name for one segment, with a line on who is in it and what to do about them.
 *
 * @param segment     segment id, 0..k-1
 * @param name        the name to show, unique within a run (e.g. {@code "At Risk (high value)"})
 * @param baseName    the name before disambiguation (e.g. {@code "At Risk"})
 * @param description one line on who these customers are
 * @param action      one line on what to do; empty when there is no rule-based advice (customer-table mode)
 * @param score       the segment's RFM scores, or {@code null} when the name did not come from RFM rules
 */
public record SegmentName(int segment, String name, String baseName, String description, String action,
    RfmScore score) {
  /** @throws IllegalArgumentException if segment &lt; 0; @throws NullPointerException if a text is null */
  public SegmentName {
    if (segment < 0) throw new IllegalArgumentException("segment must be >= 0");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseName, "baseName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(action, "action");
  }

  SegmentName withName(String newName) {
    return new SegmentName(segment, newName, baseName, description, action, score);
  }
}
