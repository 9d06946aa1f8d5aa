package dev.segmentlab.core.cluster;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Silhouette coefficients as scikit-learn defines them ({@code silhouette_samples}): for point i, a = mean
 * Euclidean distance to the other members of its cluster, b = the smallest mean distance to the members of
 * another cluster, s = (b - a) / max(a, b); 0 for a point alone in its cluster (and where a = b = 0).
 *
 * <p>Each row of the distance matrix is computed once and reduced by cluster on the fly, with points sorted
 * by cluster and coordinates held by column so the inner loops vectorise: 19 M distances for 4,338
 * customers take tens of milliseconds. Rows can be split over an {@link Executor}; every point's value is
 * computed independently and the mean is summed in row order, so results do not depend on threads.
 */
public final class Silhouette {
  private Silhouette() {}

  /**
   * When to sample.
   *
   * @param maxExactPoints above this many rows (default 20,000) the silhouette is computed on a sample, since
   *     the exact value costs n&sup2; distances
   * @param sampleSize rows in that sample (default 10,000; at least 2), drawn per cluster in proportion to
   *     its size with at least 2 rows from each cluster that has them (stratified)
   * @param seed seed of the sample draw (default 42)
   */
  public record Options(int maxExactPoints, int sampleSize, long seed) {
    public Options {
      if (maxExactPoints < 2) throw new IllegalArgumentException("maxExactPoints must be at least 2");
      if (sampleSize < 2) throw new IllegalArgumentException("the silhouette sample needs at least 2 customers");
    }

    public static Options defaults() {
      return new Options(20_000, 10_000, 42);
    }
  }

  /**
   * Silhouette of a labelling.
   *
   * @param mean mean of {@link #values()} in [-1, 1]; NaN when there are fewer than 2 or as many clusters as
   *     points (undefined)
   * @param values per-point silhouette in [-1, 1], for the points in {@link #rows()}
   * @param rows row index of each value: all rows in order, or the sampled rows in ascending order
   * @param sampled whether {@link #rows()} is a sample
   */
  public record Result(double mean, double[] values, int[] rows, boolean sampled) {
    public Result {
      values = values.clone();
      rows = rows.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public int[] rows() {
      return rows.clone();
    }

    /** Number of points the silhouette was computed on. */
    public int sampleSize() {
      return rows.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r && Double.compare(mean, r.mean) == 0 && Arrays.equals(values, r.values)
          && Arrays.equals(rows, r.rows) && sampled == r.sampled;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(mean) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Silhouette.Result[mean=" + mean + ", points=" + rows.length + ", sampled=" + sampled + "]";
    }
  }

  /** Exact (or sampled, per the default options) silhouette on the calling thread. */
  public static Result compute(Points x, int[] labels) {
    return compute(x, labels, Options.defaults(), null, null);
  }

  /**
   * Computes the silhouette.
   *
   * @param labels cluster of each row, 0..k-1 (empty cluster ids are ignored)
   * @param executor splits rows over threads (the calling thread takes part); null = calling thread only
   * @param cancelled polled every few dozen rows, possibly from executor threads; null = never
   * @throws IllegalArgumentException if labels do not match the rows or are negative
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public static Result compute(Points x, int[] labels, Options options, Executor executor, BooleanSupplier cancelled) {
    Objects.requireNonNull(options, "options");
    int k = Criteria.clusterCount(x, labels);
    int n = x.size();
    int[] rows;
    boolean sampled = n > options.maxExactPoints() && options.sampleSize() < n;
    if (sampled) {
      rows = stratifiedSample(labels, k, options.sampleSize(), options.seed());
    } else {
      rows = new int[n];
      for (int i = 0; i < n; i++) rows[i] = i;
    }
    int[] sub = new int[rows.length];
    for (int r = 0; r < rows.length; r++) sub[r] = labels[rows[r]];
    double[] values = exact(sampled ? x.select(rows) : x, sub, k, executor, cancelled);
    int nonEmpty = 0;
    int[] sizes = new int[k];
    for (int l : sub) if (sizes[l]++ == 0) nonEmpty++;
    double mean = Double.NaN;
    if (nonEmpty >= 2 && nonEmpty < sub.length) {
      double s = 0;
      for (double v : values) s += v;
      mean = s / values.length;
    } else {
      Arrays.fill(values, Double.NaN);
    }
    return new Result(mean, values, rows, sampled);
  }

  private static final int BLOCK = 32;

  private static double[] exact(Points x, int[] labels, int k, Executor executor, BooleanSupplier cancelled) {
    int n = x.size();
    int d = x.dimension();
    // Sort by cluster so that each cluster is a contiguous range of columns.
    int[] sizes = new int[k];
    for (int l : labels) sizes[l]++;
    int[] start = new int[k + 1];
    for (int j = 0; j < k; j++) start[j + 1] = start[j] + sizes[j];
    int[] pos = start.clone();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[pos[labels[i]]++] = i;
    double[][] cols = new double[d][n];
    double[] data = x.data();
    for (int s = 0; s < n; s++) for (int f = 0; f < d; f++) cols[f][s] = data[order[s] * d + f];
    double[] values = new double[n];
    int blocks = (n + BLOCK - 1) / BLOCK;
    Parallel.forEach(blocks, executor, cancelled, b -> {
      double[] sq = new double[n];
      double[] sums = new double[k];
      for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
        values[i] = pointValue(data, i, d, labels[i], cols, sq, sums, start, sizes);
      }
    }, null);
    return values;
  }

  private static double pointValue(double[] data, int i, int d, int own, double[][] cols, double[] sq,
      double[] sums, int[] start, int[] sizes) {
    int n = sq.length;
    // Squared distances dimension by dimension, then the square root in place: simple loops the JIT vectorises.
    double x0 = data[i * d];
    double[] c0 = cols[0];
    for (int s = 0; s < n; s++) {
      double t = c0[s] - x0;
      sq[s] = t * t;
    }
    for (int f = 1; f < d; f++) {
      double xi = data[i * d + f];
      double[] col = cols[f];
      for (int s = 0; s < n; s++) {
        double t = col[s] - xi;
        sq[s] += t * t;
      }
    }
    for (int s = 0; s < n; s++) sq[s] = Math.sqrt(sq[s]);
    int k = sizes.length;
    for (int j = 0; j < k; j++) {
      // Four partial sums break the add dependency chain; the order is fixed, so results stay reproducible.
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      int s = start[j];
      int e = start[j + 1];
      for (; s + 3 < e; s += 4) {
        a0 += sq[s];
        a1 += sq[s + 1];
        a2 += sq[s + 2];
        a3 += sq[s + 3];
      }
      for (; s < e; s++) a0 += sq[s];
      sums[j] = (a0 + a1) + (a2 + a3);
    }
    if (sizes[own] <= 1) return 0;
    double a = sums[own] / (sizes[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) if (j != own && sizes[j] > 0) b = Math.min(b, sums[j] / sizes[j]);
    double m = Math.max(a, b);
    if (Double.isInfinite(b) || m == 0) return 0;
    return (b - a) / m;
  }

  /** Ascending row indices: about {@code target} rows, proportional per cluster, at least 2 per cluster. */
  static int[] stratifiedSample(int[] labels, int k, int target, long seed) {
    int n = labels.length;
    int[][] members = new int[k][];
    int[] sizes = new int[k];
    for (int l : labels) sizes[l]++;
    for (int j = 0; j < k; j++) members[j] = new int[sizes[j]];
    int[] fill = new int[k];
    for (int i = 0; i < n; i++) members[labels[i]][fill[labels[i]]++] = i;
    SplittableRandom rng = new SplittableRandom(seed);
    int total = 0;
    int[][] chosen = new int[k][];
    for (int j = 0; j < k; j++) {
      int take = (int) Math.min(sizes[j], Math.max(2, Math.round((double) target * sizes[j] / n)));
      int[] m = members[j];
      for (int t = 0; t < take; t++) { // partial Fisher-Yates
        int r = t + rng.nextInt(m.length - t);
        int tmp = m[t];
        m[t] = m[r];
        m[r] = tmp;
      }
      chosen[j] = Arrays.copyOf(m, take);
      total += take;
    }
    int[] rows = new int[total];
    int p = 0;
    for (int[] c : chosen) for (int v : c) rows[p++] = v;
    Arrays.sort(rows);
    return rows;
  }
}
