package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.Parallel;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Silhouette coefficients as scikit-learn defines them ({@code silhouette_samples}): for point i, a = mean
 * Euclidean distance to the other members of its cluster, b = the smallest mean distance to the members of
 * another cluster, s = (b - a) / max(a, b); 0 for a point alone in its cluster (and where a = b = 0).
 *
 * <p>Each row of distances (4,338 for Online Retail's customers) is computed once and reduced by cluster on the
 * fly, for one labelling or, in {@link #computeAll}, for all the labellings of a k sweep at once. Work can be
 * split over an {@link Executor}; every row is summed in point order by one thread and the mean in row order, so
 * results do not depend on threads.
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
    return computeAll(x, new int[][] {labels}, options, executor, cancelled)[0];
  }

  /**
   * The silhouettes of several labellings of the same points, as {@link #compute} gives them one by one but
   * cheaper: where all are exact, each distance is computed once and serves every labelling (a k sweep scores
   * 9 labellings of the same customers). Sampled labellings (more than {@code maxExactPoints} rows) each get
   * their own stratified sample and are computed one by one.
   *
   * @param labels one labelling per entry, each a cluster per row
   * @return one result per labelling, in order
   */
  public static Result[] computeAll(Points x, int[][] labels, Options options, Executor executor,
      BooleanSupplier cancelled) {
    Objects.requireNonNull(options, "options");
    int n = x.size();
    int m = labels.length;
    int[] ks = new int[m];
    for (int q = 0; q < m; q++) ks[q] = Criteria.clusterCount(x, labels[q]);
    Result[] out = new Result[m];
    boolean sampled = n > options.maxExactPoints() && options.sampleSize() < n;
    if (!sampled) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) all[i] = i;
      // undefined silhouettes (one cluster, or as many clusters as points) cost nothing
      int[] defined = IntStream.range(0, m).filter(q -> defined(labels[q], ks[q])).toArray();
      int[][] some = new int[defined.length][];
      int[] someK = new int[defined.length];
      for (int t = 0; t < defined.length; t++) {
        some[t] = labels[defined[t]];
        someK[t] = ks[defined[t]];
      }
      double[][] values = exact(x, some, someK, executor, cancelled);
      for (int q = 0, t = 0; q < m; q++) {
        boolean computed = t < defined.length && defined[t] == q;
        out[q] = result(computed ? values[t++] : new double[n], all, labels[q], ks[q], false);
      }
      return out;
    }
    for (int q = 0; q < m; q++) {
      int[] rows = stratifiedSample(labels[q], ks[q], options.sampleSize(), options.seed());
      int[] sub = new int[rows.length];
      for (int r = 0; r < rows.length; r++) sub[r] = labels[q][rows[r]];
      double[] values = defined(sub, ks[q])
          ? exact(x.select(rows), new int[][] {sub}, new int[] {ks[q]}, executor, cancelled)[0]
          : new double[rows.length];
      out[q] = result(values, rows, sub, ks[q], true);
    }
    return out;
  }

  /** Whether the silhouette is defined: at least 2 non-empty clusters, and fewer clusters than points. */
  private static boolean defined(int[] labels, int k) {
    boolean[] seen = new boolean[k];
    int nonEmpty = 0;
    for (int l : labels) {
      if (!seen[l]) {
        seen[l] = true;
        nonEmpty++;
      }
    }
    return nonEmpty >= 2 && nonEmpty < labels.length;
  }

  private static Result result(double[] values, int[] rows, int[] labels, int k, boolean sampled) {
    double mean = Double.NaN;
    if (defined(labels, k)) {
      double s = 0;
      for (double v : values) s += v;
      mean = s / values.length;
    } else {
      Arrays.fill(values, Double.NaN);
    }
    return new Result(mean, values, rows, sampled);
  }

  /** Rows per work item: small enough to cancel and balance quickly, large enough to amortise the set-up. */
  private static final int ROWS = 32;

  /**
   * Per-point silhouette values of each labelling. A work item takes a few rows, two at a time; for each row it
   * computes the distances to every point once (coordinates held by column, so these loops are plain), then,
   * for every labelling, sums them cluster by cluster over that labelling's points listed cluster by cluster
   * (the largest cluster's total is the row's total less the others'). Each row's sums have one writer and are
   * added in a fixed order, so the result does not depend on which thread ran what.
   *
   * <p>Why full rows and not each pair once: halving the square roots would need a second, scattered write per
   * pair into other rows' sums (and a merge to keep results thread-independent); with several labellings the
   * per-cluster sums, not the roots, are most of the work.
   */
  private static double[][] exact(Points x, int[][] labels, int[] ks, Executor executor, BooleanSupplier cancelled) {
    int n = x.size();
    int d = x.dimension();
    int m = labels.length;
    int[] offset = new int[m + 1];
    int[][] sizes = new int[m][];
    for (int q = 0; q < m; q++) {
      offset[q + 1] = offset[q] + ks[q];
      sizes[q] = new int[ks[q]];
      for (int l : labels[q]) sizes[q][l]++;
    }
    // Each labelling's points listed cluster by cluster: a cluster's total is then a sum over one stretch
    int[][] order = new int[m][n];
    int[][] start = new int[m][];
    for (int q = 0; q < m; q++) {
      start[q] = new int[ks[q] + 1];
      for (int c = 0; c < ks[q]; c++) start[q][c + 1] = start[q][c] + sizes[q][c];
      int[] pos = Arrays.copyOf(start[q], ks[q]);
      for (int j = 0; j < n; j++) order[q][pos[labels[q][j]]++] = j;
    }
    double[][] cols = new double[d][n];
    double[] data = x.data();
    for (int j = 0; j < n; j++) for (int f = 0; f < d; f++) cols[f][j] = data[j * d + f];
    // The largest cluster's total is the row's total less the others': one stretch fewer to add up
    int[] largest = new int[m];
    for (int q = 0; q < m; q++) for (int c = 1; c < ks[q]; c++) if (sizes[q][c] > sizes[q][largest[q]]) largest[q] = c;
    double[][] values = new double[m][n];
    int items = (n + ROWS - 1) / ROWS;
    Parallel.forEach(items, executor, cancelled, it -> {
      // two rows at a time: each index of a cluster's stretch is read once for both
      double[] dist = new double[n];
      double[] dist2 = new double[n];
      double[] pair = new double[2];
      double[] totals = new double[offset[m]];
      double[] totals2 = new double[offset[m]];
      int end = Math.min(n, it * ROWS + ROWS);
      for (int i = it * ROWS; i < end; i += 2) {
        boolean two = i + 1 < end;
        distances(cols, i, dist);
        if (two) distances(cols, i + 1, dist2);
        double all = total(dist);
        double all2 = two ? total(dist2) : 0;
        for (int q = 0; q < m; q++) {
          int[] o = order[q];
          int[] st = start[q];
          double rest = all;
          double rest2 = all2;
          for (int c = 0; c < ks[q]; c++) {
            if (c == largest[q]) continue;
            sums(dist, two ? dist2 : dist, o, st[c], st[c + 1], pair);
            totals[offset[q] + c] = pair[0];
            totals2[offset[q] + c] = pair[1];
            rest -= pair[0];
            rest2 -= pair[1];
          }
          totals[offset[q] + largest[q]] = rest;
          totals2[offset[q] + largest[q]] = rest2;
          values[q][i] = pointValue(totals, offset[q], labels[q][i], sizes[q]);
          if (two) values[q][i + 1] = pointValue(totals2, offset[q], labels[q][i + 1], sizes[q]);
        }
      }
    }, null);
    return values;
  }

  /** The sum of {@code dist}, with four partial sums in a fixed order. */
  private static double total(double[] dist) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    int t = 0;
    for (; t + 3 < dist.length; t += 4) {
      a0 += dist[t];
      a1 += dist[t + 1];
      a2 += dist[t + 2];
      a3 += dist[t + 3];
    }
    for (; t < dist.length; t++) a0 += dist[t];
    return (a0 + a1) + (a2 + a3);
  }

  /**
   * The sums of {@code a[o[t]]} and of {@code b[o[t]]} for t in [from, to), into {@code out[0]} and
   * {@code out[1]}. Two partial sums each break the add dependency chains; their order is fixed, so results stay
   * reproducible.
   */
  private static void sums(double[] a, double[] b, int[] o, int from, int to, double[] out) {
    double a0 = 0;
    double a1 = 0;
    double b0 = 0;
    double b1 = 0;
    int t = from;
    for (; t + 1 < to; t += 2) {
      int j = o[t];
      int k = o[t + 1];
      a0 += a[j];
      b0 += b[j];
      a1 += a[k];
      b1 += b[k];
    }
    if (t < to) {
      a0 += a[o[t]];
      b0 += b[o[t]];
    }
    out[0] = a0 + a1;
    out[1] = b0 + b1;
  }

  /** Euclidean distances from point i to every point, into {@code dist}. */
  private static void distances(double[][] cols, int i, double[] dist) {
    int n = dist.length;
    if (cols.length == 3) { // RFM: one fused pass is about twice as fast as three under the C1 compiler
      double[] c0 = cols[0];
      double[] c1 = cols[1];
      double[] c2 = cols[2];
      double x0 = c0[i];
      double x1 = c1[i];
      double x2 = c2[i];
      for (int j = 0; j < n; j++) {
        double u = c0[j] - x0;
        double v = c1[j] - x1;
        double w = c2[j] - x2;
        dist[j] = Math.sqrt(u * u + v * v + w * w);
      }
      return;
    }
    double[] c0 = cols[0];
    double x0 = c0[i];
    for (int j = 0; j < n; j++) {
      double u = c0[j] - x0;
      dist[j] = u * u;
    }
    for (int f = 1; f < cols.length; f++) {
      double[] col = cols[f];
      double xf = col[i];
      for (int j = 0; j < n; j++) {
        double u = col[j] - xf;
        dist[j] += u * u;
      }
    }
    for (int j = 0; j < n; j++) dist[j] = Math.sqrt(dist[j]);
  }

  private static double pointValue(double[] totals, int offset, int own, int[] sizes) {
    int k = sizes.length;
    if (sizes[own] <= 1) return 0;
    double a = totals[offset + own] / (sizes[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) if (j != own && sizes[j] > 0) b = Math.min(b, totals[offset + j] / sizes[j]);
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
