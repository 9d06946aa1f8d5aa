package dev.segmentlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import dev.segmentlab.core.data.ColumnMapping;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.data.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads transactions (CSV, plain or gzipped, or Parquet; a file or a folder of them; any Hadoop file system) and
 * maps their columns with the core's aliases ({@link ColumnMapping#detect}) into typed columns: {@code invoice},
 * {@code stock_code}, {@code description}, {@code quantity}, {@code ts} (epoch seconds, UTC wall clock as the
 * core reads it), {@code price}, {@code customer}, {@code country}, {@code rid} (the row's place in the input). Rows whose quantity, price
 * or date cannot be read are rejected and counted, as the core's reader does.
 */
public final class SparkInput {
  private SparkInput() {}

  /** The typed rows and what reading found. */
  public record Loaded(Dataset<Row> rows, ColumnMapping mapping, String format, long bytes, String dateFormat,
      Mode mode, String idColumn, List<String> numeric) {
    /** Transactions. */
    public Loaded(Dataset<Row> rows, ColumnMapping mapping, String format, long bytes, String dateFormat) {
      this(rows, mapping, format, bytes, dateFormat, Mode.TRANSACTIONS, null, List.of());
    }
  }

  /** The input's format: the option, else {@code parquet} when the path or a file under it ends in .parquet. */
  public static String format(String path, String option, Configuration conf) {
    if (option != null && !option.equalsIgnoreCase("auto")) return option.toLowerCase(Locale.ROOT);
    List<FileStatus> files = files(path, conf);
    boolean parquet = path.toLowerCase(Locale.ROOT).endsWith(".parquet")
        || files.stream().anyMatch(f -> f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet"));
    return parquet ? "parquet" : "csv";
  }

  /** The data files of a path (itself, or the visible files under a folder), so that a wrong path fails early. */
  public static List<FileStatus> files(String path, Configuration conf) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) throw new JobException("Input not found: " + path);
      FileStatus st = fs.getFileStatus(p);
      List<FileStatus> out = new ArrayList<>();
      if (st.isFile()) {
        out.add(st);
      } else {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          String n = f.getPath().getName();
          if (!n.startsWith("_") && !n.startsWith(".") && f.getLen() > 0) out.add(f);
        }
        if (out.isEmpty()) throw new JobException("No data files under " + path);
      }
      return out;
    } catch (IOException e) {
      throw new JobException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws JobException when the path is missing or the columns needed for transactions are not there
   */
  public static Loaded read(SparkSession spark, String path, String formatOption) {
    return read(spark, path, formatOption, null);
  }

  /**
   * @param forced the mode asked for ({@code --mode}), or null for the one the columns show (the core's
   *     {@link ColumnMapping#mode}: transactions when every needed column is there, a customer table unless two
   *     transaction columns say otherwise)
   */
  public static Loaded read(SparkSession spark, String path, String formatOption, Mode forced) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
      throw new JobException("Workbooks are not read on Spark: save " + path + " as CSV or Parquet.");
    }
    List<FileStatus> files = files(path, conf);
    long bytes = files.stream().mapToLong(FileStatus::getLen).sum();
    String format = format(path, formatOption, conf);
    Dataset<Row> raw;
    if (format.equals("parquet")) {
      raw = spark.read().parquet(path);
    } else if (format.equals("csv")) {
      String delimiter = delimiter(firstLine(files.get(0).getPath(), conf));
      raw = spark.read().option("header", "true").option("inferSchema", "false").option("sep", delimiter)
          .option("mode", "PERMISSIVE").csv(path);
    } else {
      throw new JobException("Unknown --input-format '" + formatOption + "': use auto, csv or parquet.");
    }
    List<String> headers = List.of(raw.columns());
    ColumnMapping m = ColumnMapping.detect(headers);
    Mode mode;
    try {
      mode = forced == Mode.TRANSACTIONS ? Mode.TRANSACTIONS : m.mode(forced);
    } catch (DataException e) {
      throw new JobException(e.getMessage(), e);
    }
    if (mode == Mode.CUSTOMERS) return customers(raw, headers, m, format, bytes);
    if (!m.isTransactions()) {
      throw new JobException("The input has no column for " + m.missingRequired().stream().map(Role::label)
          .collect(Collectors.joining(", ")) + ". Its columns are: " + String.join(", ", headers) + ".");
    }
    String dateFormat = dateFormat(raw, m.column(Role.INVOICE_DATE));
    return new Loaded(typed(raw, m, dateFormat), m, format, bytes, dateFormat);
  }

  /** Largest absolute value of a number in a customer table (the core's); beyond it the row is rejected. */
  static final double MAX_VALUE = 1e15;

  /**
   * A table with one row per customer, read as the core's {@code CustomerTableBuilder} reads it: a column is a
   * number when all its non-blank cells are numbers; the id is the mapped customer id column, else a header that
   * reads like an id, else the first text column whose values are all distinct; a row with an infinite or absurd
   * number is rejected. Rows: {@code customer} (the id, or the row number without one), each numeric column
   * (double, named as in the header), {@code rejected}.
   */
  private static Loaded customers(Dataset<Row> raw, List<String> headers, ColumnMapping m, String format, long bytes) {
    List<Column> texts = new ArrayList<>();
    for (String h : headers) texts.add(expr("nullif(trim(CAST(" + q(h) + " AS STRING)), '')").as(h));
    Dataset<Row> t = raw.select(texts.toArray(new Column[0]))
        .withColumn("__rid", org.apache.spark.sql.functions.monotonically_increasing_id());
    List<Column> aggs = new ArrayList<>();
    for (String h : headers) {
      aggs.add(expr("count_if(" + q(h) + " IS NOT NULL AND (try_cast(" + q(h) + " AS DOUBLE) IS NULL OR isnan(try_cast("
          + q(h) + " AS DOUBLE))))"));
      aggs.add(expr("count(" + q(h) + ")"));
      aggs.add(expr("count(DISTINCT " + q(h) + ")"));
    }
    aggs.add(expr("count(*)"));
    Row r = t.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    long n = r.getLong(3 * headers.size());
    boolean[] numeric = new boolean[headers.size()];
    for (int c = 0; c < numeric.length; c++) numeric[c] = r.getLong(3 * c) == 0 && r.getLong(3 * c + 1) > 0;
    int id = m.column(Role.CUSTOMER_ID) == null ? -1 : headers.indexOf(m.column(Role.CUSTOMER_ID));
    for (int c = 0; c < headers.size() && id < 0; c++) {
      String h = Role.normalise(headers.get(c));
      if (Role.CUSTOMER_ID.aliases().contains(h) || h.equals("id") || h.endsWith("id")) id = c;
    }
    for (int c = 0; c < headers.size() && id < 0; c++) {
      if (!numeric[c] && r.getLong(3 * c + 1) == n && r.getLong(3 * c + 2) == n) id = c;
    }
    List<String> cols = new ArrayList<>();
    List<Column> select = new ArrayList<>();
    select.add(id >= 0 ? col(headers.get(id)).as("customer")
        : expr("CAST(row_number() OVER (ORDER BY __rid) AS STRING)").as("customer"));
    Column bad = lit(false);
    for (int c = 0; c < headers.size(); c++) {
      if (!numeric[c] || c == id) continue;
      String h = headers.get(c);
      cols.add(h);
      Column v = expr("try_cast(" + q(h) + " AS DOUBLE)");
      select.add(v.as(h));
      bad = bad.or(v.isNotNull().and(expr("NOT (abs(try_cast(" + q(h) + " AS DOUBLE)) <= " + MAX_VALUE + "D)")));
    }
    if (cols.isEmpty()) {
      throw new JobException("No column could be used: the file has neither transaction columns (invoice, date, "
          + "quantity, unit price, customer id) nor numeric customer columns. Its columns are: "
          + String.join(", ", headers) + ".");
    }
    select.add(bad.as("rejected"));
    Dataset<Row> rows = t.select(select.toArray(new Column[0]));
    return new Loaded(rows, m, format, bytes, null, Mode.CUSTOMERS, id >= 0 ? headers.get(id) : null, List.copyOf(cols));
  }

  private static String q(String column) { return "`" + column.replace("`", "``") + "`"; }

  private static String firstLine(Path p, Configuration conf) {
    try {
      FileSystem fs = p.getFileSystem(conf);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
      try (InputStream raw = fs.open(p);
          InputStream in = codec == null ? raw : codec.createInputStream(raw);
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line = r.readLine();
        if (line == null) throw new JobException("The input is empty: " + p);
        return line;
      }
    } catch (IOException e) {
      throw new JobException("Cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  /** The header's delimiter among comma, semicolon, tab and pipe (the most frequent; comma on a tie). */
  static String delimiter(String header) {
    String best = ",";
    long most = header.chars().filter(c -> c == ',').count();
    for (String d : new String[] {";", "\t", "|"}) {
      long n = header.chars().filter(c -> c == d.charAt(0)).count();
      if (n > most) { most = n; best = d; }
    }
    return best;
  }

  /**
   * The date pattern: ISO when dates start with a 4-digit year, else d/M/yyyy when some first field is above 12,
   * else M/d/yyyy (the core's rule). Parquet timestamps are used as they are.
   */
  private static String dateFormat(Dataset<Row> raw, String column) {
    if (!raw.schema().apply(column).dataType().typeName().equals("string")) return null;
    Row r = raw.select(
        expr("max(CASE WHEN " + sql(column) + " RLIKE '^[0-9]{4}-' THEN 1 ELSE 0 END)").as("iso"),
        expr("max(try_cast(regexp_extract(" + sql(column) + ", '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]', 1) AS INT))").as("first"))
        .first();
    boolean iso = !r.isNullAt(0) && r.getInt(0) == 1;
    if (iso) return "iso";
    return !r.isNullAt(1) && r.getInt(1) > 12 ? "dmy" : "mdy";
  }

  private static String sql(String column) { return "trim(`" + column.replace("`", "``") + "`)"; }

  private static Dataset<Row> typed(Dataset<Row> raw, ColumnMapping m, String dateFormat) {
    Column quantity = number(raw, m.column(Role.QUANTITY));
    Column price = number(raw, m.column(Role.UNIT_PRICE));
    Column ts = timestamp(raw, m.column(Role.INVOICE_DATE), dateFormat);
    Dataset<Row> t = raw.select(
        text(m, Role.INVOICE).as("invoice"),
        text(m, Role.STOCK_CODE).as("stock_code"),
        text(m, Role.DESCRIPTION).as("description"),
        quantity.as("quantity"),
        ts.as("ts"),
        price.as("price"),
        customerId(m.column(Role.CUSTOMER_ID)).as("customer"),
        text(m, Role.COUNTRY).as("country"),
        // the row's place in the input (file order within a file), which the core's netting and duplicates use
        org.apache.spark.sql.functions.monotonically_increasing_id().as("rid"));
    return t.withColumn("rejected", col("quantity").isNull().or(col("price").isNull()).or(col("ts").isNull()));
  }

  private static Column text(ColumnMapping m, Role r) {
    String c = m.column(r);
    if (c == null) return lit(null).cast("string");
    return expr("nullif(trim(CAST(`" + c.replace("`", "``") + "` AS STRING)), '')");
  }

  /** The id as text without a ".0" a spreadsheet added (17850.0 → 17850), as the core's reader does. */
  private static Column customerId(String c) {
    return expr("nullif(regexp_replace(trim(CAST(`" + c.replace("`", "``") + "` AS STRING)), '\\\\.0+$', ''), '')");
  }

  private static Column number(Dataset<Row> raw, String c) {
    String q = "`" + c.replace("`", "``") + "`";
    String type = raw.schema().apply(c).dataType().typeName();
    if (!type.equals("string")) return expr("CAST(" + q + " AS DOUBLE)");
    return expr("try_cast(trim(" + q + ") AS DOUBLE)");
  }

  private static Column timestamp(Dataset<Row> raw, String c, String dateFormat) {
    String q = "`" + c.replace("`", "``") + "`";
    String type = raw.schema().apply(c).dataType().typeName();
    if (type.startsWith("timestamp")) return expr("unix_timestamp(" + q + ")");
    if (type.equals("date")) return expr("unix_timestamp(CAST(" + q + " AS TIMESTAMP))");
    String[] patterns = switch (dateFormat) {
      case "iso" -> new String[] {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"};
      case "dmy" -> new String[] {"d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy", "d.M.yyyy H:mm", "d.M.yyyy", "d-M-yyyy H:mm", "d-M-yyyy"};
      default -> new String[] {"M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy", "M/d/yy H:mm", "M/d/yy"};
    };
    StringBuilder sb = new StringBuilder("unix_timestamp(coalesce(");
    for (int i = 0; i < patterns.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append("try_to_timestamp(trim(").append(q).append("), '").append(patterns[i].replace("'", "\\'")).append("')");
    }
    return expr(sb.append("))").toString());
  }

  /** Label of a detected date format, for the JSON. */
  public static String dateFormatLabel(String f) {
    if (f == null) return "timestamp";
    return switch (f) {
      case "iso" -> "yyyy-MM-dd HH:mm:ss (ISO)";
      case "dmy" -> "d/M/yyyy H:mm (day first)";
      default -> "M/d/yyyy H:mm (month first)";
    };
  }
}
