package dev.segmentlab.core.cluster;

import java.util.Arrays;

/**
 * The merge tree of an agglomerative clustering, in scipy's linkage convention: leaves are 0..n-1, the cluster
 * made by merge {@code i} is {@code n + i}, merges are in increasing height. Immutable.
 */
public final class Dendrogram {
  private final int leaves;
  private final int[] left;
  private final int[] right;
  private final double[] height;
  private final double[] increase;
  private final int[] size;
  private final double baseWcss;

  /**
   * @param leaves number of leaves (≥ 1)
   * @param left first cluster of each merge
   * @param right second cluster of each merge
   * @param height each merge's height (Ward: {@code sqrt(2 ΔWCSS)}, scipy's and scikit-learn's), non-decreasing
   * @param increase each merge's increase of the within-cluster sum of squares
   * @param size the size of each merged cluster (in points, or in weight)
   * @param baseWcss the within sum of squares of the leaves (0 for points, the micro-clusters' own otherwise)
   */
  Dendrogram(int leaves, int[] left, int[] right, double[] height, double[] increase, int[] size, double baseWcss) {
    this.leaves = leaves;
    this.left = left;
    this.right = right;
    this.height = height;
    this.increase = increase;
    this.size = size;
    this.baseWcss = baseWcss;
  }

  /** Number of leaves. */
  public int leaves() { return leaves; }

  /** Number of merges (leaves − 1). */
  public int merges() { return left.length; }

  public int left(int merge) { return left[merge]; }
  public int right(int merge) { return right[merge]; }
  public double height(int merge) { return height[merge]; }
  public int size(int merge) { return size[merge]; }

  /** The merge heights, increasing; a copy. */
  public double[] heights() { return height.clone(); }

  /** The within-cluster sum of squares with {@code k} clusters (the leaves' own plus every merge's increase). */
  public double wcss(int k) {
    check(k);
    double s = baseWcss;
    for (int m = 0; m < leaves - k; m++) s += increase[m];
    return s;
  }

  /** The height at which to cut for {@code k} clusters: midway between merge n−k−1 and n−k (0 for k = n). */
  public double cutHeight(int k) {
    check(k);
    int m = leaves - k;
    if (m == 0) return 0;
    if (m >= merges()) return height[merges() - 1];
    return (height[m - 1] + height[m]) / 2;
  }

  /**
   * The leaves' cluster with the first n − k merges applied, clusters numbered by their smallest leaf (0 first).
   *
   * @throws IllegalArgumentException unless 1 ≤ k ≤ leaves
   */
  public int[] cut(int k) {
    check(k);
    int[] parent = new int[leaves + merges()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    for (int m = 0; m < leaves - k; m++) {
      parent[left[m]] = leaves + m;
      parent[right[m]] = leaves + m;
    }
    int[] labels = new int[leaves];
    int[] idOfRoot = new int[parent.length];
    Arrays.fill(idOfRoot, -1);
    int next = 0;
    for (int i = 0; i < leaves; i++) {
      int r = i;
      while (parent[r] != r) r = parent[r];
      parent[i] = r; // short-cut the path of the leaf; inner nodes keep theirs
      if (idOfRoot[r] < 0) idOfRoot[r] = next++;
      labels[i] = idOfRoot[r];
    }
    return labels;
  }

  private void check(int k) {
    if (k < 1 || k > leaves) throw new IllegalArgumentException("k must be 1.." + leaves + " (was " + k + ")");
  }
}
