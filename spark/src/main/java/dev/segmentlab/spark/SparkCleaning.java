package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.upper;

import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.quality.CleaningRule;
import dev.segmentlab.core.quality.Returns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The core's cleaning rules ({@link CleaningRule}, in their order, with the same non-product codes) as Spark
 * filters, counting what each removes. The counts are the core's {@link CleaningReport}, so the JSON is the same.
 */
public final class SparkCleaning {
  private SparkCleaning() {}

  /**
   * The kept rows (persisted) and the report; with returns netted, {@code rows} are the rows the features read
   * (netted quantities, lines taken back whole and customers with net spend &le; 0 left out) and {@code netting}
   * says what netting did, else {@code netting} is null.
   */
  public record Cleaned(Dataset<Row> rows, CleaningReport report, SparkNetting.Result netting) {
    public Cleaned(Dataset<Row> rows, CleaningReport report) { this(rows, report, null); }
  }

  /** Columns that make two rows exact duplicates (every column of the line). */
  static final String[] LINE = {"invoice", "stock_code", "description", "quantity", "ts", "price", "customer", "country"};

  /**
   * @param rows the accepted rows of {@link SparkInput} (already persisted by the caller)
   * @param rowsBefore their number
   */
  public static Cleaned clean(Dataset<Row> rows, long rowsBefore, CleaningOptions o) {
    Dataset<Row> cur = rows;
    long size = rowsBefore;
    List<CleaningReport.Step> steps = new ArrayList<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    for (CleaningRule rule : CleaningRule.values()) {
      if (!o.isOn(rule)) continue;
      cur = rule == CleaningRule.DUPLICATES ? keepFirst(cur) : cur.filter(keep(rule, o));
      if (rule == CleaningRule.DUPLICATES) {
        // later rules and the features read the de-duplicated rows again: keep them instead of shuffling twice
        cur = cur.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(cur);
      }
      long after = cur.count();
      steps.add(new CleaningReport.Step(rule, (int) (size - after), (int) after));
      size = after;
    }
    cur = cur.persist(StorageLevel.MEMORY_AND_DISK());
    long customers = cur.select("customer").filter(col("customer").isNotNull()).distinct().count();
    for (Dataset<Row> d : cached) if (d != cur) d.unpersist();
    boolean removesCancellations = o.isOn(CleaningRule.CANCELLATIONS) || o.isOn(CleaningRule.NON_POSITIVE);
    if (o.returns() == Returns.DROP || !removesCancellations) {
      return new Cleaned(cur, new CleaningReport(steps, (int) rowsBefore, (int) size, (int) customers));
    }
    SparkNetting.Result n = SparkNetting.net(cur, cancellationsToNet(rows, o));
    return new Cleaned(n.rows(), new CleaningReport(steps, (int) rowsBefore, (int) size,
        (int) (customers - n.excludedCustomers())), n);
  }

  /**
   * The first (smallest {@code rid}) of each group of identical lines, as the core's duplicate rule keeps it: the
   * row kept decides the order in which netting meets equal-dated purchases.
   */
  static Dataset<Row> keepFirst(Dataset<Row> rows) {
    List<Column> rest = new ArrayList<>();
    for (String c : rows.columns()) {
      if (c.equals("rid") || java.util.Arrays.asList(LINE).contains(c)) continue;
      rest.add(expr("first(`" + c + "`)").as(c));
    }
    rest.add(0, expr("min(rid)").as("rid"));
    Column[] cols = new Column[LINE.length];
    for (int i = 0; i < LINE.length; i++) cols[i] = col(LINE[i]);
    return rows.groupBy(cols).agg(rest.get(0), rest.subList(1, rest.size()).toArray(new Column[0]));
  }

  /**
   * The cancellation lines to net (invoice starting with C, negative quantity, with a customer) that only the
   * cancellation and non-positive rules removed: the other rules still decide which cancellations count (the
   * core's {@code Cleaner.cancellationsToNet}).
   */
  static Dataset<Row> cancellationsToNet(Dataset<Row> rows, CleaningOptions o) {
    Dataset<Row> c = rows.filter(col("invoice").isNotNull().and(upper(col("invoice").substr(1, 1)).equalTo("C"))
        .and(col("quantity").lt(0)).and(col("customer").isNotNull()));
    for (CleaningRule rule : CleaningRule.values()) {
      if (!o.isOn(rule) || rule == CleaningRule.CANCELLATIONS || rule == CleaningRule.NON_POSITIVE) continue;
      c = rule == CleaningRule.DUPLICATES ? keepFirst(c) : c.filter(keep(rule, o));
    }
    return c;
  }

  /** The rows a rule keeps (SQL's null-safe reading of the core's rule). */
  static Column keep(CleaningRule rule, CleaningOptions o) {
    switch (rule) {
      case MISSING_CUSTOMER:
        return col("customer").isNotNull();
      case CANCELLATIONS:
        return notStartingWith("C");
      case BAD_DEBT:
        return notStartingWith("A");
      case NON_POSITIVE:
        return col("quantity").gt(0).and(col("price").gt(0));
      case NON_PRODUCT: {
        Column code = upper(col("stock_code"));
        Column drop = null;
        for (String p : o.nonProductCodes()) {
          String u = p.trim().toUpperCase(Locale.ROOT);
          Column hit = u.endsWith("*") ? code.startsWith(u.substring(0, u.length() - 1)) : code.equalTo(u);
          drop = drop == null ? hit : drop.or(hit);
        }
        return drop == null ? org.apache.spark.sql.functions.lit(true) : col("stock_code").isNull().or(drop.unary_$bang());
      }
      default:
        throw new IllegalStateException(rule.name());
    }
  }

  private static Column notStartingWith(String letter) {
    return col("invoice").isNull().or(upper(col("invoice").substr(1, 1)).notEqual(letter));
  }
}
