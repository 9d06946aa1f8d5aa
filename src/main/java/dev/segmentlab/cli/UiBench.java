package dev.segmentlab.cli;

import dev.segmentlab.app.bench.UiTour;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;

/**
 * {@code bench ui FILE [--runs N] [--json]}: the desktop app driven through its controls on FILE ({@link UiTour}),
 * p50 and p95 in milliseconds of {@code open_ms}, {@code rule_toggle_ms}, {@code transform_ms},
 * {@code k_change_ms}, {@code slider_drag_ms}, {@code export_ms} and {@code max_fx_stall_ms}, each timed figure with its
 * {@code *_fx_cpu_ms}, and {@code max_fx_stall_cpu_ms} (the FX thread's CPU time within its longest stall). Needs a
 * display ({@code xvfb-run -a} on a server). The only CLI class that uses the app.
 */
final class UiBench {
  private UiBench() {}

  static int run(BenchCommand b) {
    if (b.runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
    if (!Files.isRegularFile(b.file)) throw new IllegalArgumentException("No such file: " + b.file);
    PrintWriter out = b.spec.commandLine().getOut();
    PrintWriter err = b.spec.commandLine().getErr();
    UiTour.Result r;
    try {
      r = UiTour.run(b.file, b.runs, m -> { err.println(m); err.flush(); });
    } catch (UnsupportedOperationException | IllegalStateException e) {
      throw new IllegalArgumentException("bench ui: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("bench ui failed: " + e, e);
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("file", b.file.toString());
    res.put("runs", b.runs);
    res.put("rows", r.rows());
    res.put("customers", r.customers());
    res.put("cores", Runtime.getRuntime().availableProcessors());
    res.put("java", System.getProperty("java.version"));
    res.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    for (Map.Entry<String, List<Double>> e : r.samples().entrySet()) {
      double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("p50", round(percentile(v, 50)));
      m.put("p95", round(percentile(v, 95)));
      m.put("max", round(v[v.length - 1]));
      m.put("n", v.length);
      res.put(e.getKey(), m);
    }
    if (b.json) {
      out.println(Json.write(res));
    } else {
      out.printf("%s: %,d rows, %,d customers, %d runs, %d cores, heap %,d MB%n", b.file, r.rows(), r.customers(),
          b.runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
      out.printf("%-16s %9s %9s %9s %4s%n", "figure", "p50 ms", "p95 ms", "max ms", "n");
      for (String key : r.samples().keySet()) {
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) res.get(key);
        out.printf("%-16s %9.1f %9.1f %9.1f %4d%n", key, m.get("p50"), m.get("p95"), m.get("max"), m.get("n"));
      }
    }
    out.flush();
    System.exit(0); // the FX toolkit's threads would keep the JVM alive
    return 0;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double round(double ms) { return Math.round(ms * 10) / 10.0; }

}
