package dev.segmentlab.core.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Silhouette coefficients as scikit-learn defines them ({@code silhouette_samples}): for point i, a = mean
 * Euclidean distance to the other members of its cluster, b = the smallest mean distance to the members of
 * another cluster, s = (b - a) / max(a, b); 0 for a point alone in its cluster (and where a = b = 0).
 *
 * <p>Each pairwise distance is computed once (n(n-1)/2 of them: 9.4 M for 4,338 customers) and reduced by
 * cluster on the fly, with points sorted by cluster and coordinates held by column so the inner loops
 * vectorise. Work can be split over an {@link Executor}; sums are combined in a fixed order and the mean is
 * summed in row order, so results do not depend on threads.
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

  /** Rows per work item: small enough to cancel and balance quickly, large enough to amortise the set-up. */
  private static final int ROWS = 256;

  /**
   * Per-point silhouette values. Points are sorted by cluster and each pair of points is visited once: a work
   * item takes a range of rows of cluster a against every point of cluster b (b &gt;= a, and only later points
   * when a = b) and yields both the rows' distance sums to b and the column sums that b's points get from those
   * rows. Row sums have one writer each; column sums are added afterwards in item order, so the result is the
   * same whichever thread ran which item.
   */
  private static double[] exact(Points x, int[] labels, int k, Executor executor, BooleanSupplier cancelled) {
    int n = x.size();
    int d = x.dimension();
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
    List<int[]> items = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        if (sizes[a] == 0 || sizes[b] == 0) continue;
        for (int r = start[a]; r < start[a + 1]; r += ROWS) items.add(new int[] {a, b, r, Math.min(r + ROWS, start[a + 1])});
      }
    }
    double[] sums = new double[n * k]; // [sorted position][cluster]: distance sums
    double[][] columnSums = new double[items.size()][];
    Parallel.forEach(items.size(), executor, cancelled, it -> columnSums[it] = pairBlock(cols, items.get(it), start, k,
        sums), null);
    for (int it = 0; it < items.size(); it++) {
      int a = items.get(it)[0];
      int t0 = start[items.get(it)[1]];
      double[] part = columnSums[it];
      for (int t = 0; t < part.length; t++) sums[(t0 + t) * k + a] += part[t];
    }
    double[] values = new double[n];
    for (int s = 0; s < n; s++) values[order[s]] = pointValue(sums, s, labels[order[s]], sizes);
    return values;
  }

  /** One work item; writes the rows' sums into {@code sums} and returns the column sums for cluster b. */
  private static double[] pairBlock(double[][] cols, int[] item, int[] start, int k, double[] sums) {
    int b = item[1];
    int t0 = start[b];
    int t1 = start[b + 1];
    double[] part = new double[t1 - t0];
    double[] dist = new double[t1 - t0];
    for (int s = item[2]; s < item[3]; s++) {
      int from = item[0] == b ? s + 1 : t0;
      if (from >= t1) continue;
      // Squared distances feature by feature, then roots: plain loops over columns that the JIT vectorises.
      double[] c0 = cols[0];
      double x0 = c0[s];
      for (int t = from; t < t1; t++) {
        double u = c0[t] - x0;
        dist[t - t0] = u * u;
      }
      for (int f = 1; f < cols.length; f++) {
        double[] col = cols[f];
        double xf = col[s];
        for (int t = from; t < t1; t++) {
          double u = col[t] - xf;
          dist[t - t0] += u * u;
        }
      }
      for (int t = from - t0; t < t1 - t0; t++) {
        double v = Math.sqrt(dist[t]);
        dist[t] = v;
        part[t] += v;
      }
      // Four partial sums break the add dependency chain; their order is fixed, so results stay reproducible.
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      int t = from - t0;
      int end = t1 - t0;
      for (; t + 3 < end; t += 4) {
        a0 += dist[t];
        a1 += dist[t + 1];
        a2 += dist[t + 2];
        a3 += dist[t + 3];
      }
      for (; t < end; t++) a0 += dist[t];
      sums[s * k + b] = (a0 + a1) + (a2 + a3);
    }
    return part;
  }

  private static double pointValue(double[] sums, int s, int own, int[] sizes) {
    int k = sizes.length;
    if (sizes[own] <= 1) return 0;
    double a = sums[s * k + own] / (sizes[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) if (j != own && sizes[j] > 0) b = Math.min(b, sums[s * k + j] / sizes[j]);
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
