package dev.segmentlab.spark;

import dev.segmentlab.Version;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.quality.CleaningRule;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentPalette;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as the core's {@code segment --json} object, as text for the console, and as a workspace. */
public final class SparkReport {
  private SparkReport() {}

  static Object num(double v) { return Double.isFinite(v) ? (Object) v : null; }

  /** The {@code segment --json} keys (and a few of Spark's own: {@code engine}, {@code spark}). */
  public static Map<String, Object> json(SparkPipeline.Result r, SparkPipeline.Options o, String master) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", r.input());
    m.put("format", r.loaded().format());
    m.put("bytes", r.loaded().bytes());
    m.put("rows", r.rows());
    m.put("rejected", r.rejected());
    boolean table = r.cleaning() == null;
    m.put("date_format", table ? null : SparkInput.dateFormatLabel(r.loaded().dateFormat()));
    m.put("mode", r.loaded().mode().key());
    m.put("mapping", r.loaded().mapping().asMap());
    if (table) m.put("id_column", r.loaded().idColumn());
    m.put("cleaning", table ? null : cleaning(r.cleaning()));
    m.put("returns", table ? null : o.cleaning().returns().key());
    if (r.netting() != null) {
      SparkNetting.Result n = r.netting();
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("cancellation_lines", n.cancellationLines());
      j.put("matched_value", Math.round(n.matchedValue() * 100) / 100.0);
      j.put("unmatched_value", Math.round(n.unmatchedValue() * 100) / 100.0);
      j.put("orders_cancelled_whole", n.ordersCancelledWhole());
      j.put("customers_net_spend_not_positive", n.excludedCustomers());
      m.put("returns_netting", j);
    }
    m.put("rows_after_cleaning", table ? null : r.cleaning().rowsAfterCleaning());
    m.put("customers", r.customers());
    m.put("snapshot", table ? null : LocalDateTime.ofEpochSecond(r.snapshotEpochSeconds(), 0, ZoneOffset.UTC).toLocalDate().toString());
    m.put("features", r.preparation().features());
    m.put("transform", o.transform().label());
    m.put("scaling", o.scaling().label());
    m.put("feature_sums", r.featureSums());
    List<Map<String, Object>> sweep = new ArrayList<>();
    for (SparkSweep.Point p : r.sweep().points()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("k", p.k());
      e.put("wcss", p.wcss());
      e.put("silhouette", num(p.silhouette()));
      e.put("sizes", p.sizes());
      sweep.add(e);
    }
    m.put("sweep", sweep);
    Map<String, Object> suggested = new LinkedHashMap<>();
    suggested.put("knee", r.sweep().elbowK().isPresent() ? r.sweep().elbowK().getAsInt() : null);
    suggested.put("silhouette", r.sweep().bestSilhouetteK().isPresent() ? r.sweep().bestSilhouetteK().getAsInt() : null);
    m.put("suggested_k", suggested);
    m.put("k", r.k());
    m.put("seed", o.sweep().seed());
    m.put("restarts", o.sweep().restarts());
    List<String> colours = SegmentPalette.colours(r.k());
    List<Map<String, Object>> segs = new ArrayList<>();
    for (int s = 0; s < r.k(); s++) {
      SparkProfiles.Profile p = r.profiles().profiles().get(s);
      SegmentName n = r.profiles().names().get(s);
      double[] c = r.preparation().toRaw(r.centroids()[s]);
      Map<String, Object> centroid = new LinkedHashMap<>(), mean = new LinkedHashMap<>(), median = new LinkedHashMap<>();
      for (int f = 0; f < c.length; f++) {
        String name = r.preparation().features().get(f);
        centroid.put(name, c[f]);
        mean.put(name, num(p.means()[f]));
        median.put(name, num(p.medians()[f]));
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", s);
      e.put("size", p.size());
      e.put("share", p.share());
      e.put("centroid", centroid);
      e.put("mean", mean);
      e.put("median", median);
      e.put("name", n.name());
      e.put("description", n.description());
      e.put("action", n.action());
      e.put("revenue", num(p.revenue()));
      e.put("revenue_share", num(p.revenueShare()));
      if (p.topCountry() != null) e.put("top_country", p.topCountry());
      e.put("small", p.size() < 0.01 * r.customers());
      e.put("label", n.name());
      e.put("colour", colours.get(s));
      segs.add(e);
    }
    m.put("segments", segs);
    m.put("engine", "spark");
    Map<String, Object> spark = new LinkedHashMap<>();
    spark.put("master", master);
    spark.put("version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    spark.put("silhouette", "ClusteringEvaluator, squared Euclidean, on at most " + o.sweep().silhouetteSample() + " customers");
    m.put("spark", spark);
    Map<String, Object> t = new LinkedHashMap<>();
    r.timings().forEach((key, v) -> t.put(key + "_s", Math.round(v * 1e4) / 1e4));
    m.put("timings", t);
    return m;
  }

  static List<Map<String, Object>> cleaning(CleaningReport c) {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (CleaningReport.Step s : c.steps()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("rule", s.rule().label());
      e.put("key", s.rule().key());
      e.put("removed", s.removed());
      e.put("remaining", s.remaining());
      steps.add(e);
    }
    return steps;
  }

  /** The console summary, as the core's {@code segment} prints it. */
  public static void print(PrintWriter out, SparkPipeline.Result r) {
    out.printf("%s: %,d rows read, %,d rejected (%s)%n", r.input(), r.rows(), r.rejected(), r.loaded().format());
    out.printf("  mapping %s%n", r.loaded().mapping().asMap());
    for (CleaningReport.Step s : r.cleaning() == null ? List.<CleaningReport.Step>of() : r.cleaning().steps()) {
      out.printf("  %-32s -%,9d  %,10d left%n", s.rule().label(), s.removed(), s.remaining());
    }
    out.printf("%n%,d customers × %s%n", r.customers(), r.preparation().features());
    out.printf("%4s %12s %11s  sizes%n", "k", "WCSS", "silhouette");
    for (SparkSweep.Point p : r.sweep().points()) {
      out.printf("%4d %12.2f %11.4f  %s%n", p.k(), p.wcss(), p.silhouette(), java.util.Arrays.toString(p.sizes()));
    }
    out.printf("knee k = %s, best silhouette k = %s; chosen k = %d%n%n",
        r.sweep().elbowK().isPresent() ? r.sweep().elbowK().getAsInt() : "none",
        r.sweep().bestSilhouetteK().isPresent() ? r.sweep().bestSilhouetteK().getAsInt() : "none", r.k());
    for (int s = 0; s < r.k(); s++) {
      SparkProfiles.Profile p = r.profiles().profiles().get(s);
      SegmentName n = r.profiles().names().get(s);
      StringBuilder means = new StringBuilder();
      for (int f = 0; f < p.means().length; f++) {
        means.append(String.format(Locale.ROOT, " %s=%.1f", r.preparation().features().get(f), p.means()[f]));
      }
      out.printf("segment %d  %-22s %,6d customers (%4.1f%%)%s%s%n", s, n.name(), p.size(), 100 * p.share(),
          Double.isNaN(p.revenueShare()) ? "" : String.format(", %4.1f%% of revenue", 100 * p.revenueShare()), means);
      out.printf("           %s%n", n.description());
    }
  }

  /** The workspace of the run: the app reopens it (local input) or assigns new customers with its model. */
  public static Workspace workspace(SparkPipeline.Result r, SparkPipeline.Options o, String inputPath) {
    SparkFeatures.Preparation p = r.preparation();
    Map<String, String> transforms = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    for (int f = 0; f < p.features().size(); f++) {
      transforms.put(p.features().get(f), p.transforms().get(f).label());
      weights.put(p.features().get(f), p.weights()[f]);
      labels.add(p.transforms().get(f).label());
    }
    Map<Integer, String> names = new LinkedHashMap<>();
    Map<Integer, String> colours = new LinkedHashMap<>();
    List<String> palette = SegmentPalette.colours(r.k());
    for (int s = 0; s < r.k(); s++) {
      names.put(s, r.profiles().names().get(s).name());
      colours.put(s, palette.get(s));
    }
    Map<String, Boolean> rules = new LinkedHashMap<>();
    CleaningOptions c = o.cleaning();
    for (CleaningRule rule : CleaningRule.values()) rules.put(rule.key(), c.isOn(rule));
    return Workspace.builder()
        .inputPath(inputPath)
        .inputSize(r.loaded().bytes())
        .columnMapping(r.loaded().mapping().asMap())
        .cleaningRules(rules)
        .nonProductCodes(c.nonProductCodes())
        .returns(c.returns().key())
        .features(p.features())
        .transforms(transforms)
        .scaling(p.scaling().label())
        .weights(weights)
        .k(o.sweep().kMin(), Math.max(o.sweep().kMax(), r.k()), r.k())
        .seed(o.sweep().seed())
        .restarts(o.sweep().restarts())
        .segmentNames(names)
        .segmentColours(colours)
        .appVersion(Version.get())
        .savedAt(Instant.now())
        .model(new Workspace.Model(p.features(), labels, p.scaling().label(), p.center(), p.scale(), p.weights(),
            r.centroids()))
        .build();
  }

}
