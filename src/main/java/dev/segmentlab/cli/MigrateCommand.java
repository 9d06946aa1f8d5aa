package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.model.SegmentModel;
import dev.segmentlab.core.pipeline.Segmentation;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.value.ValueFeatures;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.SegmentAssigner;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.Migration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/**
 * {@code migrate FILE --split DAY} or {@code migrate --workspace W NEXT}: customers' segments in two periods,
 * labelled with the same fitted {@link SegmentModel} (with {@code --split} fitted on the first period), and the
 * flow between them.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Segment migration between two periods labelled with the same segmentation: FILE split at a day "
        + "(the segmentation fitted on the first period, its model labelling the second), or a saved workspace's input against a second file.")
final class MigrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|NEXT", description = "The file to split, or with --workspace the second period's file.")
  Path file;

  @Option(names = "--split", paramLabel = "YYYY-MM-DD", description = "First day of the second period.")
  String split;

  @Option(names = "--workspace", paramLabel = "W.segmentlab.json", description = "The saved segmentation; its input is the first period.")
  Path workspace;

  // The options of 'segment' (k, seed, features, transform, returns, ...), with the same names and defaults; the
  // stability re-runs are skipped here.
  @Mixin SegmentOptions options = new SegmentOptions();

  @Option(names = "--movers", description = "Also list every customer who moved, appeared or lapsed.")
  boolean movers;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override public Integer call() throws ExportException {
    long t0 = System.nanoTime();
    String[] idsA, idsB;
    int[] labelsA, labelsB;
    List<String> names;
    String periodA, periodB;
    long m0;
    if (workspace != null) {
      if (split != null) throw new IllegalArgumentException("Give either --split or --workspace, not both.");
      Workspace ws = WorkspaceFile.read(workspace);
      WorkspaceRunner.Outcome a = WorkspaceRunner.run(ws, 0, RunControl.on(Workers.pool()));
      if (a.warning() != null) spec.commandLine().getErr().println("warning: " + a.warning());
      m0 = System.nanoTime();
      SegmentAssigner.Assignment b = SegmentAssigner.assign(file, ws, RunControl.on(Workers.pool()));
      idsA = a.result().matrix().ids();
      labelsA = a.result().segmentation().labels();
      idsB = b.segmentation().matrix().ids();
      labelsB = b.segmentation().labels();
      names = a.result().segmentation().names();
      periodA = ws.inputPath();
      periodB = file.toString();
    } else {
      if (split == null) throw new IllegalArgumentException("Give --split YYYY-MM-DD (or --workspace W NEXT).");
      LocalDate at;
      try {
        at = LocalDate.parse(split.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--split needs a day as YYYY-MM-DD, not '" + split + "'");
      }
      PipelineOptions o = options.pipelineOptions().withStabilityRuns(0);
      RunControl rc = RunControl.on(Workers.pool());
      Stages st = Workers.stages();
      Dataset d = st.load(file, o.read(), rc);
      CleanedData cleaned = st.clean(d, o.cleaning(), rc);
      if (cleaned == null) throw new IllegalArgumentException("--split needs transactions with dates; this file is a customer table.");
      m0 = System.nanoTime();
      CleanedData[] parts = Migration.split(cleaned, at);
      // the segmentation is fitted on the first period; its model labels the second
      SegmentationResult first = fitPeriod(st, d, parts[0], o, rc);
      SegmentModel model = first.model();
      CustomerFeatures b = Migration.features(parts[1], model);
      idsA = first.matrix().ids();
      labelsA = first.labels();
      idsB = b.ids();
      labelsB = Migration.label(model, b);
      names = first.names();
      periodA = "before " + at;
      periodB = "from " + at;
    }
    Migration.Result res = Migration.compare(idsA, labelsA, idsB, labelsB, names.size());
    double migrationSeconds = (System.nanoTime() - m0) / 1e9;
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("period_a", periodA);
      m.put("period_b", periodB);
      m.put("segments", names);
      m.put("fitted_on", workspace != null ? "workspace" : "period_a");
      m.put("customers_a", idsA.length);
      m.put("customers_b", idsB.length);
      m.put("transitions", res.transitions());
      m.put("transitions_share", res.rowShares());
      m.put("new", res.newCustomers());
      m.put("lapsed", res.lapsed());
      m.put("stayed", res.stayed());
      m.put("moved", res.inBoth() - res.stayed());
      if (movers) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Migration.Mover mv : res.movers()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("id", mv.id());
          e.put("from", mv.from() < 0 ? null : names.get(mv.from()));
          e.put("to", mv.to() < 0 ? null : names.get(mv.to()));
          list.add(e);
        }
        m.put("movers", list);
      }
      m.put("migration_seconds", Math.round(migrationSeconds * 1e4) / 1e4);
      m.put("seconds", Math.round((System.nanoTime() - t0) / 1e9 * 1e4) / 1e4);
      w.println(Json.write(m));
    } else {
      w.printf("%s → %s: %,d customers in both (%,d stayed), %,d new, %,d lapsed%n", periodA, periodB, res.inBoth(),
          res.stayed(), sum(res.newCustomers()), sum(res.lapsed()));
      for (int i = 0; i < names.size(); i++) {
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < names.size(); j++) row.append(String.format("%7d", res.transitions()[i][j]));
        w.printf("%-24s%s   lapsed %d, new %d%n", names.get(i), row, res.lapsed()[i], res.newCustomers()[i]);
      }
    }
    return 0;
  }

  /** The segmentation of one period's rows: the pipeline's stages from features to named segments. */
  static SegmentationResult fitPeriod(Stages st, Dataset d, CleanedData period, PipelineOptions o, RunControl rc) {
    Stages.Features f = st.features(d, period);
    f = new Stages.Features(ValueFeatures.ensure(f.features(), period, o.features()), f.defaults());
    FeatureMatrix m = st.matrix(f.features(), o.featureOptions(f.defaults()));
    Points points = Points.of(m.scaled());
    KSweep.Options so = Segmentation.sweepOptions(o.kMin(), o.kMaxFor(points.distinctRows()), o.restarts(), o.seed(),
        Segmentation.ordering(f.features()));
    KSweep.Result sweep = st.sweep(points, so, null, rc);
    KMeansResult s = st.chooseK(sweep, o.k(), points, so, rc);
    return st.analyse(f, m, so, sweep, s);
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) s += v;
    return s;
  }
}
