package dev.segmentlab.cli;

import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.pipeline.MethodChoice;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.CsvExporter;
import dev.segmentlab.core.export.OutputBatch;
import dev.segmentlab.core.export.SheetData;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.ExportRequest;
import dev.segmentlab.core.pipeline.SegmentExport;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentProfile;
import java.io.PrintWriter;
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

  @Option(names = "--workspace", paramLabel = "W.segmentlab.json", description = "Run a saved workspace: its input, "
      + "mapping, cleaning, features, k, seed and names (the options above are ignored). Warns if the input changed.")
  Path workspace;

  @Mixin SegmentOptions options = new SegmentOptions();

  @Mixin OutputOptions output = new OutputOptions();
  @Option(names = "--campaign-csv", paramLabel = "FILE.csv", description = "Also write the Campaign table alone "
      + "(customer, segment, description, action), for a mailing tool.")
  Path campaignCsv;

  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Option(names = "--save-workspace", paramLabel = "W.segmentlab.json", description = "Save the run as a workspace "
      + "(to reopen it, or to assign new customers with 'assign').")
  Path saveWorkspace;

  @Option(names = "--json", description = "Print one JSON object (the profile keys plus the segmentation).")
  boolean json;

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
      o = WorkspaceRunner.options(ws, options.stability);
      reopened = WorkspaceRunner.run(ws, database.password(), options.stability, RunControl.on(Workers.pool()));
      if (reopened.warning() != null) spec.commandLine().getErr().println("warning: " + reopened.warning());
      r = reopened.result();
      fingerprint = r.dataset().source() == null ? null : FileFingerprint.of(r.dataset().source());
    } else {
      o = options.pipelineOptions();
      choice = options.methodChoice();
      SegmentOptions.Run run;
      if (database.given()) {
        if (file != null) throw new IllegalArgumentException("Give either FILE or --jdbc, not both.");
        run = options.run(database.source(), o, Stages.plain(), RunControl.on(Workers.pool()));
      } else {
        database.checkUnused();
        if (file == null) throw new IllegalArgumentException("Missing FILE: give a data file or --workspace W.segmentlab.json.");
        run = options.run(file, o, Workers.stages(), RunControl.on(Workers.pool()));
      }
      r = run.result();
      methodSweep = run.methodSweep();
      options.noteLoweredKMax(spec.commandLine().getErr(), r);
    }
    Reports.warn(spec.commandLine().getErr(), r.dataset());
    SegmentExport.Outcome written = null;
    if (request != null || saveWorkspace != null || campaignCsv != null) {
      if (fingerprint == null && r.dataset().source() != null) fingerprint = FileFingerprint.of(r.dataset().source());
      Instant now = Instant.now();
      if (request != null) {
        SegmentExport.Context ctx = new SegmentExport.Context(r.dataset(), r.cleaned(), fingerprint, now);
        written = SegmentExport.stage(r.segmentation(), ctx, request, batch, RunControl.none());
      }
      if (saveWorkspace != null) {
        byte[] ws = WorkspaceFile.toJson(WorkspaceRunner.capture(r.segmentation(), r.dataset(), r.cleaned(),
            fingerprint, now));
        batch.stage(saveWorkspace, out -> out.write(ws));
      }
      if (campaignCsv != null) {
        SheetData campaign = SegmentExport.campaign(r.segmentation());
        CsvExporter.Options csv = CsvExporter.Options.DEFAULT.withByteOrderMark(output.bom);
        batch.stage(campaignCsv, out -> CsvExporter.write(out, campaign, csv, RunControl.none()));
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
