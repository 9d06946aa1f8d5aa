package dev.segmentlab.core.model;

import dev.segmentlab.core.cluster.KMeansResult;

/** Fitted k-means: each point goes to its nearest centroid (ties to the lower segment id). */
public final class KMeansModel implements FittedClustering {
  public static final String METHOD = "kmeans";

  private final double[][] centroids;

  /**
   * @param centroids k rows of the same length, finite
   * @throws IllegalArgumentException when there is no centroid, lengths differ or a value is not finite
   */
  public KMeansModel(double[][] centroids) {
    if (centroids == null || centroids.length == 0) throw new IllegalArgumentException("k-means needs centroids");
    int d = centroids[0].length;
    this.centroids = new double[centroids.length][];
    for (int s = 0; s < centroids.length; s++) {
      if (centroids[s].length != d) throw new IllegalArgumentException("centroid " + s + " needs " + d + " values");
      for (double v : centroids[s]) if (!Double.isFinite(v)) throw new IllegalArgumentException("centroid " + s + " is not finite");
      this.centroids[s] = centroids[s].clone();
    }
  }

  /** The model of a k-means solution (its centroids). */
  public static KMeansModel of(KMeansResult solution) {
    return new KMeansModel(solution.centroids());
  }

  @Override public String method() { return METHOD; }
  @Override public int k() { return centroids.length; }
  @Override public int dims() { return centroids[0].length; }

  @Override public double[][] centres() {
    double[][] c = new double[centroids.length][];
    for (int s = 0; s < c.length; s++) c[s] = centroids[s].clone();
    return c;
  }

  @Override public Labels assign(double[][] x) {
    int k = centroids.length, d = dims();
    int[] labels = new int[x.length];
    double[] dist = new double[x.length];
    int[] sizes = new int[k];
    for (int i = 0; i < x.length; i++) {
      double[] p = x[i];
      if (p.length != d) throw new IllegalArgumentException("point " + i + " has " + p.length + " values, the model " + d);
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int s = 0; s < k; s++) {
        double[] c = centroids[s];
        double sum = 0;
        for (int f = 0; f < d; f++) {
          double diff = p[f] - c[f];
          sum += diff * diff;
        }
        if (sum < bestD) { // strict: ties go to the lower segment id
          bestD = sum;
          best = s;
        }
      }
      labels[i] = best;
      dist[i] = bestD;
      sizes[best]++;
    }
    return new Labels(labels, dist, sizes);
  }
}
