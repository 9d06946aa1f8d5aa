package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Returns netted as the core nets them ({@code ReturnsNetting}, {@link dev.segmentlab.core.quality.Returns#NET}):
 * each cancellation line takes its units back from the same customer's purchases of the same stock code dated no
 * later than the cancellation, the latest purchase first (date, then input order), at that purchase's price; the
 * cancellations of a customer and stock code are taken in date order, then input order. What no purchase covers is
 * subtracted from the customer's spend; customers whose net spend is &le; 0 (in cents) are left out.
 *
 * <p>Only the (customer, stock code) pairs that have a cancellation are grouped, each group in one task: the
 * matching is sequential within a pair and independent between pairs, so it distributes like the rest of the job.
 */
public final class SparkNetting {
  private SparkNetting() {}

  /**
   * What netting did.
   *
   * @param rows the kept rows the features read: netted {@code quantity} &gt; 0, with a customer whose net spend is
   *     positive (persisted)
   * @param unmatched {@code customer}, {@code unmatched}: value of each customer's cancellations that no purchase
   *     covered
   */
  public record Result(Dataset<Row> rows, Dataset<Row> unmatched, long cancellationLines, double matchedValue,
      double unmatchedValue, long ordersCancelledWhole, long excludedCustomers) {}

  private static final StructType OUT = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("rid", DataTypes.LongType, false)
      .add("customer", DataTypes.StringType, true)
      .add("q", DataTypes.DoubleType, false)
      .add("value", DataTypes.DoubleType, false);

  private static final String[] COLS = {"kind", "rid", "customer", "stock_code", "ts", "quantity", "price"};

  /**
   * @param kept the rows the cleaning rules kept (with {@code rid})
   * @param cancellations the cancellation lines to net ({@link SparkCleaning#cancellationsToNet})
   */
  public static Result net(Dataset<Row> kept, Dataset<Row> cancellations) {
    Dataset<Row> c = cancellations.withColumn("kind", lit("C")).selectExpr(COLS).persist(StorageLevel.MEMORY_AND_DISK());
    long lines = c.count();
    Dataset<Row> keys = c.selectExpr("customer AS k_customer", "stock_code AS k_stock").distinct();
    Dataset<Row> purchases = kept.filter(col("quantity").gt(0).and(col("customer").isNotNull()))
        .join(keys, col("customer").equalTo(col("k_customer")).and(col("stock_code").eqNullSafe(col("k_stock"))), "left_semi")
        .withColumn("kind", lit("P")).selectExpr(COLS);
    Dataset<Row> moves = purchases.unionByName(c)
        .groupByKey((MapFunction<Row, String>) SparkNetting::key, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) SparkNetting::netGroup, Encoders.row(OUT))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Row tot = moves.agg(expr("sum(CASE WHEN kind = 'P' THEN value ELSE 0D END)"),
        expr("sum(CASE WHEN kind = 'C' THEN value ELSE 0D END)")).first();
    double matched = tot.isNullAt(0) ? 0 : tot.getDouble(0);
    double unmatchedValue = tot.isNullAt(1) ? 0 : tot.getDouble(1);
    Dataset<Row> newQ = moves.filter("kind = 'P'").selectExpr("rid AS n_rid", "q AS n_q");
    Dataset<Row> unmatched = moves.filter("kind = 'C'").groupBy("customer").agg(expr("sum(value)").as("unmatched"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> netted = kept.join(newQ, col("rid").equalTo(col("n_rid")), "left")
        .withColumn("q0", col("quantity"))
        .withColumn("quantity", coalesce(col("n_q"), col("quantity")))
        .drop("n_rid", "n_q")
        .persist(StorageLevel.MEMORY_AND_DISK());
    long whole = netted.groupBy("invoice").agg(expr("max(q0 > 0)").as("had"), expr("max(quantity > 0)").as("has"))
        .filter("had AND NOT has").count();
    Dataset<Row> excluded = netted.filter(col("customer").isNotNull()).groupBy("customer")
        .agg(expr("sum(quantity * price)").as("spend"))
        .join(unmatched.withColumnRenamed("customer", "u_customer"), col("customer").equalTo(col("u_customer")), "left")
        // Math.round((spend - unmatched) * 100) <= 0, as the core decides it
        .filter(expr("floor((spend - coalesce(unmatched, 0D)) * 100D + 0.5D) <= 0"))
        .select("customer")
        .persist(StorageLevel.MEMORY_AND_DISK());
    long excludedCount = excluded.count();
    Dataset<Row> rows = netted.filter(col("customer").isNotNull().and(col("quantity").gt(0)))
        .join(excluded, new String[] {"customer"}, "left_anti")
        .drop("q0")
        .persist(StorageLevel.MEMORY_AND_DISK());
    rows.count();
    netted.unpersist();
    excluded.unpersist();
    c.unpersist();
    moves.unpersist();
    return new Result(rows, unmatched, lines, matched, unmatchedValue, whole, excludedCount);
  }

  private static String key(Row r) {
    String stock = r.getString(3);
    return r.getString(2) + '\u0000' + (stock == null ? "\u0001" : "=" + stock);
  }

  /**
   * One customer and stock code: the cancellations in (date, input order) each take from the purchases dated no
   * later, the latest first. Emits a {@code P} row for each purchase whose quantity changed (its new quantity and
   * the value taken back) and a {@code C} row per cancellation with the value no purchase covered.
   */
  static Iterator<Row> netGroup(String key, Iterator<Row> it) {
    List<Row> cs = new ArrayList<>(), ps = new ArrayList<>();
    while (it.hasNext()) {
      Row r = it.next();
      (r.getString(0).equals("C") ? cs : ps).add(r);
    }
    Comparator<Row> order = Comparator.comparingLong((Row r) -> r.getLong(4)).thenComparingLong(r -> r.getLong(1));
    cs.sort(order);
    ps.sort(order);
    double[] q = new double[ps.size()], taken = new double[ps.size()];
    for (int i = 0; i < q.length; i++) q[i] = ps.get(i).getDouble(5);
    List<Row> out = new ArrayList<>();
    for (Row cr : cs) {
      double need = -cr.getDouble(5);
      long date = cr.getLong(4);
      for (int i = q.length - 1; i >= 0 && need > 0; i--) {
        if (ps.get(i).getLong(4) > date || q[i] <= 0) continue;
        double take = Math.min(q[i], need);
        q[i] -= take;
        need -= take;
        taken[i] += take * ps.get(i).getDouble(6);
      }
      double unmatched = need > 0 ? need * Math.abs(cr.getDouble(6)) : 0;
      out.add(RowFactory.create("C", cr.getLong(1), cr.getString(2), 0.0, unmatched));
    }
    for (int i = 0; i < q.length; i++) {
      Row p = ps.get(i);
      if (q[i] != p.getDouble(5)) out.add(RowFactory.create("P", p.getLong(1), p.getString(2), q[i], taken[i]));
    }
    return out.iterator();
  }
}
