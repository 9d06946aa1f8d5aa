package dev.segmentlab.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How one segment of solution A differs from its best-matching segment of B: the B segment holding most of its
 * customers, and the median of every feature both solutions share, side by side. Medians are computed on each
 * solution's own customers and values (original units, e.g. days, orders, £). Immutable.
 *
 * @param segmentA the A segment
 * @param segmentB its best match in B: the B segment sharing most customers with it (the lowest on a tie)
 * @param overlap customers in both
 * @param sizeA customers in the A segment (among the compared customers)
 * @param features the shared features, in A's order
 * @param medianA the A segment's median per feature
 * @param medianB the B segment's median per feature
 */
public record ProfileDifference(int segmentA, int segmentB, int overlap, int sizeA, List<String> features,
    double[] medianA, double[] medianB) {

  public ProfileDifference {
    features = List.copyOf(features);
    medianA = medianA.clone();
    medianB = medianB.clone();
  }

  @Override public double[] medianA() { return medianA.clone(); }
  @Override public double[] medianB() { return medianB.clone(); }

  /** B's median minus A's for feature {@code f} (in the feature's units). */
  public double difference(int f) { return medianB[f] - medianA[f]; }

  /** The share of the A segment's customers found in its B match, in [0, 1] (0 for an empty segment). */
  public double overlapShare() { return sizeA == 0 ? 0 : (double) overlap / sizeA; }

  /**
   * One row per A segment (0..kA−1).
   *
   * @param c the comparison of A and B (its contingency table gives the overlaps)
   * @param featuresA A's feature names; {@code valuesA[i][f]} customer i's value of feature f, rows as A's labels
   * @param labelsA A's segment per customer (as given to {@link Comparison#of})
   * @param featuresB, valuesB, labelsB the same for B
   * @throws IllegalArgumentException when values and labels differ in length
   */
  public static List<ProfileDifference> of(Comparison c, List<String> featuresA, double[][] valuesA, int[] labelsA,
      List<String> featuresB, double[][] valuesB, int[] labelsB) {
    Objects.requireNonNull(c, "c");
    if (valuesA.length != labelsA.length || valuesB.length != labelsB.length) {
      throw new IllegalArgumentException("one row of values per customer is needed");
    }
    int[][] t = c.contingency();
    int kA = t.length, kB = kA == 0 ? 0 : t[0].length;
    List<String> shared = new ArrayList<>();
    List<int[]> cols = new ArrayList<>();
    for (int f = 0; f < featuresA.size(); f++) {
      int g = featuresB.indexOf(featuresA.get(f));
      if (g >= 0) {
        shared.add(featuresA.get(f));
        cols.add(new int[] {f, g});
      }
    }
    double[][] medA = medians(valuesA, labelsA, kA, cols, 0);
    double[][] medB = medians(valuesB, labelsB, kB, cols, 1);
    List<ProfileDifference> out = new ArrayList<>();
    for (int i = 0; i < kA; i++) {
      int best = 0, size = 0;
      for (int j = 0; j < kB; j++) {
        size += t[i][j];
        if (t[i][j] > t[i][best]) best = j;
      }
      out.add(new ProfileDifference(i, best, kB == 0 ? 0 : t[i][best], size, shared, medA[i],
          kB == 0 ? new double[shared.size()] : medB[best]));
    }
    return out;
  }

  /** Per segment, the median of each shared feature (NaN for an empty segment). */
  private static double[][] medians(double[][] values, int[] labels, int k, List<int[]> cols, int side) {
    int[] sizes = new int[k];
    for (int l : labels) sizes[l]++;
    double[][] out = new double[k][cols.size()];
    for (int q = 0; q < cols.size(); q++) {
      int f = cols.get(q)[side];
      double[][] bySegment = new double[k][];
      for (int s = 0; s < k; s++) bySegment[s] = new double[sizes[s]];
      int[] fill = new int[k];
      for (int i = 0; i < labels.length; i++) bySegment[labels[i]][fill[labels[i]]++] = values[i][f];
      for (int s = 0; s < k; s++) out[s][q] = median(bySegment[s]);
    }
    return out;
  }

  private static double median(double[] v) {
    if (v.length == 0) return Double.NaN;
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
