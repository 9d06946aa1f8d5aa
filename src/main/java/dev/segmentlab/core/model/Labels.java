package dev.segmentlab.core.model;

import java.util.Arrays;

/**
 * Points labelled by a fitted model.
 *
 * @param labels segment of each point, 0..k-1, in the input's order
 * @param distances each point's distance to its segment in the method's measure (smaller = more typical)
 * @param sizes points per segment, segment id order (a segment may be empty when labelling new data)
 */
public record Labels(int[] labels, double[] distances, int[] sizes) {
  public Labels {
    if (labels.length != distances.length) throw new IllegalArgumentException("one distance per label");
    labels = labels.clone();
    distances = distances.clone();
    sizes = sizes.clone();
  }

  @Override public int[] labels() { return labels.clone(); }
  @Override public double[] distances() { return distances.clone(); }
  @Override public int[] sizes() { return sizes.clone(); }

  /** Number of points labelled. */
  public int count() { return labels.length; }

  /** The segment of point {@code i}, without copying. */
  public int label(int i) { return labels[i]; }

  /** The sum of the distances (the WCSS for k-means). */
  public double totalDistance() {
    double s = 0;
    for (double d : distances) s += d;
    return s;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Labels l && Arrays.equals(labels, l.labels) && Arrays.equals(distances, l.distances);
  }

  @Override public int hashCode() { return Arrays.hashCode(labels); }

  @Override public String toString() { return "Labels[n=" + labels.length + ", sizes=" + Arrays.toString(sizes) + "]"; }
}
