package dev.segmentlab.core.report;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.Version;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.data.LoadReport;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.explore.Cohort;
import dev.segmentlab.core.explore.CohortBuilder;
import dev.segmentlab.core.explore.CohortTable;
import dev.segmentlab.core.explore.CountryRevenue;
import dev.segmentlab.core.explore.MonthCoverage;
import dev.segmentlab.core.explore.MonthlyPoint;
import dev.segmentlab.core.explore.Overview;
import dev.segmentlab.core.explore.OverviewBuilder;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.quality.CleaningRule;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentProfile;
import dev.segmentlab.core.segments.SegmentProfiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Builds a {@link ReportModel} from a finished run. Synchronous, cancellable, JavaFX-free. */
public final class ReportBuilder {
  private ReportBuilder() {}

  static final int TOP_PRODUCTS = 5;
  static final int TOP_COUNTRIES = 3;
  static final int MAX_COHORTS = 13;

  /**
   * Builds the report of a run. In transactions mode this also computes the Explore highlights (overview and
   * cohorts over the cleaned rows, about 0.3 s for the bundled file).
   *
   * @param r the run
   * @param o the options it ran with
   * @param fingerprint the input's size and hash, or null when unknown
   * @param created when the report is made
   * @param rc its progress: 0..1; its cancellation check: polled between steps
   * @throws CancellationException when {@code cancelled} answers true
   */
  public static ReportModel build(PipelineResult r, PipelineOptions o, FileFingerprint fingerprint, Instant created,
      RunControl rc) {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    SegmentationResult seg = r.segmentation();
    LoadReport lr = r.dataset().report();
    CleanedData cleaned = r.cleaned();
    progress.accept(0);
    Explore ex = cleaned == null ? null : explore(cleaned, progress, cancelled);
    check(cancelled);
    List<ReportModel.Segment> segments = segments(r, cleaned);
    check(cancelled);
    progress.accept(0.9);
    ReportModel.Data data = data(r, ex);
    ReportModel.KChoice choice = choice(r);
    String file = Path.of(lr.file()).getFileName().toString();
    List<String> rules = new ArrayList<>();
    if (cleaned != null) for (CleaningRule rule : CleaningRule.values()) if (cleaned.options().isOn(rule)) rules.add(rule.label());
    ReportModel.Reproduce rep = new ReportModel.Reproduce(lr.file(), fingerprint == null ? "" : fingerprint.sha256(),
        fingerprint == null ? lr.bytes() : fingerprint.size(), Version.get(), rules, r.matrix().features(),
        o.transform().label(), o.scaling().label(), o.kMin(), o.kMax(), r.k(), o.restarts(), o.seed(),
        o.stabilityRuns(), created.truncatedTo(ChronoUnit.SECONDS).toString());
    ReportModel m = new ReportModel(file, List.of(), data, ex == null ? null : ex.model, choice, segments, rep);
    m = new ReportModel(file, summary(m), data, m.explore(), choice, segments, rep);
    progress.accept(1);
    return m;
  }

  /**
   * Builds the report of segments made step by step (the app): the options are read back from the result (the
   * matrix's features, transform and scaling, the sweep's k range, restarts and seed).
   *
   * @param dataset the file read
   * @param cleaned the rows kept, or null for a customer table
   * @param seg the segments as shown (edited names and colours included)
   * @see #build(PipelineResult, PipelineOptions, FileFingerprint, Instant, RunControl)
   */
  public static ReportModel build(Dataset dataset, CleanedData cleaned, SegmentationResult seg, FileFingerprint fingerprint,
      Instant created, RunControl rc) {
    FeatureMatrix fm = seg.matrix();
    Transform t = fm.transforms().isEmpty() ? Transform.NONE : fm.transforms().get(0);
    KSweep.Options so = seg.sweepOptions();
    int runs = seg.stability() == null ? 0 : seg.stability().ari().length;
    PipelineOptions o = new PipelineOptions(ReadOptions.defaults(),
        cleaned == null ? CleaningOptions.defaults() : cleaned.options(), fm.features(), t, fm.scaling(),
        Math.min(so.kMin(), seg.k()), Math.max(so.kMax(), seg.k()), seg.k(), so.kMeans().restarts(), so.kMeans().seed(), runs);
    return build(new PipelineResult(dataset, cleaned, seg, Map.of()), o, fingerprint, created, rc);
  }

  private record Explore(ReportModel.Explore model, String firstDate, String lastDate) {}

  private static Explore explore(CleanedData c, DoubleConsumer progress, BooleanSupplier cancelled) {
    Transactions tx = c.transactions();
    Overview ov = OverviewBuilder.build(tx, c.rows(), c.options()::isNonProduct, null, OverviewBuilder.Options.DEFAULT,
        RunControl.of(null, p -> progress.accept(0.5 * p), cancelled));
    CohortTable ct = CohortBuilder.build(tx, c.rows(), null, RunControl.of(null, p -> progress.accept(0.5 + 0.3 * p), cancelled));
    String first = date(ov.keyFigures().firstDate());
    String last = date(ov.keyFigures().lastDate());
    List<ReportModel.Month> months = new ArrayList<>();
    List<MonthlyPoint> mp = ov.monthly();
    List<MonthCoverage> coverage = MonthCoverage.of(mp, first, last);
    for (int i = 0; i < mp.size(); i++) {
      MonthlyPoint p = mp.get(i);
      boolean partial = coverage.get(i).partial();
      months.add(new ReportModel.Month(p.month(), p.revenue(), p.orders(), p.customers(), partial));
    }
    List<ReportModel.Country> countries = new ArrayList<>();
    for (CountryRevenue cr : ov.topCountries()) countries.add(new ReportModel.Country(cr.country(), cr.revenue(), cr.share(), cr.customers()));
    List<ReportModel.CohortRow> cohorts = new ArrayList<>();
    for (Cohort co : ct.cohorts()) {
      if (cohorts.size() == MAX_COHORTS) break;
      cohorts.add(new ReportModel.CohortRow(co.cohort(), co.size(), Arrays.stream(co.retention()).boxed().toList()));
    }
    var kf = ov.keyFigures();
    return new Explore(new ReportModel.Explore(months, countries, cohorts, kf.revenue(), kf.invoices(), kf.products(),
        kf.averageBasketRevenue(), ov.basketItems().summary().median(), ov.basketProducts().summary().median()), first, last);
  }


  private static String date(String isoDateTime) {
    return isoDateTime == null || isoDateTime.length() < 10 ? "" : isoDateTime.substring(0, 10);
  }

  private static ReportModel.Data data(PipelineResult r, Explore ex) {
    LoadReport lr = r.dataset().report();
    List<ReportModel.CleaningStep> steps = new ArrayList<>();
    int after = lr.rows();
    if (r.cleaned() != null) {
      CleaningReport cr = r.cleaned().report();
      for (CleaningReport.Step s : cr.steps()) steps.add(new ReportModel.CleaningStep(s.rule().label(), s.removed(), s.remaining()));
      after = cr.rowsAfterCleaning();
    }
    return new ReportModel.Data(Path.of(lr.file()).getFileName().toString(), lr.format(), lr.mode().key(), lr.rows(),
        lr.rejected(), lr.customers(), ex == null ? "" : ex.firstDate, ex == null ? "" : ex.lastDate, steps, after,
        r.matrix().rows());
  }

  private static ReportModel.KChoice choice(PipelineResult r) {
    KSweep.Result sw = r.sweep();
    List<ReportModel.KPoint> pts = new ArrayList<>();
    for (KSweep.Point p : sw.points()) pts.add(new ReportModel.KPoint(p.k(), p.wcss(), p.silhouette(), p.calinskiHarabasz(), p.daviesBouldin()));
    Integer knee = sw.elbowK().isPresent() ? sw.elbowK().getAsInt() : null;
    Integer sil = sw.bestSilhouetteK().isPresent() ? sw.bestSilhouetteK().getAsInt() : null;
    Double ari = r.stability() == null ? null : r.stability().meanAri();
    int k = r.k();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "k-means was run for k = %d to %d. ", pts.isEmpty() ? k : pts.get(0).k(),
        pts.isEmpty() ? k : pts.get(pts.size() - 1).k()));
    if (knee != null) sb.append("The within-cluster sum of squares (WCSS) stops falling steeply at k = ").append(knee).append(" (the knee). ");
    else sb.append("The WCSS curve has no clear knee. ");
    if (sil != null) sb.append("The silhouette is best at k = ").append(sil).append(". ");
    ReportModel.KPoint at = pts.stream().filter(p -> p.k() == k).findFirst().orElse(null);
    if (at != null && Double.isFinite(at.silhouette())) {
      sb.append(String.format(Locale.ROOT, "At the chosen k = %d the silhouette is %.2f, Calinski-Harabasz %.0f and "
          + "Davies-Bouldin %.2f (lower is better). ", k, at.silhouette(), at.calinskiHarabasz(), at.daviesBouldin()));
    } else {
      sb.append("k = ").append(k).append(" was used. ");
    }
    if (ari != null) {
      sb.append(String.format(Locale.ROOT, "Re-run with other seeds on bootstrap samples, the segments agree with a mean "
          + "adjusted Rand index of %.2f (%s).", ari, ari >= 0.8 ? "stable" : ari >= 0.6 ? "fairly stable" : "unstable"));
    }
    return new ReportModel.KChoice(pts, knee, sil, k, ari, sb.toString().trim());
  }

  private static List<ReportModel.Segment> segments(PipelineResult r, CleanedData cleaned) {
    SegmentationResult seg = r.segmentation();
    FeatureMatrix fm = r.matrix();
    SegmentProfiles profiles = r.analysis().profiles();
    int k = r.k();
    int[] labels = seg.labels();
    Map<String, Integer> labelOf = new HashMap<>(fm.rows() * 2);
    for (int i = 0; i < fm.rows(); i++) labelOf.put(fm.ids()[i], labels[i]);
    List<List<ReportModel.Ranked>> products = cleaned == null ? null : topProducts(cleaned, labelOf, k);
    List<List<ReportModel.Ranked>> countries = topCountries(r, labelOf, k);
    double[][] predicted = predictedRevenue(r, cleaned);
    List<ReportModel.Segment> out = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      SegmentProfile p = profiles.segment(s);
      SegmentName n = r.analysis().names().get(s);
      List<ReportModel.Figure> figs = new ArrayList<>();
      for (int f = 0; f < fm.dims(); f++) {
        figs.add(new ReportModel.Figure(fm.features().get(f), p.means().get(f), p.medians().get(f),
            profiles.overall().means().get(f), r.analysis().snake().get(s, f), r.analysis().relativeImportance().get(s, f)));
      }
      Double stab = r.stability() == null ? null : r.stability().meanJaccard()[s];
      boolean unstable = r.stability() != null && r.stability().unstable()[s];
      out.add(new ReportModel.Segment(s, seg.names().get(s), seg.colours().get(s), p.size(), p.customerShare(),
          p.revenue(), p.revenueShare(), figs, n.description(), n.action(),
          products == null ? List.of() : products.get(s), countries.get(s), stab, unstable,
          predicted == null ? Double.NaN : predicted[s][0], predicted == null ? Double.NaN : predicted[s][1]));
    }
    return out;
  }

  /** Σ CLV of the next 12 months per segment and its share; null for a customer table or when the fit fails. */
  private static double[][] predictedRevenue(PipelineResult r, CleanedData cleaned) {
    if (cleaned == null) return null;
    try {
      return ValueAnalysis.shared(cleaned, ValueOptions.defaults()).bySegment(r.matrix().ids(),
          r.segmentation().labels(), r.k());
    } catch (IllegalArgumentException e) {
      return null; // e.g. no repeat customer: the report goes without the prediction
    }
  }

  /** The summary's line on the predicted revenue of the next 12 months, or null when unknown. */
  static String predictedLine(List<ReportModel.Segment> segments) {
    if (segments.isEmpty() || !segments.get(0).hasPredictedRevenue()) return null;
    List<ReportModel.Segment> byValue = new ArrayList<>(segments);
    byValue.sort(Comparator.comparingDouble((ReportModel.Segment s) -> -s.predictedRevenue()));
    double total = 0;
    for (ReportModel.Segment s : segments) total += s.predictedRevenue();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Predicted revenue of the next 12 months (customer lifetime value, BG/NBD + Gamma-Gamma): %,.0f", total));
    String sep = ", of which ";
    for (ReportModel.Segment s : byValue) {
      sb.append(sep).append(String.format(Locale.ROOT, "%s %.0f%%", s.name(), 100 * s.predictedShare()));
      sep = ", ";
    }
    return sb.append('.').toString();
  }

  /** Revenue by product description within each segment, over the cleaned rows. */
  private static List<List<ReportModel.Ranked>> topProducts(CleanedData c, Map<String, Integer> labelOf, int k) {
    Transactions tx = c.transactions();
    TextColumn desc = tx.description();
    List<List<ReportModel.Ranked>> out = new ArrayList<>();
    if (desc == null) {
      for (int s = 0; s < k; s++) out.add(List.of());
      return out;
    }
    String[] custDict = tx.customer().dictionary();
    int[] segOfCode = new int[custDict.length];
    for (int i = 0; i < custDict.length; i++) segOfCode[i] = labelOf.getOrDefault(custDict[i], -1);
    int[] custCodes = tx.customer().codes();
    String[] dict = desc.dictionary();
    double[][] sum = new double[k][dict.length];
    TextColumn stock = tx.stockCode();
    boolean[] nonProduct = new boolean[stock.dictionary().length];
    for (int i = 0; i < nonProduct.length; i++) nonProduct[i] = c.options().isNonProduct(stock.dictionary()[i]);
    for (int row : c.rows()) {
      int cc = custCodes[row];
      if (cc == TextColumn.MISSING) continue;
      int s = segOfCode[cc];
      int d = desc.code(row);
      if (s < 0 || d == TextColumn.MISSING) continue;
      int sc = stock.code(row);
      if (sc != TextColumn.MISSING && nonProduct[sc]) continue;
      sum[s][d] += tx.revenue(row);
    }
    for (int s = 0; s < k; s++) out.add(top(dict, sum[s], TOP_PRODUCTS));
    return out;
  }

  private static List<List<ReportModel.Ranked>> topCountries(PipelineResult r, Map<String, Integer> labelOf, int k) {
    String[] countries = r.customerFeatures().countries();
    String[] ids = r.customerFeatures().ids();
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (int s = 0; s < k; s++) counts.add(new HashMap<>());
    if (countries != null) {
      for (int i = 0; i < ids.length; i++) {
        Integer s = labelOf.get(ids[i]);
        if (s != null && countries[i] != null) counts.get(s).merge(countries[i], 1, Integer::sum);
      }
    }
    List<List<ReportModel.Ranked>> out = new ArrayList<>();
    for (Map<String, Integer> m : counts) {
      out.add(m.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(TOP_COUNTRIES).map(e -> new ReportModel.Ranked(e.getKey(), e.getValue())).toList());
    }
    return out;
  }

  private static List<ReportModel.Ranked> top(String[] labels, double[] values, int n) {
    Integer[] idx = new Integer[values.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparing(i -> labels[i]));
    List<ReportModel.Ranked> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, idx.length) && values[idx[i]] > 0; i++) out.add(new ReportModel.Ranked(labels[idx[i]], values[idx[i]]));
    return out;
  }

  private static List<String> summary(ReportModel m) {
    List<String> out = new ArrayList<>();
    ReportModel.Data d = m.data();
    String period = d.firstDate().isEmpty() ? "" : " (" + d.firstDate() + " to " + d.lastDate() + ")";
    int removed = d.rows() - d.rowsAfterCleaning();
    out.add(String.format(Locale.ROOT, "%,d customers from %s%s were grouped into %d segments%s.", d.customers(),
        d.file(), period, m.choice().chosen(),
        d.cleaning().isEmpty() ? "" : String.format(Locale.ROOT, ", after cleaning removed %,d of %,d rows", removed, d.rows())));
    ReportModel.KChoice c = m.choice();
    String why;
    if (c.knee() != null && c.knee() == c.chosen()) {
      why = "k = " + c.chosen() + " is the knee of the WCSS curve";
    } else {
      why = "k = " + c.chosen() + " was chosen" + (c.knee() == null ? "" : " (the WCSS knee is at k = " + c.knee() + ")");
    }
    if (c.meanAri() != null) why += String.format(Locale.ROOT, "; re-runs agree with a mean adjusted Rand index of %.2f", c.meanAri());
    out.add(why + ".");
    List<ReportModel.Segment> bySize = new ArrayList<>(m.segments());
    if (m.hasRevenue()) {
      bySize.sort(Comparator.comparingDouble((ReportModel.Segment s) -> -(Double.isNaN(s.revenueShare()) ? 0 : s.revenueShare())));
      for (ReportModel.Segment s : bySize) {
        out.add(String.format(Locale.ROOT, "%s: %,d customers (%.0f%%) bring %.0f%% of revenue.%s", s.name(), s.size(),
            100 * s.share(), 100 * s.revenueShare(), s.action().isEmpty() ? "" : " " + s.action()));
      }
      String predicted = predictedLine(m.segments());
      if (predicted != null) out.add(predicted);
    } else {
      bySize.sort(Comparator.comparingInt((ReportModel.Segment s) -> -s.size()));
      for (ReportModel.Segment s : bySize) {
        out.add(String.format(Locale.ROOT, "%s: %,d customers (%.0f%%). %s", s.name(), s.size(), 100 * s.share(), s.description()));
      }
    }
    return out;
  }

  private static void check(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) throw new CancellationException("report cancelled");
  }
}
