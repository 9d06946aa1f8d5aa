package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedData;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.nio.file.Path;

/**
 * {@code bench load|clean|sweep|all FILE [--runs N]}: wall-clock timings, the cold first run and the median of the
 * warm runs, stage by stage. Benchmarks live here, never in the test suite.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Times the pipeline's stages: the first (cold) run and the median of the warm runs.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STAGE", description = "load, clean, features, sweep or all.")
  String stage;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "CSV, TSV, TXT (optionally .gz), XLSX or Parquet file (or --jdbc).")
  Path file;

  @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first).")
  String sheet;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Warm runs after the cold one (default ${DEFAULT-VALUE}).")
  int runs;

  @Mixin ReturnsOption returns = new ReturnsOption();

  @Option(names = "--json", description = "Print the timings as JSON.")
  boolean json;

  @picocli.CommandLine.Mixin DatabaseOptions database = new DatabaseOptions();

  private final Map<String, List<Double>> times = new LinkedHashMap<>();
  private int rows;

  @Override public Integer call() {
    if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
    if (stage.equals("ui")) return UiBench.run(this); // the real app driven through its controls (needs a display)
    List<String> stages = List.of("load", "clean", "features", "sweep", "all");
    if (!stages.contains(stage)) throw new IllegalArgumentException("Unknown stage '" + stage + "'. Use one of " + stages + ".");
    database.checkUnused();
    if (database.given() == (file != null)) throw new IllegalArgumentException("Give either FILE or --jdbc URL.");
    for (int i = 0; i <= runs; i++) once();
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("file", file != null ? file.toString() : database.source().safeUrl() + " (" + database.source().describe() + ")");
    res.put("rows", rows);
    res.put("runs", runs);
    res.put("cores", Runtime.getRuntime().availableProcessors());
    res.put("java", System.getProperty("java.version"));
    Map<String, Object> st = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      List<Double> t = e.getValue();
      double[] warm = t.subList(1, t.size()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = warm.length % 2 == 1 ? warm[warm.length / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("cold_s", round(t.get(0)));
      s.put("warm_median_s", round(median));
      s.put("warm_min_s", round(warm[0]));
      st.put(e.getKey(), s);
    }
    res.put("stages", st);
    @SuppressWarnings("unchecked") double loadMedian = (double) ((Map<String, Object>) st.get("load")).get("warm_median_s");
    res.put("load_rows_per_s", loadMedian > 0 ? Math.round(rows / loadMedian) : 0);
    if (json) {
      out.println(Json.write(res));
    } else {
      out.printf("%s, %d warm runs, %d cores, Java %s%n", res.get("file"), runs, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      out.printf("%-10s %10s %14s %10s%n", "stage", "cold (s)", "warm med (s)", "min (s)");
      for (Map.Entry<String, Object> e : st.entrySet()) {
        @SuppressWarnings("unchecked") Map<String, Object> s = (Map<String, Object>) e.getValue();
        out.printf("%-10s %10.3f %14.3f %10.3f%n", e.getKey(), s.get("cold_s"), s.get("warm_median_s"), s.get("warm_min_s"));
      }
      out.printf("load: %,d rows, %,d rows/s (warm median)%n", rows, res.get("load_rows_per_s"));
    }
    return 0;
  }

  private static double round(double s) { return Math.round(s * 1e4) / 1e4; }

  private void once() {
    Stages stages = Stages.plain();
    RunControl rc = RunControl.on(Workers.pool());
    ReadOptions opts = ReadOptions.defaults().withSheet(sheet);
    Dataset d = time("load", () -> database.given() ? stages.load(database.source(), opts, rc)
        : stages.load(file, opts, rc));
    rows = d.rows();
    if (stage.equals("load")) return;
    if (d.transactions() == null) throw new IllegalArgumentException("bench " + stage + " needs a transactions file");
    CleanedData c = time("clean", () -> stages.clean(d, returns.cleaning(), rc));
    if (stage.equals("clean")) return;
    CustomerFeatures cf = time("rfm", () -> stages.features(d, c).features());
    FeatureMatrix m = time("matrix", () -> stages.matrix(cf, FeatureOptions.defaults()));
    if (stage.equals("features")) return;
    SweepBench.run(this, stages, m);
  }

  <T> T time(String name, Supplier<T> s) {
    long t0 = System.nanoTime();
    T r = s.get();
    times.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
    return r;
  }
}
