package dev.segmentlab.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.Returns;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code segment PATH [options]}: the core's {@code segment} command on Spark. Main class for spark-submit
 * ({@code spark-submit --class dev.segmentlab.spark.SparkSegment segmentlab-spark.jar segment PATH --k 4 --out OUT})
 * and for {@code spark/run-local.sh}. Exit 0 on success, 2 with one line on stderr when the input or an option is
 * not usable.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = "On Spark: read → default cleaning (returns netted or dropped) → RFM features → MLlib k sweep → chosen k → named segments.")
public final class SparkSegment implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "CSV (optionally .gz) or Parquet: a file or a folder, "
      + "local or on any Hadoop file system (hdfs://, s3a://, abfs://, gs://).")
  String input;

  @Option(names = "--input-format", defaultValue = "auto", description = "auto, csv or parquet (default ${DEFAULT-VALUE}: parquet when the path or its files end in .parquet).")
  String inputFormat;

  @Option(names = "--k", paramLabel = "N|auto", defaultValue = "auto", description = "Number of segments, or auto (the knee of the WCSS curve). Default ${DEFAULT-VALUE}.")
  String k;

  @Option(names = "--k-min", defaultValue = "2", description = "Smallest k of the sweep (default ${DEFAULT-VALUE}).")
  int kMin;

  @Option(names = "--k-max", defaultValue = "10", description = "Largest k of the sweep, at most 30 (default ${DEFAULT-VALUE}).")
  int kMax;

  @Option(names = "--restarts", defaultValue = "10", description = "k-means fits per k with seeds seed, seed+1, …; the lowest WCSS is kept (default ${DEFAULT-VALUE}).")
  int restarts;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--returns", defaultValue = "net", paramLabel = "net|drop",
      description = "Cancellations: net them against the customer's purchases (default) or drop them as the seeds do.")
  String returns;

  @Option(names = "--mode", paramLabel = "transactions|customers", description = "How to read PATH: transactions "
      + "(invoice lines) or customers (one row per customer, e.g. Mall Customers); default: what the columns show.")
  String mode;

  @Option(names = "--features", split = ",", paramLabel = "F", description = "Features to cluster on (default recency,frequency,monetary; "
      + "also tenure, avg_order_value, distinct_products, avg_items_per_order, return_rate).")
  List<String> features = new ArrayList<>();

  @Option(names = "--transform", defaultValue = "log1p", description = "none, log1p or cube-root (default ${DEFAULT-VALUE}).")
  String transform;

  @Option(names = "--scale", defaultValue = "standard", description = "none, standard, robust or min-max (default ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--stability", defaultValue = "0", paramLabel = "RUNS", description = "Accepted for the core's command line; stability re-runs are not done on Spark.")
  int stability;

  @Option(names = "--max-iter", defaultValue = "100", description = "Lloyd iterations per k-means fit (default ${DEFAULT-VALUE}).")
  int maxIter;

  @Option(names = "--silhouette-sample", defaultValue = "20000", paramLabel = "N", description = "Customers sampled for the silhouette; 0 skips it (default ${DEFAULT-VALUE}).")
  long silhouetteSample;

  @Option(names = "--out", paramLabel = "PATH", description = "Write the labeled customers (Parquet folder; CSV with --out-format csv or a .csv path).")
  String out;

  @Option(names = "--out-format", paramLabel = "parquet|csv", description = "Format of --out (default: csv for a .csv path, else parquet).")
  String outFormat;

  @Option(names = "--force", description = "Replace outputs that exist.")
  boolean force;

  @Option(names = "--json", description = "Print one JSON object (the core's segment --json keys).")
  boolean json;

  @Option(names = "--json-out", paramLabel = "PATH", description = "Write the JSON object to this file (any Hadoop file system).")
  String jsonOut;

  @Option(names = "--save-workspace", paramLabel = "W.segmentlab.json", description = "Save a workspace the desktop app opens (a local file).")
  Path saveWorkspace;

  @Option(names = "--master", description = "Spark master when spark-submit gave none (default local[*]).")
  String master;

  @Option(names = "--verbose", description = "Keep Spark's log and show stack traces.")
  boolean verbose;

  private SparkSession session;
  private PrintWriter stdout;

  /** For spark-submit and run-local.sh. */
  public static void main(String[] args) {
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    if (!verbose && System.getProperty("log4j2.configurationFile") == null) {
      // before Spark starts its logging: its default profile prints INFO lines while the session starts
      System.setProperty("log4j2.configurationFile", "classpath:dev/segmentlab/spark/log4j2-quiet.properties");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), null));
  }

  /**
   * Runs the command.
   *
   * @param args {@code segment PATH [options]} (the word {@code segment} may be left out)
   * @param spark a session to use (tests), or null to get or create one (stopped at the end when created here)
   * @return the exit code: 0, 2 for bad input or options, 1 for an unexpected failure
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, SparkSession spark) {
    String[] a = args.length > 0 && args[0].equals("segment") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    SparkSegment cmd = new SparkSegment();
    cmd.session = spark;
    cmd.stdout = out;
    CommandLine cl = new CommandLine(cmd);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((e, x) -> {
      err.println("error: " + e.getMessage() + " (see --help)");
      return 2;
    });
    cl.setExecutionExceptionHandler((e, c, p) -> {
      if (cmd.verbose) e.printStackTrace(err);
      err.println("error: " + message(e));
      return expected(e) ? 2 : 1;
    });
    int code = cl.execute(a);
    out.flush();
    err.flush();
    return code;
  }

  @Override public Integer call() throws ExportException, IOException {
    if (!verbose) Logs.quiet();
    SparkPipeline.Options o = options();
    Configuration hadoop = new Configuration();
    checkFree(out, hadoop);
    checkFree(jsonOut, hadoop);
    if (saveWorkspace != null && Files.exists(saveWorkspace) && !force) {
      throw new JobException(saveWorkspace + " exists; add --force to replace it.");
    }
    if (isLocal(input)) SparkInput.files(input, hadoop); // a wrong local path fails before Spark starts
    boolean own = session == null;
    SparkSession spark = own ? Sessions.create(master) : session;
    if (!verbose) Logs.quiet(); // again: a new context configures Spark's own logging
    try {
      SparkInput.files(input, spark.sparkContext().hadoopConfiguration());
      SparkPipeline.Result r = SparkPipeline.run(spark, input, o, line -> { if (verbose) System.err.println(line); });
      Map<String, Object> m = SparkReport.json(r, o, spark.sparkContext().master());
      if (out != null) {
        String format = outFormat != null ? outFormat.toLowerCase(Locale.ROOT)
            : out.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "parquet";
        write(r.labeled(), out, format);
        m.put("out", out);
        m.put("out_format", format);
        m.put("out_rows", r.customers());
      }
      if (saveWorkspace != null) {
        WorkspaceFile.write(saveWorkspace, SparkReport.workspace(r, o, inputPathForWorkspace(input)), force);
        m.put("workspace_saved", saveWorkspace.toAbsolutePath().normalize().toString());
      }
      String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
      if (jsonOut != null) writeText(jsonOut, text, hadoop);
      if (json) {
        stdout.println(text);
      } else {
        SparkReport.print(stdout, r);
        if (out != null) stdout.printf("%nwrote %s (%,d customers)%n", out, r.customers());
        if (saveWorkspace != null) stdout.printf("saved workspace %s%n", saveWorkspace);
      }
      r.labeled().unpersist();
      return 0;
    } finally {
      if (own) spark.stop();
    }
  }

  private SparkPipeline.Options options() {
    int kValue = parseK(k);
    if (kMax > 30) throw new JobException("--k-max can be at most 30, not " + kMax);
    if (stability > 0 && !json) System.err.println("note: --stability is not computed on Spark");
    SparkSweep.Options sweep = new SparkSweep.Options(kMin, kMax, restarts, seed, maxIter, silhouetteSample);
    return new SparkPipeline.Options(inputFormat,
        CleaningOptions.defaults().withReturns(Returns.parse(returns)), features, Transform.parse(transform),
        Scaling.parse(scale), sweep, kValue, parseMode(mode));
  }

  static Mode parseMode(String mode) {
    if (mode == null) return null;
    for (Mode m : Mode.values()) if (m.key().equalsIgnoreCase(mode.trim())) return m;
    throw new JobException("--mode must be transactions or customers, not '" + mode + "'.");
  }

  static int parseK(String k) {
    if (k.equalsIgnoreCase("auto")) return 0;
    try {
      int v = Integer.parseInt(k.trim());
      if (v < 1) throw new JobException("--k must be at least 1 or auto, not " + k);
      return v;
    } catch (NumberFormatException e) {
      throw new JobException("--k must be a whole number or auto, not '" + k + "'");
    }
  }

  private void checkFree(String path, Configuration conf) throws IOException {
    if (path == null || force) return;
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    FileSystem fs = p.getFileSystem(conf);
    if (fs.exists(p)) throw new JobException(path + " exists; add --force to replace it.");
  }

  private static void write(Dataset<Row> labeled, String path, String format) {
    var w = labeled.orderBy("segment", "customer_id").write().mode(SaveMode.Overwrite);
    switch (format) {
      case "parquet" -> w.parquet(path);
      case "csv" -> w.option("header", "true").csv(path);
      default -> throw new JobException("--out-format must be parquet or csv, not " + format);
    }
  }

  private static void writeText(String path, String text, Configuration conf) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try (OutputStream os = p.getFileSystem(conf).create(p, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static boolean isLocal(String path) {
    String scheme = new org.apache.hadoop.fs.Path(path).toUri().getScheme();
    return scheme == null || scheme.equals("file");
  }

  /** A local input as an absolute path (the app reopens it); any other file system's URI as given. */
  static String inputPathForWorkspace(String input) {
    java.net.URI u = new org.apache.hadoop.fs.Path(input).toUri();
    if (u.getScheme() == null || u.getScheme().equals("file")) return Path.of(u.getPath()).toAbsolutePath().normalize().toString();
    return input;
  }

  /** Exceptions that mean "the input or an option is not usable" rather than a bug. */
  static boolean expected(Throwable e) {
    return e instanceof JobException || e instanceof IllegalArgumentException || e instanceof ExportException
        || e instanceof org.apache.spark.sql.AnalysisException || e instanceof IOException;
  }

  /** The first line of the message, Spark's error class and SQL state left out. */
  static String message(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(m).replaceAll("\\s*SQLSTATE: \\w+\\.?", "").trim();
    return e instanceof JobException || e instanceof IllegalArgumentException || e instanceof ExportException ? m
        : e.getClass().getSimpleName() + ": " + m;
  }
}
