package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.concurrent.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

/**
 * Fits k-means for each k in a range and scores every solution (WCSS, silhouette, Calinski-Harabasz,
 * Davies-Bouldin), keeping each k's best solution so a UI can switch k without refitting. Synchronous,
 * cancellable, JavaFX-free. Every k uses the same seed, so the k = 4 solution of a sweep equals
 * {@code KMeans.fit} with k = 4 and the same options.
 */
public final class KSweep {
  private KSweep() {}

  /** Largest kMax accepted: beyond this the criteria stop being readable as a curve. */
  public static final int MAX_K = 30;

  /**
   * @param kMin smallest k, at least 1 (default 2); k = 1 gives NaN criteria but anchors the WCSS curve
   * @param kMax largest k, kMin..30 (default 10), and at most the number of distinct rows (checked by run)
   * @param kMeans restarts, iterations, tolerance, seed and ordering for each fit; its k is ignored
   * @param silhouette when the silhouette is sampled
   */
  public record Options(int kMin, int kMax, KMeans.Options kMeans, Silhouette.Options silhouette) {
    public Options {
      if (kMin < 1) throw new IllegalArgumentException("the smallest k must be at least 1 (was " + kMin + ")");
      if (kMax < kMin) {
        throw new IllegalArgumentException("the largest k (" + kMax + ") is smaller than the smallest (" + kMin + ")");
      }
      if (kMax > MAX_K) throw new IllegalArgumentException("the largest k (" + kMax + ") is above " + MAX_K);
      Objects.requireNonNull(kMeans, "kMeans");
      Objects.requireNonNull(silhouette, "silhouette");
    }

    /** k = 2..10, 10 restarts, seed 42, clusters by size, default silhouette sampling. */
    public static Options defaults() {
      return new Options(2, 10, KMeans.Options.of(2), Silhouette.Options.defaults());
    }

    public Options withK(int min, int max) {
      return new Options(min, max, kMeans, silhouette);
    }

    public Options withKMeans(KMeans.Options o) {
      return new Options(kMin, kMax, o, silhouette);
    }

    public Options withSilhouette(Silhouette.Options o) {
      return new Options(kMin, kMax, kMeans, o);
    }
  }

  /**
   * One k of the sweep.
   *
   * @param k number of clusters
   * @param wcss within-cluster sum of squares of the best restart
   * @param silhouette mean silhouette in [-1, 1] (NaN for k = 1); see {@link #silhouetteDetail()}
   * @param calinskiHarabasz Calinski-Harabasz index (NaN for k = 1)
   * @param daviesBouldin Davies-Bouldin index (NaN for k = 1)
   * @param solution the best solution: labels, centroids, sizes
   * @param silhouetteDetail per-point silhouette values and whether they come from a sample
   */
  public record Point(int k, double wcss, double silhouette, double calinskiHarabasz, double daviesBouldin,
      KMeansResult solution, Silhouette.Result silhouetteDetail) {
    /** Cluster sizes, largest first under the default ordering. */
    public int[] sizes() {
      return solution.sizes();
    }
  }

  /**
   * @param points one per k, in increasing k
   * @param elbowK Kneedle's knee of the WCSS curve (empty with fewer than 3 ks or no knee)
   * @param bestSilhouetteK the k with the highest mean silhouette (empty if all NaN); ties to the smaller k
   */
  public record Result(List<Point> points, OptionalInt elbowK, OptionalInt bestSilhouetteK) {
    public Result {
      points = List.copyOf(points);
    }

    /** The point for k. @throws IllegalArgumentException if k was not swept */
    public Point at(int k) {
      for (Point p : points) if (p.k() == k) return p;
      throw new IllegalArgumentException("k = " + k + " was not part of the sweep");
    }
  }

  /** Runs on the calling thread with default callbacks off. */
  public static Result run(double[][] x, Options options) {
    return run(Points.of(x), options, null, RunControl.none());
  }

  /**
   * Runs the sweep.
   *
   * @param onPoint receives each k's point as soon as it is scored, in waves of {@link #WAVE} ks, on the calling
   *     thread; may be null
   * @param rc its executor spreads restarts and silhouette rows over threads (the calling thread takes part;
   *     null = calling thread only; the result does not depend on it); its progress receives the fraction done in
   *     [0, 1], non-decreasing, on the calling thread; its cancellation check is polled often, possibly from
   *     executor threads
   * @throws IllegalArgumentException if kMax exceeds the number of distinct rows
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public static Result run(Points x, Options options, Consumer<Point> onPoint, RunControl rc) {
    Executor executor = rc.executor();
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(options, "options");
    KMeans.checkFits(x, options.kMax(), "kMax", options.kMeans().ordering());
    // Work units: each restart weighs k, the criteria of a k weigh as much as 3 restarts at k = 5 (measured).
    int restarts = options.kMeans().restarts();
    double total = 0;
    for (int k = options.kMin(); k <= options.kMax(); k++) total += restarts * k + 15.0;
    double[] done = {0};
    double all = total;
    DoubleConsumer report = w -> {
      done[0] += w;
      progress.accept(Math.min(1.0, done[0] / all));
    };
    List<Point> points = new ArrayList<>();
    int waveSize = onPoint == null ? Integer.MAX_VALUE : WAVE;
    for (int from = options.kMin(), to; from <= options.kMax(); from = to + 1) {
      Parallel.checkCancelled(cancelled);
      to = (int) Math.min(options.kMax(), (long) from + waveSize - 1);
      int[] ks = IntStream.rangeClosed(from, to).toArray();
      double[] callerWork = {0};
      KMeansResult[] fits = KMeans.fitAll(x, options.kMeans(), ks, rc.withoutProgress(), k -> {
        callerWork[0] += k;
        report.accept(k);
      });
      report.accept(restarts * IntStream.of(ks).sum() - callerWork[0]); // restarts that ran on other threads
      for (Point p : score(x, List.of(fits), options.silhouette(), executor, cancelled)) {
        report.accept(15.0);
        points.add(p);
        if (onPoint != null) onPoint.accept(p);
      }
    }
    return new Result(points, elbow(points), bestSilhouette(points));
  }

  /**
   * Ks scored together: their silhouettes share one pass over all distances ({@link Silhouette#computeAll}),
   * which for Online Retail costs about as much as two single silhouettes. So points reach {@code onPoint} in
   * waves of this many ks (a watcher sees the curves grow), and all at once when nobody watches. The results
   * are the same either way.
   */
  static final int WAVE = 5;

  private static List<Point> score(Points x, List<KMeansResult> fits, Silhouette.Options so, Executor executor,
      BooleanSupplier cancelled) {
    int[][] labels = new int[fits.size()][];
    for (int q = 0; q < labels.length; q++) labels[q] = fits.get(q).labelsRef();
    Silhouette.Result[] s = Silhouette.computeAll(x, labels, so, RunControl.of(executor, null, cancelled));
    List<Point> out = new ArrayList<>();
    for (int q = 0; q < labels.length; q++) {
      KMeansResult fit = fits.get(q);
      out.add(new Point(fit.k(), fit.wcss(), s[q].mean(), Criteria.calinskiHarabasz(x, labels[q]),
          Criteria.daviesBouldin(x, labels[q]), fit, s[q]));
    }
    return out;
  }

  private static OptionalInt elbow(List<Point> points) {
    int[] ks = points.stream().mapToInt(Point::k).toArray();
    double[] w = points.stream().mapToDouble(Point::wcss).toArray();
    return ks.length < 3 ? OptionalInt.empty() : Knee.elbow(ks, w);
  }

  private static OptionalInt bestSilhouette(List<Point> points) {
    OptionalInt best = OptionalInt.empty();
    double value = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      if (p.silhouette() > value) {
        value = p.silhouette();
        best = OptionalInt.of(p.k());
      }
    }
    return best;
  }

}
