package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import dev.segmentlab.core.value.CustomerLookup;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code customer FILE ID [--json]} or {@code customer --workspace W ID}: one customer's segment and value. */
@Command(name = "customer", mixinStandardHelpOptions = true,
    description = "Looks up one customer: segment, features against the segment and everyone, P(alive), expected "
        + "purchases, CLV (BG/NBD + Gamma-Gamma), timeline of purchases and returns, top products.")
final class CustomerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..2", paramLabel = "FILE ID", description = "The data file and the customer id (only the id with --workspace).")
  List<String> args;

  @Option(names = "--workspace", paramLabel = "W.segmentlab.json", description = "Use a saved segmentation instead of a fresh run.")
  Path workspace;

  // The options of 'segment' (k, seed, features, transform, returns, ...), with the same names and defaults; the
  // stability re-runs are skipped here.
  @Mixin SegmentOptions options = new SegmentOptions();

  @Option(names = "--discount", defaultValue = "0.01", description = "Monthly discount rate of the CLV (default ${DEFAULT-VALUE}).")
  double discount;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override public Integer call() throws ExportException {
    long t0 = System.nanoTime();
    String id;
    PipelineResult r;
    if (workspace != null) {
      if (args.size() != 1) throw new IllegalArgumentException("With --workspace give only the customer ID.");
      id = args.get(0);
      Workspace ws = WorkspaceFile.read(workspace);
      WorkspaceRunner.Outcome o = WorkspaceRunner.run(ws, 0, RunControl.on(Workers.pool()));
      if (o.warning() != null) spec.commandLine().getErr().println("warning: " + o.warning());
      r = o.result();
    } else {
      if (args.size() != 2) throw new IllegalArgumentException("Give FILE and ID (or --workspace W and ID).");
      id = args.get(1);
      PipelineOptions o = options.pipelineOptions().withStabilityRuns(0);
      r = Pipeline.run(Path.of(args.get(0)), o, RunControl.on(Workers.pool()));
    }
    ValueOptions vo = new ValueOptions(12, discount, 30, 13);
    ValueAnalysis v = ValueReports.analyse(r, vo);
    CustomerLookup lookup = new CustomerLookup(r.customerFeatures(), r.segmentation().labels(), r.segmentation().names(),
        v, r.cleaned());
    long l0 = System.nanoTime();
    CustomerLookup.Profile p = lookup.find(id).orElseThrow(() -> new IllegalArgumentException("No customer '" + id
        + "' in the segmentation" + suggestion(lookup, id)));
    double lookupSeconds = (System.nanoTime() - l0) / 1e9;
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = ValueReports.customer(p);
      m.put("clv_model", ValueReports.model(v, vo));
      m.put("lookup_seconds", Math.round(lookupSeconds * 1e5) / 1e5);
      m.put("seconds", Math.round((System.nanoTime() - t0) / 1e9 * 1e4) / 1e4);
      w.println(Json.write(m));
    } else {
      w.printf("customer %s: segment %d %s%n", p.id(), p.segment(), p.segmentName());
      w.printf("P(alive) %.3f; expected purchases 30 d %.2f, 90 d %.2f, 365 d %.2f; expected spend %.2f; 12-month CLV %.2f%n",
          p.pAlive(), p.purchases30(), p.purchases90(), p.purchases365(), p.spend(), p.clv());
      p.features().forEach((f, val) -> w.printf("  %-20s %12.2f  segment %12.2f  all %12.2f%n", f, val,
          p.segmentMeans().get(f), p.allMeans().get(f)));
      w.printf("%d purchase days and returns on the timeline%n", p.timeline().size());
      if (v.model().dropoutNote() != null) w.println("note: " + v.model().dropoutNote());
    }
    return 0;
  }

  private static String suggestion(CustomerLookup lookup, String id) {
    String t = id.trim();
    List<String> near = lookup.complete(t.length() > 3 ? t.substring(0, 3) : t, 5);
    return near.isEmpty() ? "." : "; ids like it: " + String.join(", ", near) + ".";
  }
}
