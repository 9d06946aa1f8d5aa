package dev.segmentlab.core.segments;

import java.util.Arrays;
import java.util.Objects;

/**
 * Matches the centroids of one clustering run to those of another (k may differ), so that names and colours can
 * follow the segments rather than their ids, which k-means hands out in arbitrary order.
 *
 * <p>Pairs come from the {@link Hungarian} assignment on the squared Euclidean distances between centroids in the
 * scaled space (the space k-means worked in). A pair is kept only if its distance is at most
 * {@code threshold = thresholdFactor × scale}, where scale is the mean distance between the new centroids (the
 * typical gap between two segments of the new run); with fewer than two new centroids the old ones set the scale,
 * and with fewer than two of either it is √d, one standard deviation per feature.
 *
 * <p>Why the default factor 0.3: when k grows and a segment splits, each half's centre moves by about 0.8
 * standard deviations of that segment, far below a third of the gap between segments, so the name follows one
 * half; when two segments merge, the centre moves by half the gap between them, which is rejected unless those
 * two were much closer than segments usually are. Unchanged segments move by almost nothing.
 */
public final class SegmentMatcher {
  private SegmentMatcher() {}

  /**
   * @param thresholdFactor multiple of the mean distance between new centroids within which a pair counts as the
   *                        same segment; finite, &gt; 0
   */
  public record Options(double thresholdFactor) {
    /** Factor 0.3, see the class comment. */
    public static final Options DEFAULT = new Options(0.3);

    /** @throws IllegalArgumentException if the factor is not finite and positive */
    public Options {
      if (!(thresholdFactor > 0) || Double.isInfinite(thresholdFactor)) {
        throw new IllegalArgumentException("thresholdFactor must be finite and > 0, was " + thresholdFactor);
      }
    }
  }

  /**
   * The outcome of a matching. Arrays are copies.
   *
   * @param oldOfNew  for each new centroid, the old one it continues, or -1
   * @param newOfOld  for each old centroid, the new one that continues it, or -1
   * @param distances for each new centroid, the Euclidean distance (scaled units) to its assigned old centroid,
   *                  also when that exceeds the threshold; {@code NaN} if it had no partner at all
   * @param threshold the largest distance accepted, scaled units
   */
  public record Matching(int[] oldOfNew, int[] newOfOld, double[] distances, double threshold) {
    /** Copies the arrays. */
    public Matching {
      oldOfNew = oldOfNew.clone();
      newOfOld = newOfOld.clone();
      distances = distances.clone();
    }

    @Override
    public int[] oldOfNew() {
      return oldOfNew.clone();
    }

    @Override
    public int[] newOfOld() {
      return newOfOld.clone();
    }

    @Override
    public double[] distances() {
      return distances.clone();
    }
  }

  /**
   * Matches old centroids to new ones.
   *
   * @param oldCentroids k<sub>old</sub> × d, may have no rows
   * @param newCentroids k<sub>new</sub> × d, may have no rows
   * @throws IllegalArgumentException if the dimensions differ, a matrix is ragged or a value is not finite
   * @throws NullPointerException     if an argument is null
   */
  public static Matching match(double[][] oldCentroids, double[][] newCentroids, Options options) {
    Objects.requireNonNull(options, "options");
    int d = dimension(oldCentroids, dimension(newCentroids, -1));
    int kOld = oldCentroids.length, kNew = newCentroids.length;
    double[][] cost = new double[kOld][kNew];
    for (int i = 0; i < kOld; i++) {
      for (int j = 0; j < kNew; j++) cost[i][j] = squared(oldCentroids[i], newCentroids[j]);
    }
    int[] assigned = Hungarian.solve(cost);
    double threshold = options.thresholdFactor() * scale(oldCentroids, newCentroids, Math.max(d, 1));

    int[] oldOfNew = filled(kNew);
    int[] newOfOld = filled(kOld);
    double[] distances = new double[kNew];
    Arrays.fill(distances, Double.NaN);
    for (int i = 0; i < kOld; i++) {
      int j = assigned[i];
      if (j < 0) continue;
      distances[j] = Math.sqrt(cost[i][j]);
      if (distances[j] <= threshold) {
        oldOfNew[j] = i;
        newOfOld[i] = j;
      }
    }
    return new Matching(oldOfNew, newOfOld, distances, threshold);
  }

  /** Mean pairwise distance between the new centroids, else the old ones, else √d. */
  static double scale(double[][] oldCentroids, double[][] newCentroids, int d) {
    if (newCentroids.length >= 2) return meanPairwiseDistance(newCentroids);
    if (oldCentroids.length >= 2) return meanPairwiseDistance(oldCentroids);
    return Math.sqrt(d);
  }

  static double meanPairwiseDistance(double[][] c) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < c.length; a++) {
      for (int b = a + 1; b < c.length; b++) {
        sum += Math.sqrt(squared(c[a], c[b]));
        pairs++;
      }
    }
    // identical centroids give scale 0: only exact matches then count, which is the only safe reading
    return pairs == 0 ? 0 : sum / pairs;
  }

  static double squared(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
    return s;
  }

  /** Checks a centroid matrix; returns its dimension ({@code expected} when it has no rows). */
  static int dimension(double[][] c, int expected) {
    Objects.requireNonNull(c, "centroids");
    int d = expected;
    for (double[] row : c) {
      Objects.requireNonNull(row, "centroid");
      if (d >= 0 && row.length != d) {
        throw new IllegalArgumentException("centroids have " + row.length + " features, not " + d);
      }
      d = row.length;
      for (double v : row) if (!Double.isFinite(v)) throw new IllegalArgumentException("centroid is not finite");
    }
    return d;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
