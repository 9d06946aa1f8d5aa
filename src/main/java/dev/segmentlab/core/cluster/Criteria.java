package dev.segmentlab.core.cluster;

import java.util.Objects;

/**
 * Internal validity criteria of a labelling, defined as in scikit-learn so numbers can be compared with it.
 * Cluster means are recomputed from the labels. With fewer than 2 non-empty clusters (k = 1) silhouette,
 * Calinski-Harabasz and Davies-Bouldin are undefined and returned as NaN. The silhouette lives in
 * {@link Silhouette}.
 */
public final class Criteria {
  private Criteria() {}

  /**
   * Within-cluster sum of squared Euclidean distances to the cluster means (inertia); lower is tighter.
   * In the squared units of the features; 0 when every point sits on its mean.
   */
  public static double wcss(Points x, int[] labels) {
    int k = clusterCount(x, labels);
    double[] mean = means(x, labels, k, new int[k]);
    int d = x.dimension();
    double s = 0;
    for (int i = 0; i < x.size(); i++) s += Seeding.sq(x.data(), i, mean, labels[i], d);
    return s;
  }

  /**
   * Calinski-Harabasz index: between-cluster over within-cluster dispersion, each divided by its degrees of
   * freedom, {@code [B / (k - 1)] / [W / (n - k)]}; in [0, inf), higher is better; 1 when W = 0
   * (scikit-learn's convention); NaN for a single cluster.
   */
  public static double calinskiHarabasz(Points x, int[] labels) {
    int k = clusterCount(x, labels);
    int[] sizes = new int[k];
    double[] mean = means(x, labels, k, sizes);
    int nonEmpty = nonEmpty(sizes);
    int n = x.size();
    int d = x.dimension();
    if (nonEmpty < 2) return Double.NaN;
    double[] overall = new double[d];
    for (int i = 0; i < n; i++) for (int f = 0; f < d; f++) overall[f] += x.data()[i * d + f];
    for (int f = 0; f < d; f++) overall[f] /= n;
    double between = 0;
    for (int j = 0; j < k; j++) between += sizes[j] * Seeding.sq(mean, j, overall, 0, d);
    double within = 0;
    for (int i = 0; i < n; i++) within += Seeding.sq(x.data(), i, mean, labels[i], d);
    if (within == 0) return 1.0;
    return between * (n - nonEmpty) / (within * (nonEmpty - 1));
  }

  /**
   * Davies-Bouldin index: mean over clusters of the worst ratio (s_i + s_j) / d_ij, where s is the mean
   * distance of a cluster's points to its mean and d_ij the distance between means; in [0, inf), lower is
   * better; NaN for a single cluster. Pairs of coinciding means contribute 0 (scikit-learn's convention).
   */
  public static double daviesBouldin(Points x, int[] labels) {
    int k = clusterCount(x, labels);
    int[] sizes = new int[k];
    double[] mean = means(x, labels, k, sizes);
    if (nonEmpty(sizes) < 2) return Double.NaN;
    int d = x.dimension();
    double[] spread = new double[k];
    for (int i = 0; i < x.size(); i++) spread[labels[i]] += Math.sqrt(Seeding.sq(x.data(), i, mean, labels[i], d));
    boolean allTight = true;
    for (int j = 0; j < k; j++) {
      if (sizes[j] > 0) spread[j] /= sizes[j];
      if (sizes[j] > 0 && spread[j] > 1e-8) allTight = false;
    }
    double sum = 0;
    boolean allCoincide = true;
    int counted = 0;
    for (int a = 0; a < k; a++) {
      if (sizes[a] == 0) continue;
      double worst = 0;
      for (int b = 0; b < k; b++) {
        if (b == a || sizes[b] == 0) continue;
        double dist = Math.sqrt(Seeding.sq(mean, a, mean, b, d));
        if (dist > 1e-8) allCoincide = false;
        if (dist == 0) continue;
        worst = Math.max(worst, (spread[a] + spread[b]) / dist);
      }
      sum += worst;
      counted++;
    }
    if (allTight || allCoincide) return 0.0;
    return sum / counted;
  }

  /** 1 + the largest label, after checking the labels fit the matrix. */
  static int clusterCount(Points x, int[] labels) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(labels, "labels");
    if (labels.length != x.size()) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + x.size() + " customers");
    }
    int max = -1;
    for (int l : labels) {
      if (l < 0) throw new IllegalArgumentException("cluster labels must be 0 or more (found " + l + ")");
      max = Math.max(max, l);
    }
    return max + 1;
  }

  /** Cluster means, row-major k * d; fills sizes. Empty clusters get a zero mean (never used). */
  public static double[] means(Points x, int[] labels, int k, int[] sizes) {
    int d = x.dimension();
    double[] m = new double[k * d];
    for (int i = 0; i < x.size(); i++) {
      sizes[labels[i]]++;
      for (int f = 0; f < d; f++) m[labels[i] * d + f] += x.data()[i * d + f];
    }
    for (int j = 0; j < k; j++) for (int f = 0; f < d; f++) if (sizes[j] > 0) m[j * d + f] /= sizes[j];
    return m;
  }

  private static int nonEmpty(int[] sizes) {
    int c = 0;
    for (int s : sizes) if (s > 0) c++;
    return c;
  }
}
