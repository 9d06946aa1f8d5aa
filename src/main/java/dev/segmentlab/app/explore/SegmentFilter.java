package dev.segmentlab.app.explore;

import dev.segmentlab.core.explore.CustomerFilter;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A named set of customers the Explore step can be restricted to (a segment).
 *
 * @param name shown in the segment chooser, unique among the choices
 * @param customers a predicate over the customer column's dictionary codes (see {@link CustomerFilter}), or
 *     {@code null} for every row
 */
public record SegmentFilter(String name, IntPredicate customers) {
  /** Every row, customers or not. */
  public static final SegmentFilter ALL = new SegmentFilter("All customers", null);

  public SegmentFilter {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("a segment needs a name");
  }

  /** A segment from a mask indexed by customer code ({@code mask[code]} true for members); the mask is copied. */
  public static SegmentFilter ofMask(String name, boolean[] mask) {
    return new SegmentFilter(name, CustomerFilter.ofMask(mask));
  }

  public boolean isAll() { return customers == null; }

  @Override public String toString() { return name; }
}
