package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import dev.segmentlab.core.report.ReportBuilder;
import dev.segmentlab.core.report.ReportFormat;
import dev.segmentlab.core.report.ReportModel;
import dev.segmentlab.core.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.io.IOException;

/**
 * {@code report FILE|--workspace W --out report.html|report.pdf|report.pptx [segment options]}: the run of
 * {@code segment}, written as a findings report.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Runs the segmentation (as 'segment' does) and writes a findings report: HTML, PDF or PPTX by --out's extension.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "CSV, TSV, TXT (optionally .gz) or XLSX file (or --workspace).")
  Path file;

  @Option(names = "--workspace", paramLabel = "W.segmentlab.json", description = "Report a saved workspace's run (its input, "
      + "cleaning, features, k, seed and names; the segment options are ignored).")
  Path workspace;

  @Option(names = "--out", required = true, paramLabel = "report.html|report.pdf|report.pptx", description = "The report to write; the extension picks the format.")
  Path out;

  @Option(names = "--force", description = "Replace the report if it exists.")
  boolean force;

  // The options of 'segment', with the same names, defaults and checks.
  @Mixin SegmentOptions options = new SegmentOptions();

  @Option(names = "--json", description = "Print one JSON object: out, format, customers, k, segments, seconds.")
  boolean json;

  @Override public Integer call() throws IOException {
    long t0 = System.nanoTime();
    ReportFormat format = ReportFormat.of(out);
    if (!force && Files.exists(out)) {
      throw new IllegalArgumentException(out + " already exists; add --force to replace it or choose another name.");
    }
    PipelineOptions o;
    PipelineResult r;
    if (workspace != null) {
      if (file != null) throw new IllegalArgumentException("Give either FILE or --workspace, not both.");
      Workspace ws = WorkspaceFile.read(workspace);
      o = WorkspaceRunner.options(ws, options.stability);
      WorkspaceRunner.Outcome reopened = WorkspaceRunner.run(ws, options.stability, RunControl.on(Workers.pool()));
      if (reopened.warning() != null) spec.commandLine().getErr().println("warning: " + reopened.warning());
      r = reopened.result();
    } else {
      if (file == null) throw new IllegalArgumentException("Missing FILE: give a data file or --workspace W.segmentlab.json.");
      o = options.pipelineOptions();
      r = options.run(file, o, Workers.stages(), RunControl.on(Workers.pool())).result();
      options.noteLoweredKMax(spec.commandLine().getErr(), r);
    }
    long t1 = System.nanoTime();
    FileFingerprint fp = FileFingerprint.of(r.dataset().source());
    ReportModel m = ReportBuilder.build(r, o, fp, Instant.now(), RunControl.none());
    ReportWriter.write(m, out, force, RunControl.none());
    long t2 = System.nanoTime();
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("out", out.toAbsolutePath().normalize().toString());
      j.put("format", format.extension());
      j.put("bytes", Files.size(out));
      j.put("file", r.dataset().report().file());
      j.put("mode", r.dataset().report().mode().key());
      j.put("customers", m.customers());
      j.put("k", m.choice().chosen());
      List<Map<String, Object>> segs = new ArrayList<>();
      for (ReportModel.Segment s : m.segments()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", s.id());
        e.put("name", s.name());
        e.put("size", s.size());
        e.put("share", s.share());
        e.put("revenue_share", Json.num(s.revenueShare()));
        segs.add(e);
      }
      j.put("segments", segs);
      j.put("pipeline_seconds", round((t1 - t0) / 1e9));
      j.put("report_seconds", round((t2 - t1) / 1e9));
      j.put("seconds", round((t2 - t0) / 1e9));
      w.println(Json.write(j));
    } else {
      w.printf("wrote %s (%s, %,d customers in %d segments) in %.1f s%n", out, format.extension(), m.customers(),
          m.choice().chosen(), (t2 - t0) / 1e9);
    }
    return 0;
  }

  private static double round(double s) { return Math.round(s * 1e3) / 1e3; }
}
