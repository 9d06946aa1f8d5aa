package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The core's customer features ({@link RfmBuilder}: same definitions, same snapshot) per customer in Spark SQL,
 * and the k-means preparation of {@code FeatureMatrixBuilder} (transform, then population-standard, robust or
 * min-max scaling; a zero scale becomes 1).
 */
public final class SparkFeatures {
  private SparkFeatures() {}

  /** One row per customer: {@code customer}, every feature of {@link RfmBuilder#ALL}, {@code country}. */
  public record Customers(Dataset<Row> table, long snapshotEpochSeconds, long count) {}

  /**
   * @param cleaned the cleaned rows
   * @param raw every accepted row (for {@code return_rate}, which the core counts on the uncleaned rows)
   */
  public static Customers build(Dataset<Row> cleaned, Dataset<Row> raw) {
    return build(cleaned, raw, null);
  }

  /**
   * @param unmatched with returns netted, {@code customer} and {@code unmatched} (the value of the customer's
   *     cancellations that no purchase covered, subtracted from monetary as the core does); null when dropped
   */
  public static Customers build(Dataset<Row> cleaned, Dataset<Row> raw, Dataset<Row> unmatched) {
    Row last = cleaned.filter(col("customer").isNotNull()).agg(expr("max(ts)")).first();
    if (last.isNullAt(0)) {
      throw new JobException("No customer is left after cleaning: check the cleaning rules and the customer id column.");
    }
    long snap = (Math.floorDiv(last.getLong(0), 86_400L) + 1) * 86_400L;
    Dataset<Row> perCustomer = cleaned.filter(col("customer").isNotNull()).groupBy("customer").agg(
        expr("floor((" + snap + " - max(ts)) / 86400)").cast("double").as("recency"),
        expr("CAST(count(DISTINCT invoice) + max(CASE WHEN invoice IS NULL THEN 1 ELSE 0 END) AS DOUBLE)").as("frequency"),
        expr("sum(quantity * price)").as("monetary"),
        expr("floor((" + snap + " - min(ts)) / 86400)").cast("double").as("tenure"),
        expr("CAST(count(DISTINCT stock_code) + max(CASE WHEN stock_code IS NULL THEN 1 ELSE 0 END) AS DOUBLE)").as("distinct_products"),
        expr("sum(quantity)").as("qty"));
    if (unmatched != null) {
      perCustomer = perCustomer.join(unmatched, new String[] {"customer"}, "left")
          .withColumn("monetary", expr("monetary - coalesce(unmatched, 0D)")).drop("unmatched");
    }
    // the customer's most frequent country; on a tie the one seen first (smallest earliest time, then name)
    Dataset<Row> country = cleaned.filter(col("customer").isNotNull().and(col("country").isNotNull()))
        .groupBy("customer", "country").agg(expr("count(*)").as("n"), expr("min(ts)").as("first"))
        .withColumn("rank", expr("row_number() OVER (PARTITION BY customer ORDER BY n DESC, first, country)"))
        .filter("rank = 1").select("customer", "country");
    Dataset<Row> returns = raw.filter(col("customer").isNotNull()).groupBy("customer").agg(
        expr("avg(CASE WHEN invoice IS NOT NULL AND upper(substr(invoice, 1, 1)) = 'C' THEN 1D ELSE 0D END)").as("return_rate"));
    Dataset<Row> t = perCustomer
        .withColumn("avg_order_value", expr("monetary / frequency"))
        .withColumn("avg_items_per_order", expr("qty / frequency"))
        .join(returns, "customer")
        .join(country, new String[] {"customer"}, "left")
        .select(columns())
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new Customers(t, snap, t.count());
  }

  private static Column[] columns() {
    List<Column> c = new ArrayList<>();
    c.add(col("customer"));
    for (String f : RfmBuilder.ALL) c.add(col(f));
    c.add(col("country"));
    return c.toArray(new Column[0]);
  }

  /** The fitted preparation of each clustered feature, as {@code FeatureMatrix} holds it. */
  public record Preparation(List<String> features, List<Transform> transforms, Scaling scaling, double[] center,
      double[] scale, double[] weights) {

    /** A point in prepared units back in the original units (as {@code FeatureMatrix.toRaw}). */
    public double[] toRaw(double[] prepared) {
      double[] out = new double[prepared.length];
      for (int f = 0; f < out.length; f++) {
        double w = weights[f] == 0 ? 1 : weights[f];
        out[f] = transforms.get(f).invert(prepared[f] / w * scale[f] + center[f]);
      }
      return out;
    }
  }

  /** SQL of a transform applied to a column. */
  static String transformSql(Transform t, String column) {
    return switch (t) {
      case LOG1P -> "log1p(greatest(" + column + ", 0D))";
      case CBRT -> "cbrt(" + column + ")";
      default -> "CAST(" + column + " AS DOUBLE)";
    };
  }

  /**
   * Fits the centre and scale of each feature on the transformed values in one aggregation.
   *
   * @throws JobException when a feature is unknown or a transformed value is not finite
   */
  public static Preparation fit(Dataset<Row> customers, List<String> features, Transform transform, Scaling scaling) {
    return fit(customers, features, transform, scaling, RfmBuilder.ALL);
  }

  /** {@link #fit(Dataset, List, Transform, Scaling)} with the features a table offers (a customer table's columns). */
  public static Preparation fit(Dataset<Row> customers, List<String> features, Transform transform, Scaling scaling,
      List<String> available) {
    for (String f : features) {
      if (!available.contains(f)) {
        throw new JobException("Unknown feature '" + f + "'. Available: " + String.join(", ", available) + ".");
      }
    }
    List<Column> aggs = new ArrayList<>();
    for (String f : features) {
      String t = transformSql(transform, "`" + f.replace("`", "``") + "`");
      aggs.add(expr("sum(CASE WHEN isnan(" + t + ") OR " + t + " IS NULL OR abs(" + t + ") = double('infinity') THEN 1 ELSE 0 END)"));
      switch (scaling) {
        case STANDARD -> { aggs.add(expr("avg(" + t + ")")); aggs.add(expr("stddev_pop(" + t + ")")); }
        case ROBUST -> { aggs.add(expr("percentile(" + t + ", 0.5)")); aggs.add(expr("percentile(" + t + ", 0.75) - percentile(" + t + ", 0.25)")); }
        case MINMAX -> { aggs.add(expr("min(" + t + ")")); aggs.add(expr("max(" + t + ") - min(" + t + ")")); }
        default -> { aggs.add(expr("0D")); aggs.add(expr("1D")); }
      }
    }
    Row r = customers.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    int d = features.size();
    double[] center = new double[d], scale = new double[d], weights = new double[d];
    List<Transform> transforms = new ArrayList<>();
    for (int f = 0; f < d; f++) {
      if (((Number) r.get(3 * f)).longValue() > 0) {
        throw new JobException("Feature " + features.get(f) + " has values that " + transform.label()
            + " cannot take. Choose another transform or clean the data.");
      }
      center[f] = r.isNullAt(3 * f + 1) ? 0 : ((Number) r.get(3 * f + 1)).doubleValue();
      double s = r.isNullAt(3 * f + 2) ? 0 : ((Number) r.get(3 * f + 2)).doubleValue();
      scale[f] = s == 0 || !Double.isFinite(s) ? 1 : s;
      weights[f] = 1;
      transforms.add(transform);
    }
    return new Preparation(features, transforms, scaling, center, scale, weights);
  }

  /** The prepared value of feature {@code f} as a SQL column named {@code x_<feature>}. */
  static Column prepared(Preparation p, int f) {
    String name = p.features().get(f);
    return expr("(" + transformSql(p.transforms().get(f), "`" + name.replace("`", "``") + "`") + " - (" + p.center()[f] + "D)) / (" + p.scale()[f]
        + "D) * (" + p.weights()[f] + "D)").as("x_" + name);
  }
}
