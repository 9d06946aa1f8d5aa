package dev.segmentlab.core.model;

/**
 * A clustering method after fitting: labels points given in the prepared (transformed, scaled, weighted) space
 * it was fitted in. Implementations are immutable and thread-safe.
 */
public interface FittedClustering {

  /** The method's key as the CLI and workspaces spell it, e.g. {@code kmeans}. */
  String method();

  /** Number of segments (≥ 1). */
  int k();

  /** Number of prepared features a point must have. */
  int dims();

  /**
   * One representative point per segment in the prepared space (centroids for k-means, means for mixtures),
   * {@code k × dims}; a copy.
   */
  double[][] centres();

  /**
   * The segment of each point and how far it lies from it in the method's own measure (squared Euclidean
   * distance to the centroid for k-means).
   *
   * @param x prepared points, each of {@link #dims()} values; not modified
   * @throws IllegalArgumentException when a point has the wrong number of values
   */
  Labels assign(double[][] x);
}
