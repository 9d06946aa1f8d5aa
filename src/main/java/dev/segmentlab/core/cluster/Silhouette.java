package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.RunControl;
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
 * split over an {@link Executor}; the distance sums are exact (fixed point) and the mean is taken in row order,
 * so results depend neither on threads nor on which labellings are computed together.
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
    return compute(x, labels, Options.defaults(), RunControl.none());
  }

  /**
   * Computes the silhouette.
   *
   * @param labels cluster of each row, 0..k-1 (empty cluster ids are ignored)
   * @param rc its executor: splits rows over threads (the calling thread takes part); null = calling thread
   *     only; its cancellation check: polled every few dozen rows, possibly from executor threads; null = never
   * @throws IllegalArgumentException if labels do not match the rows or are negative
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public static Result compute(Points x, int[] labels, Options options, RunControl rc) {
    return computeAll(x, new int[][] {labels}, options, rc.withoutProgress())[0];
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
  public static Result[] computeAll(Points x, int[][] labels, Options options, RunControl rc) {
    Executor executor = rc.executor();
    BooleanSupplier cancelled = rc.cancelledCheck();
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
   * Per-point silhouette values of each labelling. The points are first grouped into atoms: the points that
   * every labelling puts in the same cluster (a k sweep's nine labellings of Online Retail's 4,338 customers
   * make a few hundred). With the points listed atom by atom, each row of distances is computed once and summed
   * atom by atom over stretches of the list, and every labelling's per-cluster totals are then sums of atom
   * totals: per row n distances and n additions, plus one addition per atom and labelling, where summing
   * each labelling's clusters from the row took n additions per labelling (about 40% of the sweep's silhouette
   * time under C1).
   *
   * <p>The distances are added as 64-bit fixed-point numbers ({@link #scale}: about 14 significant decimal
   * digits below the largest possible distance), so every total is exact whatever the grouping: a labelling's
   * values are the same alone or with others, in any batch, on any number of threads.
   */
  private static double[][] exact(Points x, int[][] labels, int[] ks, Executor executor, BooleanSupplier cancelled) {
    int n = x.size();
    int d = x.dimension();
    int m = labels.length;
    if (m == 0) return new double[0][];
    int[] offset = new int[m + 1];
    int[][] sizes = new int[m][];
    for (int q = 0; q < m; q++) {
      offset[q + 1] = offset[q] + ks[q];
      sizes[q] = new int[ks[q]];
      for (int l : labels[q]) sizes[q][l]++;
    }
    int[] atom = atoms(labels, ks, n);
    int atoms = 0;
    for (int a : atom) atoms = Math.max(atoms, a + 1);
    // the points listed atom by atom (counting sort), with their coordinates by column in that order
    int[] start = new int[atoms + 1];
    for (int a : atom) start[a + 1]++;
    for (int a = 0; a < atoms; a++) start[a + 1] += start[a];
    int[] list = new int[n];
    int[] fill = Arrays.copyOf(start, atoms);
    for (int j = 0; j < n; j++) list[fill[atom[j]]++] = j;
    double[] data = x.data();
    double[][] cols = new double[d][n];
    for (int t = 0; t < n; t++) for (int f = 0; f < d; f++) cols[f][t] = data[list[t] * d + f];
    int[][] atomLabel = new int[m][atoms];
    for (int q = 0; q < m; q++) for (int a = 0; a < atoms; a++) atomLabel[q][a] = labels[q][list[start[a]]];
    double scale = scale(x);
    double[][] values = new double[m][n];
    int items = (n + ROWS - 1) / ROWS;
    int atomCount = atoms;
    Parallel.forEach(items, executor, cancelled, it -> {
      double[] dist = d == 3 ? null : new double[n];
      double[] point = new double[d];
      long[] atomSums = new long[atomCount];
      long[] totals = new long[offset[m]];
      int end = Math.min(n, it * ROWS + ROWS);
      for (int i = it * ROWS; i < end; i++) {
        System.arraycopy(data, i * d, point, 0, d);
        if (d == 3) {
          sumsByAtom3(cols, point, start, scale, atomSums);
        } else {
          distances(cols, point, dist);
          sumsByAtom(dist, start, scale, atomSums);
        }
        Arrays.fill(totals, 0);
        for (int q = 0; q < m; q++) {
          int[] al = atomLabel[q];
          int o = offset[q];
          for (int a = 0; a < atomCount; a++) totals[o + al[a]] += atomSums[a];
          values[q][i] = pointValue(totals, o, labels[q][i], sizes[q], scale);
        }
      }
    }, null);
    return values;
  }

  /** Atom of each point: points share an atom when every labelling gives them the same cluster; 0.. in order of first point. */
  private static int[] atoms(int[][] labels, int[] ks, int n) {
    int[] atom = new int[n];
    int atoms = 1;
    for (int q = 0; q < labels.length; q++) {
      int k = ks[q];
      int[] id = new int[atoms * k];
      Arrays.fill(id, -1);
      int next = 0;
      int[] l = labels[q];
      for (int j = 0; j < n; j++) {
        int key = atom[j] * k + l[j];
        if (id[key] < 0) id[key] = next++;
        atom[j] = id[key];
      }
      atoms = next;
    }
    return atom;
  }

  /**
   * The fixed-point unit of the distance sums, a power of two: n distances of at most twice the largest distance
   * from the mean (the diameter's bound) add up to below 2^62.
   */
  private static double scale(Points x) {
    int n = x.size();
    int d = x.dimension();
    double[] data = x.data();
    double[] mean = new double[d];
    for (int j = 0; j < n; j++) for (int f = 0; f < d; f++) mean[f] += data[j * d + f];
    for (int f = 0; f < d; f++) mean[f] /= n;
    double r2 = 0;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int f = 0; f < d; f++) {
        double u = data[j * d + f] - mean[f];
        s += u * u;
      }
      r2 = Math.max(r2, s);
    }
    double bound = (double) n * 2 * Math.sqrt(r2);
    if (!(bound > 0) || Double.isInfinite(bound)) return 1;
    return Math.scalb(1.0, Math.min(1000, 61 - Math.getExponent(bound)));
  }

  /** Three dimensions (RFM): the distances to every point, in fixed point, summed atom by atom; one fused pass. */
  private static void sumsByAtom3(double[][] cols, double[] point, int[] start, double scale, long[] out) {
    double[] c0 = cols[0];
    double[] c1 = cols[1];
    double[] c2 = cols[2];
    double x0 = point[0];
    double x1 = point[1];
    double x2 = point[2];
    int atoms = out.length;
    for (int a = 0; a < atoms; a++) {
      long s = 0;
      for (int t = start[a], e = start[a + 1]; t < e; t++) {
        double u = c0[t] - x0;
        double v = c1[t] - x1;
        double w = c2[t] - x2;
        s += (long) (Math.sqrt(u * u + v * v + w * w) * scale);
      }
      out[a] = s;
    }
  }

  /** The distances of a row, in fixed point, summed atom by atom. */
  private static void sumsByAtom(double[] dist, int[] start, double scale, long[] out) {
    for (int a = 0; a < out.length; a++) {
      long s = 0;
      for (int t = start[a], e = start[a + 1]; t < e; t++) s += (long) (dist[t] * scale);
      out[a] = s;
    }
  }

  /** Euclidean distances from {@code point} to every point, into {@code dist}. */
  private static void distances(double[][] cols, double[] point, double[] dist) {
    int n = dist.length;
    double[] c0 = cols[0];
    double x0 = point[0];
    for (int j = 0; j < n; j++) {
      double u = c0[j] - x0;
      dist[j] = u * u;
    }
    for (int f = 1; f < cols.length; f++) {
      double[] col = cols[f];
      double xf = point[f];
      for (int j = 0; j < n; j++) {
        double u = col[j] - xf;
        dist[j] += u * u;
      }
    }
    for (int j = 0; j < n; j++) dist[j] = Math.sqrt(dist[j]);
  }

  private static double pointValue(long[] totals, int offset, int own, int[] sizes, double scale) {
    int k = sizes.length;
    if (sizes[own] <= 1) return 0;
    double a = totals[offset + own] / scale / (sizes[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) if (j != own && sizes[j] > 0) b = Math.min(b, totals[offset + j] / scale / sizes[j]);
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
