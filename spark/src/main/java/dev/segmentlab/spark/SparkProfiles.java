package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.segmentlab.core.segments.SegmentCharts;
import dev.segmentlab.core.segments.SegmentInput;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentNamer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-segment statistics (k × features numbers: the only data that reaches the driver) and the core's names from
 * them: RFM names from the segment medians' mid-rank percentiles among all customers when the features include
 * recency, frequency and monetary, else the customer-table names from the snake plot ({@link SegmentNamer}).
 */
public final class SparkProfiles {
  private SparkProfiles() {}

  private static final List<String> RFM = List.of("recency", "frequency", "monetary");

  /**
   * One segment's figures (original units).
   *
   * @param means clustered feature → mean; medians likewise
   * @param revenue Σ monetary of its customers; revenueShare its share of all customers' monetary (NaN if that is 0)
   */
  public record Profile(int id, long size, double share, double[] means, double[] medians, double revenue,
      double revenueShare, String topCountry, double topCountryShare) {}

  /** Profiles by segment id and the names. */
  public record Result(List<Profile> profiles, List<SegmentName> names) {}

  /**
   * The segment ids of MLlib's clusters as the core numbers them ({@code KMeans.rank}): by the mean of
   * {@code key} descending (transactions: monetary), or by size descending when {@code key} is null; ties by the
   * centres' coordinates, then the cluster index.
   */
  public static int[] order(Dataset<Row> labeled, int k, String key, double[][] centers) {
    double[] score = new double[k];
    Arrays.fill(score, Double.NEGATIVE_INFINITY);
    String agg = key == null ? "CAST(count(*) AS DOUBLE)" : "avg(`" + key + "`)";
    for (Row r : labeled.groupBy("cluster").agg(expr(agg)).collectAsList()) {
      score[r.getInt(0)] = r.getDouble(1);
    }
    Integer[] byScore = new Integer[k];
    for (int i = 0; i < k; i++) byScore[i] = i;
    Arrays.sort(byScore, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
        : centers != null && Arrays.compare(centers[a], centers[b]) != 0 ? Arrays.compare(centers[a], centers[b])
        : Integer.compare(a, b));
    int[] segmentOf = new int[k];
    for (int s = 0; s < k; s++) segmentOf[byScore[s]] = s;
    return segmentOf;
  }

  /** By mean monetary (transactions), ties by cluster index. */
  public static int[] order(Dataset<Row> labeled, int k) {
    return order(labeled, k, "monetary", null);
  }

  /** {@link #profile(Dataset, List, int, long, SegmentInput.Mode)} of transactions. */
  public static Result profile(Dataset<Row> labeled, List<String> features, int k, long customers) {
    return profile(labeled, features, k, customers, SegmentInput.Mode.TRANSACTIONS);
  }

  /**
   * @param labeled customers with the raw features, {@code country} (transactions), the prepared {@code x_*}
   *     columns and {@code segment}
   * @param mode transactions (RFM names when the features include recency, frequency and monetary) or a customer
   *     table (names from the snake plot)
   */
  public static Result profile(Dataset<Row> labeled, List<String> features, int k, long customers,
      SegmentInput.Mode mode) {
    int d = features.size();
    boolean transactions = mode == SegmentInput.Mode.TRANSACTIONS;
    List<Column> aggs = new ArrayList<>();
    aggs.add(expr("count(*)"));
    aggs.add(transactions ? expr("sum(monetary)") : expr("0D"));
    for (String f : features) aggs.add(expr("avg(`" + f + "`)"));
    for (String f : features) aggs.add(expr("avg(`x_" + f + "`)"));
    List<Row> rows = labeled.groupBy("segment").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
        .collectAsList();
    List<Column> all = new ArrayList<>();
    all.add(transactions ? expr("sum(monetary)") : expr("0D"));
    for (String f : features) all.add(expr("stddev_pop(`" + f + "`)"));
    Row totals = labeled.agg(all.get(0), all.subList(1, all.size()).toArray(new Column[0])).first();
    double totalRevenue = totals.isNullAt(0) ? 0 : totals.getDouble(0);
    double[] sds = new double[d];
    for (int f = 0; f < d; f++) sds[f] = totals.isNullAt(1 + f) ? 0 : totals.getDouble(1 + f);
    long[] size = new long[k];
    double[] revenue = new double[k];
    double[][] means = new double[k][d], snake = new double[k][d];
    for (double[][] a : new double[][][] {means, snake}) for (double[] row : a) Arrays.fill(row, Double.NaN);
    for (Row r : rows) {
      int s = r.getInt(0);
      size[s] = r.getLong(1);
      revenue[s] = r.getDouble(2);
      for (int f = 0; f < d; f++) {
        means[s][f] = r.getDouble(3 + f);
        snake[s][f] = r.getDouble(3 + d + f);
      }
    }
    double[] overall = new double[d];
    double[][] medians = medians(labeled, features, size, overall);
    Map<Integer, Object[]> top = transactions ? topCountries(labeled) : Map.of();
    List<Profile> profiles = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      Object[] t = top.get(s);
      profiles.add(new Profile(s, size[s], (double) size[s] / customers, means[s], medians[s], revenue[s],
          !transactions || totalRevenue == 0 ? Double.NaN : revenue[s] / totalRevenue, t == null ? null : (String) t[0],
          t == null ? Double.NaN : ((Long) t[1]) / (double) size[s]));
    }
    int[] sizes = Arrays.stream(size).mapToInt(x -> (int) x).toArray();
    String[] names = features.toArray(new String[0]);
    double[][] pct = transactions && features.containsAll(RFM) ? percentiles(labeled, features, medians, size, customers) : null;
    List<List<Double>> values = new ArrayList<>();
    for (double[] row : snake) values.add(Arrays.stream(row).boxed().toList());
    List<SegmentName> named = SegmentNamer.fromStatistics(mode, names, sizes, means, medians, overall, pct,
        new SegmentCharts.SegmentMatrix(features, values), sds, SegmentNamer.Options.DEFAULT);
    return new Result(profiles, named);
  }

  /**
   * The exact median (linear interpolation between the two middle values, as the core's) of each feature per
   * segment and over all customers: per feature one distributed sort by segment and value and one by value, of
   * which only the middle rows (two per segment) reach the driver.
   *
   * @param overall filled with each feature's median over all customers
   * @return per segment id the medians (NaN for an empty segment)
   */
  static double[][] medians(Dataset<Row> labeled, List<String> features, long[] size, double[] overall) {
    int k = size.length, d = features.size();
    long n = Arrays.stream(size).sum();
    long[] start = new long[k];
    for (int s = 1; s < k; s++) start[s] = start[s - 1] + size[s - 1];
    double[][] out = new double[k][d];
    for (double[] row : out) Arrays.fill(row, Double.NaN);
    for (int f = 0; f < d; f++) {
      String c = "`" + features.get(f) + "`";
      Map<Long, Double> bySegment = middle(labeled.selectExpr("segment", "CAST(" + c + " AS DOUBLE) AS v").orderBy("segment", "v"), start, size);
      for (int s = 0; s < k; s++) if (size[s] > 0) out[s][f] = median(bySegment, start[s], size[s]);
      Map<Long, Double> whole = middle(labeled.selectExpr("0 AS segment", "CAST(" + c + " AS DOUBLE) AS v").orderBy("v"),
          new long[] {0}, new long[] {n});
      overall[f] = median(whole, 0, n);
    }
    return out;
  }

  /** The values at the middle positions of each run [start, start + size) of the sorted rows. */
  private static Map<Long, Double> middle(Dataset<Row> sorted, long[] start, long[] size) {
    HashSet<Long> wanted = new HashSet<>();
    for (int s = 0; s < start.length; s++) {
      if (size[s] == 0) continue;
      long lo = (size[s] - 1) / 2;
      wanted.add(start[s] + lo);
      wanted.add(start[s] + Math.min(lo + 1, size[s] - 1));
    }
    Map<Long, Double> out = new HashMap<>();
    for (scala.Tuple2<Row, Long> t : sorted.javaRDD().zipWithIndex()
        .filter((Function<scala.Tuple2<Row, Long>, Boolean>) t -> wanted.contains(t._2())).collect()) {
      out.put(t._2(), t._1().getDouble(1));
    }
    return out;
  }

  /** {@code quality.Stats.quantile(sorted, 0.5)} from the two middle values of a run. */
  private static double median(Map<Long, Double> middle, long start, long size) {
    double h = (size - 1) * 0.5;
    long lo = (long) Math.floor(h);
    long hi = Math.min(lo + 1, size - 1);
    double a = middle.get(start + lo), b = middle.get(start + hi);
    return a + (h - lo) * (b - a);
  }

  /**
   * Mid-rank percentile of each segment median among all customers (one pass counting values below and equal),
   * recency reversed, as the core's RFM naming places a segment.
   */
  private static double[][] percentiles(Dataset<Row> labeled, List<String> features, double[][] medians, long[] size,
      long customers) {
    int k = size.length;
    List<Column> counts = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      for (String f : RFM) {
        double m = size[s] == 0 ? 0 : medians[s][features.indexOf(f)];
        counts.add(expr("count_if(`" + f + "` < " + m + "D)"));
        counts.add(expr("count_if(`" + f + "` = " + m + "D)"));
      }
    }
    Row r = labeled.agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0])).first();
    double[][] pct = new double[k][];
    for (int s = 0; s < k; s++) {
      if (size[s] == 0) continue;
      pct[s] = new double[3];
      for (int c = 0; c < 3; c++) {
        long below = r.getLong(6 * s + 2 * c);
        long equal = r.getLong(6 * s + 2 * c + 1);
        double p = (below + 0.5 * equal) / customers;
        pct[s][c] = c == 0 ? 1 - p : p;
      }
    }
    return pct;
  }

  /** Segment → {most frequent country of its customers, its count}; ties to the alphabetically first. */
  private static Map<Integer, Object[]> topCountries(Dataset<Row> labeled) {
    Map<Integer, Object[]> out = new HashMap<>();
    List<Row> rows = labeled.filter(col("country").isNotNull()).groupBy("segment", "country").count()
        .withColumn("rank", expr("row_number() OVER (PARTITION BY segment ORDER BY count DESC, country)"))
        .filter("rank = 1").collectAsList();
    for (Row r : rows) out.put(r.getInt(0), new Object[] {r.getString(1), r.getLong(2)});
    return out;
  }
}
