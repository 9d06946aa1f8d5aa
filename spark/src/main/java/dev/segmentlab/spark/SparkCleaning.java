package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.upper;

import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.quality.CleaningRule;
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

  /** The kept rows (persisted) and the report. */
  public record Cleaned(Dataset<Row> rows, CleaningReport report) {}

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
      cur = rule == CleaningRule.DUPLICATES ? cur.dropDuplicates(LINE) : cur.filter(keep(rule, o));
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
    return new Cleaned(cur, new CleaningReport(steps, (int) rowsBefore, (int) size, (int) customers));
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
