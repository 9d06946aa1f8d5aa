package dev.segmentlab.spark;

import dev.segmentlab.core.cluster.Knee;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The k sweep with MLlib's k-means (k-means|| seeding with 5 steps, which on a small table comes close to the
 * core's k-means++; seeded): per k the best of {@code restarts} fits by training
 * cost (WCSS), and the silhouette of ClusteringEvaluator on a sample of at most {@code silhouetteSample} rows.
 * The chosen k is the core's: the knee of the WCSS curve ({@link Knee#elbow}), else the best silhouette, else kMin.
 */
public final class SparkSweep {
  private SparkSweep() {}

  /**
   * @param restarts fits per k with seeds {@code seed, seed + 1, …}; the lowest cost is kept
   * @param maxIter Lloyd iterations per fit
   * @param silhouetteSample rows for the silhouette (0 = skip it)
   */
  public record Options(int kMin, int kMax, int restarts, long seed, int maxIter, long silhouetteSample) {
    public Options {
      if (kMin < 1 || kMax < kMin) throw new JobException("need 1 <= --k-min <= --k-max");
      if (restarts < 1) throw new JobException("--restarts must be at least 1, not " + restarts);
    }
  }

  /** One k: WCSS (training cost), silhouette (NaN when not computed or k = 1), cluster sizes by MLlib index. */
  public record Point(int k, double wcss, double silhouette, long[] sizes, KMeansModel model) {}

  /** The sweep and the knee / best-silhouette suggestions. */
  public record Result(List<Point> points, OptionalInt elbowK, OptionalInt bestSilhouetteK) {
    public Point at(int k) {
      for (Point p : points) if (p.k() == k) return p;
      return null;
    }
  }

  /**
   * @param data persisted rows with a {@code features} vector column and the prepared {@code x_*} columns
   * @param rows their number
   */
  public static Result run(Dataset<Row> data, long rows, Options o, Consumer<Point> onPoint) {
    List<Point> points = new ArrayList<>();
    Dataset<Row> sample = o.silhouetteSample() <= 0 || rows <= o.silhouetteSample() ? data
        : data.sample(false, Math.min(1.0, 1.2 * o.silhouetteSample() / rows), o.seed()).limit((int) o.silhouetteSample());
    for (int k = o.kMin(); k <= o.kMax(); k++) {
      Point p = fit(data, sample, k, o);
      points.add(p);
      onPoint.accept(p);
    }
    int[] ks = points.stream().mapToInt(Point::k).toArray();
    double[] wcss = points.stream().mapToDouble(Point::wcss).toArray();
    OptionalInt best = OptionalInt.empty();
    double bestS = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      if (!Double.isNaN(p.silhouette()) && p.silhouette() > bestS) { bestS = p.silhouette(); best = OptionalInt.of(p.k()); }
    }
    return new Result(points, ks.length >= 3 ? Knee.elbow(ks, wcss) : OptionalInt.empty(), best);
  }

  /** The best of the restarts for one k, with its silhouette on the sample. */
  public static Point fit(Dataset<Row> data, Dataset<Row> sample, int k, Options o) {
    if (k == 1) return single(data);
    KMeansModel best = null;
    for (int r = 0; r < o.restarts(); r++) {
      KMeansModel m = new KMeans().setK(k).setSeed(o.seed() + r).setInitMode("k-means||").setInitSteps(5).setMaxIter(o.maxIter())
          .setTol(1e-4).setFeaturesCol("features").setPredictionCol("cluster").fit(data);
      if (best == null || m.summary().trainingCost() < best.summary().trainingCost()) best = m;
    }
    double silhouette = Double.NaN;
    if (o.silhouetteSample() > 0) {
      silhouette = new ClusteringEvaluator().setFeaturesCol("features").setPredictionCol("cluster")
          .setMetricName("silhouette").setDistanceMeasure("squaredEuclidean").evaluate(best.transform(sample));
    }
    return new Point(k, best.summary().trainingCost(), silhouette, best.summary().clusterSizes(), best);
  }

  /** k = 1, which MLlib does not fit: the centroid is the mean and WCSS the total sum of squares. */
  private static Point single(Dataset<Row> data) {
    List<String> exprs = new ArrayList<>();
    exprs.add("count(*)");
    for (String c : data.columns()) if (c.startsWith("x_")) exprs.add("coalesce(var_pop(`" + c + "`), 0D)");
    Row r = data.selectExpr(exprs.toArray(new String[0])).first();
    long n = r.getLong(0);
    double wcss = 0;
    for (int i = 1; i < r.size(); i++) wcss += r.getDouble(i) * n;
    return new Point(1, wcss, Double.NaN, new long[] {n}, null);
  }
}
