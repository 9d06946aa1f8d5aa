package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.segmentlab.core.segments.SegmentCharts;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentNamer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * The segment ids of MLlib's clusters: 0 for the highest mean monetary, as the core numbers them (ties: the
   * smaller cluster index first).
   */
  public static int[] order(Dataset<Row> labeled, int k) {
    double[] mean = new double[k];
    Arrays.fill(mean, Double.NEGATIVE_INFINITY);
    for (Row r : labeled.groupBy("cluster").agg(expr("avg(monetary)")).collectAsList()) {
      mean[r.getInt(0)] = r.getDouble(1);
    }
    Integer[] byMean = new Integer[k];
    for (int i = 0; i < k; i++) byMean[i] = i;
    Arrays.sort(byMean, (a, b) -> mean[a] != mean[b] ? Double.compare(mean[b], mean[a]) : Integer.compare(a, b));
    int[] segmentOf = new int[k];
    for (int s = 0; s < k; s++) segmentOf[byMean[s]] = s;
    return segmentOf;
  }

  /**
   * @param labeled customers with the raw features, {@code country}, the prepared {@code x_*} columns and
   *     {@code segment}
   */
  public static Result profile(Dataset<Row> labeled, List<String> features, int k, long customers) {
    int d = features.size();
    List<Column> aggs = new ArrayList<>();
    aggs.add(expr("count(*)"));
    aggs.add(expr("sum(monetary)"));
    for (String f : features) aggs.add(expr("avg(`" + f + "`)"));
    for (String f : features) aggs.add(expr("percentile(`" + f + "`, 0.5)"));
    for (String f : features) aggs.add(expr("avg(`x_" + f + "`)"));
    List<Row> rows = labeled.groupBy("segment").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
        .collectAsList();
    double totalRevenue = labeled.agg(expr("sum(monetary)")).first().getDouble(0);
    long[] size = new long[k];
    double[] revenue = new double[k];
    double[][] means = new double[k][d], medians = new double[k][d], snake = new double[k][d];
    for (double[][] a : new double[][][] {means, medians, snake}) for (double[] row : a) Arrays.fill(row, Double.NaN);
    for (Row r : rows) {
      int s = r.getInt(0);
      size[s] = r.getLong(1);
      revenue[s] = r.getDouble(2);
      for (int f = 0; f < d; f++) {
        means[s][f] = r.getDouble(3 + f);
        medians[s][f] = r.getDouble(3 + d + f);
        snake[s][f] = r.getDouble(3 + 2 * d + f);
      }
    }
    Map<Integer, Object[]> top = topCountries(labeled);
    List<Profile> profiles = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      Object[] t = top.get(s);
      profiles.add(new Profile(s, size[s], (double) size[s] / customers, means[s], medians[s], revenue[s],
          totalRevenue == 0 ? Double.NaN : revenue[s] / totalRevenue, t == null ? null : (String) t[0],
          t == null ? Double.NaN : ((Long) t[1]) / (double) size[s]));
    }
    List<SegmentName> names;
    if (features.containsAll(RFM)) {
      names = rfmNames(labeled, features, medians, means, size, customers);
    } else {
      List<List<Double>> values = new ArrayList<>();
      for (double[] row : snake) values.add(Arrays.stream(row).boxed().toList());
      int[] sizes = Arrays.stream(size).mapToInt(x -> (int) x).toArray();
      names = SegmentNamer.featureNames(new SegmentCharts.SegmentMatrix(features, values), sizes, SegmentNamer.Options.DEFAULT);
    }
    return new Result(profiles, names);
  }

  /** Percentile of each segment median among all customers: one pass counting values below and equal. */
  private static List<SegmentName> rfmNames(Dataset<Row> labeled, List<String> features, double[][] medians,
      double[][] allMeans, long[] size, long customers) {
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
    double[][] means = new double[k][];
    double[][] pct = new double[k][];
    for (int s = 0; s < k; s++) {
      if (size[s] == 0) continue;
      means[s] = new double[3];
      pct[s] = new double[3];
      for (int c = 0; c < 3; c++) {
        long below = r.getLong(6 * s + 2 * c);
        long equal = r.getLong(6 * s + 2 * c + 1);
        double p = (below + 0.5 * equal) / customers;
        pct[s][c] = c == 0 ? 1 - p : p;
        means[s][c] = allMeans[s][features.indexOf(RFM.get(c))];
      }
    }
    return SegmentNamer.rfmNames(means, pct);
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
