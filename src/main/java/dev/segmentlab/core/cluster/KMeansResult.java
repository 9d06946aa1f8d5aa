package dev.segmentlab.core.cluster;

import java.util.Arrays;

/**
 * One k-means solution, numbered by the requested {@link Ordering}. Immutable: arrays are copied in and out.
 *
 * @param k number of clusters (1..n)
 * @param labels cluster of each row, 0..k-1, in the input's row order
 * @param centroids k rows of d coordinates, in the space of the input matrix (e.g. scaled features)
 * @param wcss within-cluster sum of squared Euclidean distances to the centroids (scikit-learn's inertia)
 * @param iterations Lloyd iterations of the winning restart (1..maxIterations)
 * @param sizes number of rows in each cluster, all at least 1
 */
public record KMeansResult(int k, int[] labels, double[][] centroids, double wcss, int iterations, int[] sizes) {
  public KMeansResult {
    labels = labels.clone();
    centroids = Points.deepCopy(centroids);
    sizes = sizes.clone();
    if (centroids.length != k || sizes.length != k) throw new IllegalArgumentException("need k centroids and sizes");
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public double[][] centroids() {
    return Points.deepCopy(centroids);
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  /** Cluster of row {@code i} (no copy: use this in loops instead of {@code labels()[i]}). */
  public int label(int i) {
    return labels[i];
  }

  /** Number of rows (the length of {@link #labels()}). */
  public int rows() {
    return labels.length;
  }

  /** Rows in cluster {@code s} (no copy). */
  public int size(int s) {
    return sizes[s];
  }

  /** Coordinate {@code f} of centroid {@code s} (no copy). */
  public double centroid(int s, int f) {
    return centroids[s][f];
  }

  /** A copy of centroid {@code s} only. */
  public double[] centroid(int s) {
    return centroids[s].clone();
  }

  /** Copies the labels into {@code out} (length {@link #rows()}), for callers that reuse a buffer. */
  public void copyLabels(int[] out) {
    System.arraycopy(labels, 0, out, 0, labels.length);
  }

  /** Labels without copying, for this package's read-only use. */
  int[] labelsRef() {
    return labels;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KMeansResult r && k == r.k && Arrays.equals(labels, r.labels)
        && Arrays.deepEquals(centroids, r.centroids) && Double.compare(wcss, r.wcss) == 0
        && iterations == r.iterations && Arrays.equals(sizes, r.sizes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Double.hashCode(wcss);
  }

  @Override
  public String toString() {
    return "KMeansResult[k=" + k + ", wcss=" + wcss + ", iterations=" + iterations + ", sizes="
        + Arrays.toString(sizes) + "]";
  }
}
