package dev.segmentlab.cli;

import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.pipeline.MethodChoice;
import dev.segmentlab.core.pipeline.MethodPipeline;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.data.DatasetReader;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.CsvExporter;
import dev.segmentlab.core.export.OutputBatch;
import dev.segmentlab.core.export.SheetData;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.ExportRequest;
import dev.segmentlab.core.pipeline.SegmentExport;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import dev.segmentlab.core.value.ValueOptions;

/**
 * {@code segment FILE [--k N|auto] … [--out F.xlsx|F.csv [--force] [--bom] [--per-segment]] [--save-workspace W]}
 * or {@code segment --workspace W …}: the app's pipeline, headless.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = "Import → default cleaning → features → k sweep → chosen k → named segments.")
final class SegmentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  // Not the shared InputOptions mixin: FILE is optional here, since --workspace names the input.
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "CSV, TSV, TXT (optionally .gz) or XLSX file (or --workspace).")
  Path file;

  @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first).")
  String sheet;

  @Option(names = "--workspace", paramLabel = "W.segmentlab.json", description = "Run a saved workspace: its input, "
      + "mapping, cleaning, features, k, seed and names (the options above are ignored). Warns if the input changed.")
  Path workspace;

  @Option(names = "--mode", paramLabel = "transactions|customers", description = "How to read FILE: transactions "
      + "(one row per invoice line) or customers (one row per customer). Default: from the columns.")
  String mode;

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin ReturnsOption returns = new ReturnsOption();

  @Option(names = "--campaign-csv", paramLabel = "FILE.csv", description = "Also write the Campaign table alone "
      + "(customer, segment, description, action), for a mailing tool.")
  Path campaignCsv;

  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Option(names = "--save-workspace", paramLabel = "W.segmentlab.json", description = "Save the run as a workspace "
      + "(to reopen it, or to assign new customers with 'assign').")
  Path saveWorkspace;

  @Option(names = "--k", paramLabel = "N|auto", defaultValue = "auto", description = "Number of segments, or auto (the knee of the WCSS curve). Default ${DEFAULT-VALUE}.")
  String k;

  @Option(names = "--k-min", defaultValue = "2", description = "Smallest k of the sweep (default ${DEFAULT-VALUE}).")
  int kMin;

  /** The sweep's upper end when --k-max is not given; lowered to the distinct customers − 1 on small files. */
  static final int DEFAULT_K_MAX = 10;

  @Option(names = "--k-max", description = "Largest k of the sweep, at most 30 (default 10, lowered to the distinct customers − 1 when the file has fewer).")
  Integer kMax;

  @Option(names = "--restarts", defaultValue = "10", description = "k-means restarts per k (default ${DEFAULT-VALUE}).")
  int restarts;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--features", split = ",", paramLabel = "F", description = "Features to cluster on (default recency,frequency,monetary; "
      + "also tenure, avg_order_value, distinct_products, avg_items_per_order, return_rate, and clv, p_alive (12-month CLV and "
      + "P(alive) of BG/NBD + Gamma-Gamma); for a customer table its numeric columns).")
  List<String> features = new ArrayList<>();

  @Option(names = "--transform", defaultValue = "log1p", description = "none, log1p or cube-root (default ${DEFAULT-VALUE}).")
  String transform;

  @Option(names = "--scale", defaultValue = "standard", description = "none, standard, robust or min-max (default ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--stability", defaultValue = "10", paramLabel = "RUNS", description = "Re-runs with other seeds on bootstrap samples to measure stability; 0 skips (default ${DEFAULT-VALUE}).")
  int stability;

  @Option(names = "--json", description = "Print one JSON object (the profile keys plus the segmentation).")
  boolean json;

  @Option(names = "--method", defaultValue = "kmeans", description = "kmeans, gmm (Gaussian mixture), ward or dbscan (default ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--covariance-floor", defaultValue = "1e-6", paramLabel = "X", description = "gmm: added to every variance (scikit-learn's reg_covar; default ${DEFAULT-VALUE}).")
  double covarianceFloor;

  @Option(names = "--covariance", defaultValue = "full", description = "gmm: full or diag (default ${DEFAULT-VALUE}).")
  String covariance;

  @Option(names = "--eps", paramLabel = "R", description = "dbscan: neighbourhood radius in the scaled space (default: the knee of the k-distance curve).")
  Double eps;

  @Option(names = "--min-points", defaultValue = "0", description = "dbscan: neighbours (itself included) that make a core point (default 2 x features).")
  int minPoints;

  @Option(names = "--time-budget", defaultValue = "0", paramLabel = "MS", description = "kmeans: restarts continue per k until the best WCSS stops improving or MS milliseconds pass (default 0: --restarts only).")
  long timeBudget;

  @Option(names = "--clv", description = "Also fit BG/NBD + Gamma-Gamma: JSON key clv and predicted_revenue_12m per segment.")
  boolean clv;

  @Option(names = "--holdout", description = "With --clv, also check the purchase model on the last 13 weeks (JSON key holdout).")
  boolean holdout;

  @Override public Integer call() throws ExportException {
    // every output checked before any work, and placed together only when all of them were written
    try (OutputBatch batch = output.checkAll(saveWorkspace, campaignCsv)) {
      return run(batch);
    }
  }

  private Integer run(OutputBatch batch) throws ExportException {
    ExportRequest request = output.request();
    PipelineOptions o;
    PipelineResult r;
    MethodChoice choice = MethodChoice.kMeans();
    MethodSweep.Result methodSweep = null;
    WorkspaceRunner.Outcome reopened = null;
    FileFingerprint fingerprint = null;
    if (workspace != null) {
      if (file != null) throw new IllegalArgumentException("Give either FILE or --workspace, not both.");
      Workspace ws = WorkspaceFile.read(workspace);
      o = WorkspaceRunner.options(ws, stability);
      reopened = WorkspaceRunner.run(ws, database.password(), stability, Workers.pool(), p -> { }, () -> false);
      if (reopened.warning() != null) spec.commandLine().getErr().println("warning: " + reopened.warning());
      r = reopened.result();
      fingerprint = r.dataset().source() == null ? null : FileFingerprint.of(r.dataset().source());
    } else {
      o = new PipelineOptions(new DatasetReader.Options(sheet, null, InputOptions.parseMode(mode)), returns.cleaning(),
          features, Transform.parse(transform), Scaling.parse(scale), kMin, kMax == null ? DEFAULT_K_MAX : kMax,
          parseK(k), restarts, seed, stability, kMax == null);
      choice = methodChoice();
      boolean plainKMeans = choice.equals(MethodChoice.kMeans()) && choice.kMeansBudgetMillis() == 0;
      if (database.given()) {
        if (file != null) throw new IllegalArgumentException("Give either FILE or --jdbc, not both.");
        if (!plainKMeans) {
          throw new IllegalArgumentException("--method " + method + " reads files only for now; with --jdbc use "
              + "--method kmeans, or export the rows to a file first.");
        }
        r = Pipeline.run(database.source(), o, Stages.plain(), RunControl.on(Workers.pool()));
      } else {
        database.checkUnused();
        if (file == null) throw new IllegalArgumentException("Missing FILE: give a data file or --workspace W.segmentlab.json.");
        if (plainKMeans) {
          r = Pipeline.run(file, o, Workers.stages(), RunControl.on(Workers.pool()));
        } else {
          MethodPipeline.Outcome oc = MethodPipeline.run(file, o, choice, Workers.stages(), RunControl.on(Workers.pool()));
          r = oc.result();
          methodSweep = oc.sweep();
        }
      }
      int swept = r.sweep().points().get(r.sweep().points().size() - 1).k();
      if (kMax == null && swept < DEFAULT_K_MAX) {
        spec.commandLine().getErr().println("note: --k-max lowered from " + DEFAULT_K_MAX + " to " + swept
            + " (one less than the distinct customers in the file).");
      }
    }
    Reports.warn(spec.commandLine().getErr(), r.dataset());
    SegmentExport.Outcome written = null;
    if (request != null || saveWorkspace != null || campaignCsv != null) {
      if (fingerprint == null && r.dataset().source() != null) fingerprint = FileFingerprint.of(r.dataset().source());
      Instant now = Instant.now();
      if (request != null) {
        SegmentExport.Context ctx = new SegmentExport.Context(r.dataset(), r.cleaned(), fingerprint, now);
        written = SegmentExport.stage(r.segmentation(), ctx, request, batch, p -> { }, () -> false);
      }
      if (saveWorkspace != null) {
        byte[] ws = WorkspaceFile.toJson(WorkspaceRunner.capture(r.segmentation(), r.dataset(), r.cleaned(),
            fingerprint, now));
        batch.stage(saveWorkspace, out -> out.write(ws));
      }
      if (campaignCsv != null) {
        SheetData campaign = SegmentExport.campaign(r.segmentation());
        CsvExporter.Options csv = CsvExporter.Options.DEFAULT.withByteOrderMark(output.bom);
        batch.stage(campaignCsv, out -> CsvExporter.write(out, campaign, csv, p -> { }, () -> false));
      }
      batch.commit();
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = toJson(r, o);
      MethodOutput.addJson(m, choice, methodSweep, r.matrix(), r.segmentation().method());
      for (int s = 0; s < r.k(); s++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> seg = ((List<Map<String, Object>>) m.get("segments")).get(s);
        seg.put("label", r.segmentation().names().get(s));
        seg.put("colour", r.segmentation().colours().get(s));
      }
      if (clv) ValueReports.addClv(m, r, ValueOptions.defaults(), holdout);
      if (written != null) {
        m.put("out", written.files().get(0).toString());
        m.put("out_files", written.files().stream().map(Path::toString).toList());
        m.put("out_rows", written.customers());
      }
      if (saveWorkspace != null) m.put("workspace_saved", saveWorkspace.toAbsolutePath().normalize().toString());
      if (campaignCsv != null) m.put("campaign_csv", campaignCsv.toAbsolutePath().normalize().toString());
      if (reopened != null) {
        m.put("workspace", workspace.toAbsolutePath().normalize().toString());
        m.put("input_changed", reopened.inputChanged());
        m.put("reproduced", reopened.reproduced());
      }
      w.println(Json.write(m));
    } else {
      print(w, r);
      MethodOutput.print(w, choice, methodSweep);

      if (clv) ValueReports.printClv(w, r, ValueOptions.defaults(), holdout);
      if (written != null) {
        w.printf("%nwrote %s (%,d customers%s)%n", written.files().get(0), written.customers(),
            written.files().size() > 1 ? ", and " + (written.files().size() - 1) + " per-segment files" : "");
      }
      if (saveWorkspace != null) w.printf("saved workspace %s%n", saveWorkspace);
    }
    return 0;
  }

  private MethodChoice methodChoice() {
    return MethodChoice.of(Method.parse(method)).withCovariance(GaussianMixture.Covariance.parse(covariance))
        .withCovarianceFloor(covarianceFloor).withKMeansBudget(timeBudget)
        .withDbscan(eps == null ? Double.NaN : eps, minPoints);
  }

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

  static Map<String, Object> toJson(PipelineResult r, PipelineOptions o) {
    Map<String, Object> m = Reports.profile(r.dataset());
    m.put("customers_in_file", r.dataset().report().customers());
    m.put("cleaning", r.cleaned() == null ? List.of() : Reports.cleaning(r.cleaned().report()));
    m.put("rows_after_cleaning", r.cleaned() == null ? r.dataset().rows() : r.cleaned().report().rowsAfterCleaning());
    m.put("customers", r.matrix().rows());
    ReturnsOption.put(m, r.cleaned());
    if (r.customerFeatures().snapshot() != null) m.put("snapshot", r.customerFeatures().snapshot().toLocalDate().toString());
    FeatureMatrix fm = r.matrix();
    Map<String, Object> sums = new LinkedHashMap<>();
    for (int f = 0; f < fm.dims(); f++) sums.put(fm.features().get(f), Arrays.stream(fm.rawColumn(f)).sum());
    m.put("features", fm.features());
    m.put("transform", o.transform().label());
    m.put("scaling", o.scaling().label());
    m.put("feature_sums", sums);
    List<Map<String, Object>> sweep = new ArrayList<>();
    for (KSweep.Point p : r.sweep().points()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("k", p.k());
      e.put("wcss", p.wcss());
      e.put("silhouette", Json.num(p.silhouette()));
      e.put("calinski_harabasz", Json.num(p.calinskiHarabasz()));
      e.put("davies_bouldin", Json.num(p.daviesBouldin()));
      e.put("sizes", p.sizes());
      sweep.add(e);
    }
    m.put("sweep", sweep);
    Map<String, Object> suggested = new LinkedHashMap<>();
    suggested.put("knee", r.sweep().elbowK().isPresent() ? r.sweep().elbowK().getAsInt() : null);
    suggested.put("silhouette", r.sweep().bestSilhouetteK().isPresent() ? r.sweep().bestSilhouetteK().getAsInt() : null);
    m.put("suggested_k", suggested);
    m.put("k", r.k());
    m.put("seed", o.seed());
    m.put("restarts", o.restarts());
    List<Map<String, Object>> segs = new ArrayList<>();
    for (int s = 0; s < r.k(); s++) {
      SegmentProfile p = r.analysis().profiles().segment(s);
      SegmentName n = r.analysis().names().get(s);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", s);
      e.put("size", r.solution().size(s));
      e.put("share", p.customerShare());
      double[] c = fm.toRaw(r.solution().centroid(s));
      Map<String, Object> centroid = new LinkedHashMap<>();
      Map<String, Object> mean = new LinkedHashMap<>();
      for (int f = 0; f < fm.dims(); f++) {
        centroid.put(fm.features().get(f), c[f]);
        mean.put(fm.features().get(f), p.means().get(f));
      }
      e.put("centroid", centroid);
      e.put("mean", mean);
      e.put("name", n.name());
      e.put("description", n.description());
      e.put("action", n.action());
      e.put("revenue", Json.num(p.revenue()));
      e.put("revenue_share", Json.num(p.revenueShare()));
      if (p.topCountry() != null) e.put("top_country", p.topCountry());
      e.put("stability", r.stability() == null ? null : Json.num(r.stability().meanJaccard(s)));
      e.put("unstable", r.stability() == null ? null : r.stability().unstable(s));
      e.put("small", SegmentAnalysis.isSmall(r.solution().size(s), fm.rows()));
      segs.add(e);
    }
    m.put("segments", segs);
    m.put("ari_mean", r.stability() == null ? null : Json.num(r.stability().meanAri()));
    Map<String, Object> t = new LinkedHashMap<>();
    r.timings().forEach((key, v) -> t.put(key + "_s", Math.round(v * 1e4) / 1e4));
    m.put("timings", t);
    return m;
  }

  private static void print(PrintWriter out, PipelineResult r) {
    Reports.printProfile(out, r.dataset());
    if (r.cleaned() != null) Reports.printCleaning(out, r.cleaned().report());
    FeatureMatrix fm = r.matrix();
    out.printf("%n%,d customers × %s%n", fm.rows(), fm.features());
    out.printf("%4s %12s %11s %12s %9s  sizes%n", "k", "WCSS", "silhouette", "Calinski-H.", "Davies-B.");
    for (KSweep.Point p : r.sweep().points()) {
      out.printf("%4d %12.2f %11.4f %12.1f %9.4f  %s%n", p.k(), p.wcss(), p.silhouette(), p.calinskiHarabasz(),
          p.daviesBouldin(), Arrays.toString(p.sizes()));
    }
    out.printf("knee k = %s, best silhouette k = %s; chosen k = %d%n",
        r.sweep().elbowK().isPresent() ? r.sweep().elbowK().getAsInt() : "none",
        r.sweep().bestSilhouetteK().isPresent() ? r.sweep().bestSilhouetteK().getAsInt() : "none", r.k());
    if (r.stability() != null) out.printf("stability: mean ARI %.3f over other seeds and bootstrap samples%n", r.stability().meanAri());
    out.println();
    for (int s = 0; s < r.k(); s++) {
      SegmentProfile p = r.analysis().profiles().segment(s);
      SegmentName n = r.analysis().names().get(s);
      StringBuilder means = new StringBuilder();
      for (int f = 0; f < fm.dims(); f++) means.append(String.format(Locale.ROOT, " %s=%.1f", fm.features().get(f), p.means().get(f)));
      out.printf("segment %d  %-22s %,6d customers (%4.1f%%)%s%s%n", s, n.name(), p.size(), 100 * p.customerShare(),
          Double.isNaN(p.revenueShare()) ? "" : String.format(", %4.1f%% of revenue", 100 * p.revenueShare()), means);
      out.printf("           %s%n", n.description());
    }
  }
}
