package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.segments.SegmentInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** One run on Spark from a path to named segments: the core's {@code Pipeline} with Spark doing the work. */
public final class SparkPipeline {
  private SparkPipeline() {}

  /**
   * The options of a run (the core's {@code segment} options that apply on Spark).
   *
   * @param k the chosen k, or 0 for the knee
   * @param features empty = recency, frequency, monetary
   */
  public record Options(String inputFormat, CleaningOptions cleaning, List<String> features, Transform transform,
      Scaling scaling, SparkSweep.Options sweep, int k, Mode mode) {
    /** The mode the columns show. */
    public Options(String inputFormat, CleaningOptions cleaning, List<String> features, Transform transform,
        Scaling scaling, SparkSweep.Options sweep, int k) {
      this(inputFormat, cleaning, features, transform, scaling, sweep, k, null);
    }

    public Options {
      features = List.copyOf(features);
      if (k < 0) throw new JobException("--k must be at least 1 or auto, not " + k);
    }

    List<String> featureList() { return features.isEmpty() ? RfmBuilder.RFM : features; }
  }

  /**
   * What a run produced. {@code labeled} holds one row per customer: {@code customer_id}, every feature,
   * {@code country}, {@code segment}, {@code segment_name}.
   */
  public record Result(String input, SparkInput.Loaded loaded, long rows, long rejected, CleaningReport cleaning,
      SparkNetting.Result netting, long customers, long snapshotEpochSeconds, Map<String, Double> featureSums, SparkFeatures.Preparation preparation,
      SparkSweep.Result sweep, int k, double[][] centroids, SparkProfiles.Result profiles, Dataset<Row> labeled,
      Map<String, Double> timings) {}

  public static Result run(SparkSession spark, String path, Options o, Consumer<String> log) {
    Map<String, Double> t = new LinkedHashMap<>();
    SparkInput.Loaded in = timed(t, "load", () -> SparkInput.read(spark, path, o.inputFormat(), o.mode()));
    Dataset<Row> all = in.rows().persist(StorageLevel.MEMORY_AND_DISK());
    long[] counts = timed(t, "count", () -> {
      Row r = all.agg(expr("count(*)"), expr("count_if(rejected)")).first();
      return new long[] {r.getLong(0), r.getLong(1)};
    });
    long rejected = counts[1];
    long rows = counts[0] - rejected;
    boolean table = in.mode() == Mode.CUSTOMERS;
    if (rows == 0) {
      throw new JobException("No row of " + path + " could be read" + (table ? "." : " (quantity, price and date are needed)."));
    }
    Dataset<Row> accepted = all.filter("NOT rejected").drop("rejected");
    log.accept(String.format("%,d rows read, %,d rejected", rows, rejected));
    SparkCleaning.Cleaned cleaned;
    SparkFeatures.Customers cust;
    List<String> features;
    List<String> available;
    if (table) {
      // a customer table: nothing to clean; rows with a blank number are left out of the features (the core's)
      cleaned = null;
      Column complete = org.apache.spark.sql.functions.lit(true);
      for (String c : in.numeric()) complete = complete.and(col("`" + c.replace("`", "``") + "`").isNotNull());
      Dataset<Row> complete0 = accepted.filter(complete).persist(StorageLevel.MEMORY_AND_DISK());
      cust = new SparkFeatures.Customers(complete0, 0, complete0.count());
      all.unpersist();
      features = o.features().isEmpty() ? in.numeric() : o.features();
      available = in.numeric();
    } else {
      cleaned = timed(t, "clean", () -> SparkCleaning.clean(accepted, rows, o.cleaning()));
      SparkCleaning.Cleaned c = cleaned;
      cust = timed(t, "features", () -> SparkFeatures.build(c.rows(), accepted,
          c.netting() == null ? null : c.netting().unmatched()));
      all.unpersist();
      cleaned.rows().unpersist();
      features = o.featureList();
      available = RfmBuilder.ALL;
    }
    SparkFeatures.Customers cust0 = cust;
    SparkFeatures.Preparation prep = timed(t, "matrix", () -> SparkFeatures.fit(cust0.table(), features, o.transform(),
        o.scaling(), available));
    List<Column> cols = new ArrayList<>();
    for (String c : cust.table().columns()) cols.add(col(c));
    String[] xs = new String[features.size()];
    for (int f = 0; f < features.size(); f++) {
      cols.add(SparkFeatures.prepared(prep, f));
      xs[f] = "x_" + features.get(f);
    }
    Dataset<Row> assembled = new VectorAssembler().setInputCols(xs).setOutputCol("features")
        .transform(cust.table().select(cols.toArray(new Column[0])));
    long customers = cust.count();
    // each k-means iteration is a job over every partition: small tables in few partitions, large ones spread
    int parts = (int) Math.max(1, Math.min(spark.sparkContext().defaultParallelism(), customers / 50_000 + 1));
    Dataset<Row> data = assembled.coalesce(parts).persist(StorageLevel.MEMORY_AND_DISK());
    long distinct = data.select(xs[0], java.util.Arrays.copyOfRange(xs, 1, xs.length)).distinct().count();
    if (o.sweep().kMax() > distinct) {
      throw new JobException("--k-max (" + o.sweep().kMax() + ") is larger than the number of distinct customers ("
          + distinct + "). Lower it.");
    }
    cust.table().unpersist();
    Map<String, Double> sums = featureSums(data, features);
    SparkSweep.Result sweep = timed(t, "sweep", () -> SparkSweep.run(data, customers, o.sweep(),
        p -> log.accept(String.format("k=%d WCSS %.2f silhouette %.4f", p.k(), p.wcss(), p.silhouette()))));
    int k = o.k() > 0 ? o.k() : sweep.elbowK().isPresent() ? sweep.elbowK().getAsInt()
        : sweep.bestSilhouetteK().isPresent() ? sweep.bestSilhouetteK().getAsInt() : o.sweep().kMin();
    if (k < 2) throw new JobException("k = 1 puts every customer in one segment; choose --k 2 or more.");
    if (k > distinct) throw new JobException("--k (" + k + ") is larger than the number of distinct customers (" + distinct + ").");
    SparkSweep.Point point = sweep.at(k);
    KMeansModel model = timed(t, "solution", () -> point != null && point.model() != null ? point.model()
        : SparkSweep.fit(data, data, k, new SparkSweep.Options(k, k, o.sweep().restarts(), o.sweep().seed(),
            o.sweep().maxIter(), 0)).model());
    Dataset<Row> clustered = model.transform(data);
    int[] segmentOf = SparkProfiles.order(clustered, k, table ? null : "monetary", centersOf(model));
    StringBuilder map = new StringBuilder("element_at(array(");
    for (int c = 0; c < k; c++) map.append(c == 0 ? "" : ", ").append(segmentOf[c]);
    Dataset<Row> labeled = clustered.withColumn("segment", expr(map.append("), cluster + 1)").toString()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    SparkProfiles.Result profiles = timed(t, "profiles", () -> SparkProfiles.profile(labeled, features, k, customers,
        table ? SegmentInput.Mode.CUSTOMER_TABLE : SegmentInput.Mode.TRANSACTIONS));
    double[][] centroids = new double[k][];
    Vector[] centers = model.clusterCenters();
    for (int c = 0; c < k; c++) centroids[segmentOf[c]] = centers[c].toArray();
    StringBuilder names = new StringBuilder("element_at(array(");
    for (int s = 0; s < k; s++) {
      names.append(s == 0 ? "" : ", ").append("'").append(profiles.names().get(s).name().replace("'", "\\'")).append("'");
    }
    List<Column> out = new ArrayList<>();
    out.add(col("customer").as("customer_id"));
    if (table) {
      for (String f : in.numeric()) out.add(col("`" + f.replace("`", "``") + "`"));
    } else {
      for (String f : RfmBuilder.ALL) out.add(col(f));
      out.add(col("country"));
    }
    out.add(col("segment"));
    out.add(expr(names.append("), segment + 1)").toString()).as("segment_name"));
    Dataset<Row> result = labeled.select(out.toArray(new Column[0]));
    return new Result(path, in, rows, rejected, table ? null : cleaned.report(), table ? null : cleaned.netting(), customers,
        cust.snapshotEpochSeconds(), sums, prep,
        sweep, k, centroids, profiles, result, t);
  }

  private static double[][] centersOf(KMeansModel model) {
    Vector[] c = model.clusterCenters();
    double[][] out = new double[c.length][];
    for (int i = 0; i < c.length; i++) out[i] = c[i].toArray();
    return out;
  }

  private static Map<String, Double> featureSums(Dataset<Row> data, List<String> features) {
    List<Column> aggs = new ArrayList<>();
    for (String f : features) aggs.add(expr("sum(`" + f + "`)"));
    Row r = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    Map<String, Double> m = new LinkedHashMap<>();
    for (int f = 0; f < features.size(); f++) m.put(features.get(f), r.getDouble(f));
    return m;
  }

  private static <T> T timed(Map<String, Double> t, String stage, Supplier<T> s) {
    long t0 = System.nanoTime();
    T r = s.get();
    t.put(stage, (System.nanoTime() - t0) / 1e9);
    return r;
  }

}
