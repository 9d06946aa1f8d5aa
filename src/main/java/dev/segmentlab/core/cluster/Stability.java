package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.concurrent.Parallel;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * How reproducible a segmentation is: k-means is re-run with other seeds (and, with bootstrap, on customers
 * resampled with replacement) and each run is compared with the reference labels by the Adjusted Rand Index and,
 * per reference cluster, by the Jaccard index of its best-matching cluster. Hennig (2007) reads a mean Jaccard
 * below 0.6 as an unstable cluster, which is the default flag.
 */
public final class Stability {
  private Stability() {}

  /** Mean Jaccard below which a segment is called unstable (Hennig's rule of thumb for bootstrap stability). */
  public static final double UNSTABLE_BELOW = 0.6;

  /**
   * @param runs re-runs, at least 1 (default 10)
   * @param bootstrap resample customers with replacement in each run and compare on the resampled rows
   *     (default true); false only varies the seed
   * @param seed master seed; each run's seed is drawn from it up front (default 42)
   * @param restarts k-means restarts per run, at least 1 (default 10, as in the pipeline)
   * @param unstableBelow mean Jaccard below which a cluster is flagged, in [0, 1] (default 0.6)
   */
  public record Options(int runs, boolean bootstrap, long seed, int restarts, double unstableBelow) {
    public Options {
      if (runs < 1) throw new IllegalArgumentException("stability needs at least 1 run (was " + runs + ")");
      if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1 (was " + restarts + ")");
      if (!(unstableBelow >= 0 && unstableBelow <= 1)) {
        throw new IllegalArgumentException("the instability threshold must be between 0 and 1");
      }
    }

    public static Options defaults() {
      return new Options(10, true, 42, 10, UNSTABLE_BELOW);
    }
  }

  /**
   * @param meanAri mean Adjusted Rand Index over runs, at most 1 (1 = identical partitions, about 0 = chance)
   * @param ari ARI of each run
   * @param meanJaccard per reference cluster, the mean over runs of the best-match Jaccard index, in [0, 1]
   *     (NaN if the cluster never appeared in a resample)
   * @param unstable per reference cluster, meanJaccard below the threshold
   */
  public record Result(double meanAri, double[] ari, double[] meanJaccard, boolean[] unstable) {
    public Result {
      ari = ari.clone();
      meanJaccard = meanJaccard.clone();
      unstable = unstable.clone();
    }

    @Override
    public double[] ari() {
      return ari.clone();
    }

    @Override
    public double[] meanJaccard() {
      return meanJaccard.clone();
    }

    @Override
    public boolean[] unstable() {
      return unstable.clone();
    }

    /** Mean Jaccard of reference cluster {@code s} (no copy: use this in loops). */
    public double meanJaccard(int s) {
      return meanJaccard[s];
    }

    /** Whether reference cluster {@code s} is flagged unstable (no copy). */
    public boolean unstable(int s) {
      return unstable[s];
    }

    /** Number of reference clusters. */
    public int clusters() {
      return meanJaccard.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r && Arrays.equals(ari, r.ari) && Arrays.equals(meanJaccard, r.meanJaccard);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ari);
    }

    @Override
    public String toString() {
      return "Stability.Result[meanAri=" + meanAri + ", meanJaccard=" + Arrays.toString(meanJaccard) + "]";
    }
  }

  /**
   * Adjusted Rand Index (Hubert and Arabie, 1985) as scikit-learn computes it: 1 for identical partitions
   * whatever the label numbers, about 0 for independent ones, possibly negative.
   *
   * @param a labels 0.. of each point
   * @param b labels 0.. of the same points
   * @throws IllegalArgumentException if lengths differ or a label is negative
   */
  public static double adjustedRandIndex(int[] a, int[] b) {
    long[][] table = contingency(a, b);
    int n = a.length;
    double pairs = 0;
    double rowPairs = 0;
    double colPairs = 0;
    long[] cols = new long[table.length == 0 ? 0 : table[0].length];
    for (long[] row : table) {
      long rowSum = 0;
      for (int j = 0; j < row.length; j++) {
        pairs += choose2(row[j]);
        rowSum += row[j];
        cols[j] += row[j];
      }
      rowPairs += choose2(rowSum);
    }
    for (long c : cols) colPairs += choose2(c);
    double expected = n < 2 ? 0 : rowPairs * colPairs / choose2(n);
    double max = (rowPairs + colPairs) / 2;
    if (max == expected) return 1.0; // both trivial (one cluster, or all singletons): identical by convention
    return (pairs - expected) / (max - expected);
  }

  /**
   * For each cluster of {@code reference}, the Jaccard index |A &cap; B| / |A &cup; B| with the cluster B of
   * {@code other} that matches it best; NaN for a reference label with no points.
   */
  public static double[] jaccardPerCluster(int[] reference, int[] other) {
    long[][] table = contingency(reference, other);
    int ka = table.length;
    int kb = ka == 0 ? 0 : table[0].length;
    long[] sizeA = new long[ka];
    long[] sizeB = new long[kb];
    for (int i = 0; i < ka; i++) {
      for (int j = 0; j < kb; j++) {
        sizeA[i] += table[i][j];
        sizeB[j] += table[i][j];
      }
    }
    double[] out = new double[ka];
    for (int i = 0; i < ka; i++) {
      if (sizeA[i] == 0) {
        out[i] = Double.NaN;
        continue;
      }
      double best = 0;
      for (int j = 0; j < kb; j++) {
        best = Math.max(best, (double) table[i][j] / (sizeA[i] + sizeB[j] - table[i][j]));
      }
      out[i] = best;
    }
    return out;
  }

  /** {@link #run(Points, int, int[], Options, RunControl)} with default options. */
  public static Result run(Points x, int k, int[] reference, long seed, RunControl rc) {
    Options d = Options.defaults();
    return run(x, k, reference, new Options(d.runs(), d.bootstrap(), seed, d.restarts(), d.unstableBelow()), rc);
  }

  /**
   * Re-runs k-means and compares each run with the reference labels.
   *
   * @param x the matrix the reference was fitted on
   * @param k number of clusters to re-fit
   * @param reference the labels under test, 0..k-1, one per row
   * @param rc spreads runs over its executor's threads (the calling thread takes part; the result does not depend
   *     on it); its cancellation is polled often, possibly from executor threads; progress receives 0..1 after each
   *     run, possibly from executor threads
   * @throws IllegalArgumentException if the labels do not match the rows or k does not fit the data
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public static Result run(Points x, int k, int[] reference, Options options, RunControl rc) {
    Executor executor = rc.executor();
    BooleanSupplier cancelled = rc.cancelledCheck();
    DoubleConsumer progress = rc.progressSink();
    Objects.requireNonNull(options, "options");
    int refK = Criteria.clusterCount(x, reference);
    KMeans.checkFits(x, k, "k", Ordering.BY_SIZE_DESC);
    int n = x.size();
    SplittableRandom master = new SplittableRandom(options.seed());
    long[] seeds = new long[options.runs()];
    for (int r = 0; r < seeds.length; r++) seeds[r] = master.nextLong();
    double[] ari = new double[seeds.length];
    double[][] jaccard = new double[seeds.length][];
    AtomicInteger done = new AtomicInteger();
    Parallel.forEach(seeds.length, executor, cancelled, r -> {
      SplittableRandom rng = new SplittableRandom(seeds[r]);
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) rows[i] = options.bootstrap() ? rng.nextInt(n) : i;
      int[] labels;
      if (options.bootstrap()) {
        // A resample repeats about a third of the customers: each distinct one is clustered once, weighted by its
        // repeats (k-means on the repeated rows, about 35% less work), and its label goes to all its repeats.
        double[] repeats = new double[n];
        for (int row : rows) repeats[row]++;
        int[] distinct = IntStream.range(0, n).filter(i -> repeats[i] > 0).toArray();
        int[] slot = new int[n];
        for (int t = 0; t < distinct.length; t++) slot[distinct[t]] = t;
        Points sample = x.select(distinct);
        double[] weights = new double[distinct.length];
        for (int t = 0; t < distinct.length; t++) weights[t] = repeats[distinct[t]];
        int[] fitted = KMeans.fitWeighted(sample, weights, rerun(options, k, sample, rng), cancelled).labelsRef();
        labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = fitted[slot[rows[i]]];
      } else {
        labels = KMeans.fit(x, rerun(options, k, x, rng), RunControl.of(null, null, cancelled)).labelsRef();
      }
      int[] ref = new int[n];
      for (int i = 0; i < n; i++) ref[i] = reference[rows[i]];
      ari[r] = adjustedRandIndex(ref, labels);
      double[] j = jaccardPerCluster(ref, labels);
      jaccard[r] = new double[refK];
      Arrays.fill(jaccard[r], Double.NaN); // a cluster absent from this resample says nothing about it
      System.arraycopy(j, 0, jaccard[r], 0, j.length);
    }, progress == null ? null : r -> progress.accept(done.incrementAndGet() / (double) seeds.length));
    double[] meanJ = new double[refK];
    boolean[] unstable = new boolean[refK];
    for (int c = 0; c < refK; c++) {
      double s = 0;
      int m = 0;
      for (double[] j : jaccard) {
        if (!Double.isNaN(j[c])) {
          s += j[c];
          m++;
        }
      }
      meanJ[c] = m == 0 ? Double.NaN : s / m;
      unstable[c] = meanJ[c] < options.unstableBelow();
    }
    double meanAri = 0;
    for (double a : ari) meanAri += a;
    return new Result(meanAri / ari.length, ari, meanJ, unstable);
  }

  /** The options of one re-run: k (at most the sample's distinct rows), the restarts, a seed drawn from rng. */
  private static KMeans.Options rerun(Options options, int k, Points sample, SplittableRandom rng) {
    int fitK = Math.min(k, sample.distinctRows());
    return KMeans.Options.of(fitK).withRestarts(options.restarts()).withSeed(rng.nextLong());
  }

  private static long[][] contingency(int[] a, int[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length) throw new IllegalArgumentException("the labelings have different lengths");
    int ka = 0;
    int kb = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0 || b[i] < 0) throw new IllegalArgumentException("labels must be 0 or more");
      ka = Math.max(ka, a[i] + 1);
      kb = Math.max(kb, b[i] + 1);
    }
    long[][] t = new long[ka][kb];
    for (int i = 0; i < a.length; i++) t[a[i]][b[i]]++;
    return t;
  }

  private static double choose2(long m) {
    return m * (m - 1) / 2.0;
  }
}
