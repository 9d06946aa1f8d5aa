package dev.segmentlab.cli;

import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.pipeline.MethodChoice;
import dev.segmentlab.core.pipeline.MethodPipeline;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.Stages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a segmentation run, shared by every command that runs one ({@code segment}, {@code report}), so
 * that each takes the same names, defaults and checks: how the input is read (sheet, mode), cleaned (returns),
 * turned into features (features, transform, scale), and clustered (k range, restarts, seed, stability, method and
 * its settings).
 */
final class SegmentOptions {
  /** The sweep's upper end when --k-max is not given; lowered to the distinct customers − 1 on small files. */
  static final int DEFAULT_K_MAX = 10;

  @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first).")
  String sheet;

  @Option(names = "--mode", paramLabel = "transactions|customers", description = "How to read FILE: transactions "
      + "(one row per invoice line) or customers (one row per customer). Default: from the columns.")
  String mode;

  @Mixin ReturnsOption returns = new ReturnsOption();

  @Option(names = "--k", paramLabel = "N|auto", defaultValue = "auto", description = "Number of segments, or auto (the knee of the WCSS curve). Default ${DEFAULT-VALUE}.")
  String k = "auto";

  @Option(names = "--k-min", defaultValue = "2", description = "Smallest k of the sweep (default ${DEFAULT-VALUE}).")
  int kMin = 2;

  @Option(names = "--k-max", description = "Largest k of the sweep, at most 30 (default 10, lowered to the distinct customers − 1 when the file has fewer).")
  Integer kMax;

  @Option(names = "--restarts", defaultValue = "10", description = "k-means restarts per k (default ${DEFAULT-VALUE}).")
  int restarts = 10;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--features", split = ",", paramLabel = "F", description = "Features to cluster on (default recency,frequency,monetary; "
      + "also tenure, avg_order_value, distinct_products, avg_items_per_order, return_rate, and clv, p_alive (12-month CLV and "
      + "P(alive) of BG/NBD + Gamma-Gamma); for a customer table its numeric columns).")
  List<String> features = new ArrayList<>();

  @Option(names = "--transform", defaultValue = "log1p", description = "none, log1p or cube-root (default ${DEFAULT-VALUE}).")
  String transform = "log1p";

  @Option(names = "--scale", defaultValue = "standard", description = "none, standard, robust or min-max (default ${DEFAULT-VALUE}).")
  String scale = "standard";

  @Option(names = "--stability", defaultValue = "10", paramLabel = "RUNS", description = "Re-runs with other seeds on bootstrap samples to measure stability; 0 skips (default ${DEFAULT-VALUE}).")
  int stability = 10;

  @Option(names = "--method", defaultValue = "kmeans", description = "kmeans, gmm (Gaussian mixture), ward or dbscan (default ${DEFAULT-VALUE}).")
  String method = "kmeans";

  @Option(names = "--covariance-floor", defaultValue = "1e-6", paramLabel = "X", description = "gmm: added to every variance (scikit-learn's reg_covar; default ${DEFAULT-VALUE}).")
  double covarianceFloor = 1e-6;

  @Option(names = "--covariance", defaultValue = "full", description = "gmm: full or diag (default ${DEFAULT-VALUE}).")
  String covariance = "full";

  @Option(names = "--eps", paramLabel = "R", description = "dbscan: neighbourhood radius in the scaled space (default: the knee of the k-distance curve).")
  Double eps;

  @Option(names = "--min-points", defaultValue = "0", description = "dbscan: neighbours (itself included) that make a core point (default 2 x features).")
  int minPoints;

  @Option(names = "--time-budget", defaultValue = "0", paramLabel = "MS", description = "kmeans: restarts continue per k until the best WCSS stops improving or MS milliseconds pass (default 0: --restarts only).")
  long timeBudget;

  /** A run's result, with the method's own sweep when the method is not plain k-means (else null). */
  record Run(PipelineResult result, MethodSweep.Result methodSweep) {}

  /** The pipeline's options as given on the command line. */
  PipelineOptions pipelineOptions() {
    return new PipelineOptions(new ReadOptions(sheet, null, InputOptions.parseMode(mode)), returns.cleaning(),
        features, Transform.parse(transform), Scaling.parse(scale), kMin, kMax == null ? DEFAULT_K_MAX : kMax,
        parseK(k), restarts, seed, stability, kMax == null);
  }

  /** The clustering method and its settings. */
  MethodChoice methodChoice() {
    return MethodChoice.of(Method.parse(method)).withCovariance(GaussianMixture.Covariance.parse(covariance))
        .withCovarianceFloor(covarianceFloor).withKMeansBudget(timeBudget)
        .withDbscan(eps == null ? Double.NaN : eps, minPoints);
  }

  /** Whether the run is k-means with a fixed number of restarts (the stages' own sweep). */
  boolean plainKMeans() {
    MethodChoice c = methodChoice();
    return c.equals(MethodChoice.kMeans()) && c.kMeansBudgetMillis() == 0;
  }

  /** Runs the pipeline on a file with these options. */
  Run run(Path file, PipelineOptions o, Stages stages, RunControl rc) {
    if (plainKMeans()) return new Run(Pipeline.run(file, o, stages, rc), null);
    MethodPipeline.Outcome oc = MethodPipeline.run(file, o, methodChoice(), stages, rc);
    return new Run(oc.result(), oc.sweep());
  }

  /** Runs the pipeline on a database table or query with these options. */
  Run run(DatabaseSource db, PipelineOptions o, Stages stages, RunControl rc) {
    if (plainKMeans()) return new Run(Pipeline.run(db, o, stages, rc), null);
    MethodPipeline.Outcome oc = MethodPipeline.run(db, o, methodChoice(), stages, rc);
    return new Run(oc.result(), oc.sweep());
  }

  /** Says on {@code err} when an unset --k-max was lowered to fit a small file. */
  void noteLoweredKMax(PrintWriter err, PipelineResult r) {
    int swept = r.sweep().points().get(r.sweep().points().size() - 1).k();
    if (kMax == null && swept < DEFAULT_K_MAX) {
      err.println("note: --k-max lowered from " + DEFAULT_K_MAX + " to " + swept
          + " (one less than the distinct customers in the file).");
    }
  }

  /** {@code auto} → 0, else a whole number of at least 1. */
  static int parseK(String k) {
    if (k.equalsIgnoreCase("auto")) return 0;
    try {
      int v = Integer.parseInt(k.trim());
      if (v < 1) throw new IllegalArgumentException("--k must be at least 1 or auto, not " + k);
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--k must be a whole number or auto, not '" + k + "'");
    }
  }
}
