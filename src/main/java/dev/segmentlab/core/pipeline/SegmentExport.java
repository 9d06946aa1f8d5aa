package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Silhouette;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.export.CsvExporter;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.ParquetExporter;
import dev.segmentlab.core.export.OutputBatch;
import dev.segmentlab.core.export.MixtureColumns;
import dev.segmentlab.core.export.SheetData;
import dev.segmentlab.core.export.XlsxExporter;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.value.ValueFeatures;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentProfile;
import dev.segmentlab.core.segments.SegmentProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.Objects;

/**
 * A segmentation as export tables, and writing them: the sheets an analyst takes to a CRM or a spreadsheet.
 *
 * <ul>
 *   <li>{@code Customers}: one row per customer: id, segment id and name, every raw feature, the prepared
 *       (transformed, scaled, weighted) value of each clustered feature, the silhouette, the country and the
 *       top product (the description the customer spent most on).</li>
 *   <li>one sheet per segment with its customers, named {@code <id> <name>}.</li>
 *   <li>{@code Segments}: the profile table (size, shares, revenue, mean/median/centre per feature, top
 *       country, stability), plus an {@code All customers} row.</li>
 *   <li>{@code Sweep}, {@code Cleaning} and {@code Parameters} (everything needed to repeat the run).</li>
 * </ul>
 *
 * <p>Pure and synchronous; the tables share the result's arrays (nothing is copied per cell).
 */
public final class SegmentExport {
  private SegmentExport() {}

  /**
   * What the run was made from.
   *
   * @param dataset the file read (for its name, format, mapping and load report)
   * @param cleaned the rows kept, or {@code null} in customer-table mode
   * @param input the input's size and SHA-256, or {@code null} when unknown
   * @param time when the export is made (the {@code Parameters} sheet shows it)
   */
  public record Context(Dataset dataset, CleanedData cleaned, FileFingerprint input, Instant time) {
    public Context {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(time, "time");
    }

    /**
     * A context stamped now, with the fingerprint of {@link Dataset#source()} (read once, streaming; left
     * {@code null} when the file can no longer be read).
     */
    public static Context of(Dataset dataset, CleanedData cleaned) {
      FileFingerprint fp = null;
      try {
        if (dataset.source() != null && Files.isRegularFile(dataset.source())) fp = FileFingerprint.of(dataset.source());
      } catch (ExportException e) {
        fp = null;
      }
      return new Context(dataset, cleaned, fp, Instant.now());
    }
  }

  /**
   * What was written.
   *
   * @param files the files, the requested target first
   * @param customers rows of the {@code Customers} table
   */
  public record Outcome(List<Path> files, int customers) {
    public Outcome {
      files = List.copyOf(files);
    }
  }

  /** Every sheet, in workbook order: Customers, Segments, one per segment, Campaign, Sweep, Cleaning, Parameters. */
  public static List<SheetData> sheets(SegmentationResult segmentation, Context ctx) {
    SegmentationResult seg = withValueColumns(segmentation, ctx);
    List<SheetData> out = new ArrayList<>();
    String[] top = TopProducts.of(ctx.cleaned(), seg.features());
    out.add(customers(seg, top));
    out.add(segments(seg));
    out.addAll(segmentSheets(seg, top));
    out.add(campaign(seg));
    out.add(sweep(seg));
    out.add(cleaning(ctx));
    out.add(ExportParameters.table(seg, ctx));
    return out;
  }

  /**
   * One row per customer, in the result's row order.
   *
   * @param topProducts each customer's top product (see {@link #topProducts}), or {@code null} for no such column
   */
  public static SheetData customers(SegmentationResult seg, String[] topProducts) {
    int n = seg.matrix().rows();
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) rows[i] = i;
    return customerTable("Customers", seg, rows, silhouettes(seg), topProducts);
  }

  /**
   * The description each customer spent most on, in the result's row order; {@code null} in customer-table mode.
   * One pass over the cleaned rows.
   */
  public static String[] topProducts(SegmentationResult seg, CleanedData cleaned) {
    return TopProducts.of(cleaned, seg.features());
  }

  /** One table per segment with its customers, named {@code <id> <name>}, segment id order. */
  public static List<SheetData> segmentSheets(SegmentationResult seg, String[] topProducts) {
    int[] labels = seg.labels();
    int[] sizes = new int[seg.k()];
    for (int l : labels) sizes[l]++;
    int[][] rows = new int[seg.k()][];
    for (int s = 0; s < seg.k(); s++) rows[s] = new int[sizes[s]];
    int[] fill = new int[seg.k()];
    for (int i = 0; i < labels.length; i++) rows[labels[i]][fill[labels[i]]++] = i;
    double[] sil = silhouettes(seg);
    List<SheetData> out = new ArrayList<>();
    for (int s = 0; s < seg.k(); s++) {
      out.add(customerTable(s + " " + seg.names().get(s), seg, rows[s], sil, topProducts));
    }
    return out;
  }

  /**
   * Each customer's silhouette in the result's row order; {@code NaN} where unknown (k not swept, a solution
   * other than the sweep's, or a customer outside the silhouette sample of a large dataset).
   */
  static double[] silhouettes(SegmentationResult seg) {
    double[] out = new double[seg.matrix().rows()];
    Arrays.fill(out, Double.NaN);
    if (seg.sweep() == null) return out;
    for (KSweep.Point p : seg.sweep().points()) {
      if (p.k() != seg.k() || p.silhouetteDetail() == null) continue;
      if (!Arrays.equals(p.solution().labels(), seg.labels())) return out;
      Silhouette.Result r = p.silhouetteDetail();
      int[] at = r.rows();
      double[] v = r.values();
      for (int i = 0; i < at.length; i++) if (at[i] < out.length) out[at[i]] = v[i];
    }
    return out;
  }

  private static SheetData customerTable(String name, SegmentationResult seg, int[] rows, double[] silhouette,
      String[] topProducts) {
    CustomerFeatures cf = seg.features();
    FeatureMatrix m = seg.matrix();
    int[] labels = seg.labels();
    String[] ids = m.ids();
    List<String> names = seg.names();
    int n = rows.length;
    Set<String> used = new HashSet<>();
    List<SheetData.Column> cols = new ArrayList<>();
    cols.add(SheetData.Column.ids(unique(used, "Customer"), n, i -> ids[rows[i]]));
    long[] segment = new long[n];
    for (int i = 0; i < n; i++) segment[i] = labels[rows[i]];
    cols.add(SheetData.Column.integers(unique(used, "Segment"), segment));
    cols.add(SheetData.Column.text(unique(used, "Segment name"), n, i -> names.get(labels[rows[i]])));
    for (int f = 0; f < cf.names().size(); f++) {
      String fname = cf.names().get(f);
      double[] values = pick(cf.columns()[f], rows);
      cols.add(isMoney(cf, fname) ? SheetData.Column.money(unique(used, fname), values)
          : SheetData.Column.numbers(unique(used, fname), values));
    }
    double[][] scaled = m.scaled();
    for (int f = 0; f < m.dims(); f++) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) v[i] = scaled[rows[i]][f];
      cols.add(SheetData.Column.numbers(unique(used, m.features().get(f) + " (prepared)"), v));
    }
    cols.add(SheetData.Column.numbers(unique(used, "Silhouette"), pick(silhouette, rows)));
    cols.addAll(MixtureColumns.of(seg.clustering(), scaled, rows, h -> unique(used, h)));
    String[] countries = cf.countries();
    if (countries != null) cols.add(SheetData.Column.text(unique(used, "Country"), n, i -> countries[rows[i]]));
    if (topProducts != null) cols.add(SheetData.Column.text(unique(used, "Top product"), n, i -> topProducts[rows[i]]));
    return SheetData.of(name, cols);
  }

  /** The profile table: one row per segment, then all customers. */
  public static SheetData segments(SegmentationResult seg) {
    SegmentProfiles profiles = seg.analysis().profiles();
    int k = seg.k();
    int n = k + 1;
    List<SegmentProfile> rows = new ArrayList<>(profiles.segments());
    rows.add(profiles.overall());
    long[] id = new long[n];
    String[] name = new String[n];
    long[] size = new long[n];
    double[] share = new double[n], revenue = new double[n], revenueShare = new double[n];
    double[] countryShare = new double[n], stability = new double[n];
    String[] country = new String[n], colour = new String[n], description = new String[n], action = new String[n];
    for (int r = 0; r < n; r++) {
      SegmentProfile p = rows.get(r);
      boolean overall = r == k;
      id[r] = overall ? SheetData.MISSING : p.segment();
      name[r] = overall ? "All customers" : seg.names().get(p.segment());
      size[r] = p.size();
      share[r] = p.customerShare();
      revenue[r] = p.revenue();
      revenueShare[r] = p.revenueShare();
      country[r] = p.topCountry();
      countryShare[r] = p.topCountryShare();
      stability[r] = overall || seg.stability() == null ? Double.NaN : seg.stability().meanJaccard(p.segment());
      colour[r] = overall ? null : seg.colours().get(p.segment());
      SegmentName sn = overall || p.segment() >= seg.analysis().names().size() ? null : seg.analysis().names().get(p.segment());
      description[r] = sn == null ? null : sn.description();
      action[r] = sn == null ? null : sn.action();
    }
    Set<String> used = new HashSet<>();
    List<SheetData.Column> cols = new ArrayList<>();
    cols.add(SheetData.Column.integers(unique(used, "Segment"), id));
    cols.add(SheetData.Column.text(unique(used, "Name"), name));
    cols.add(SheetData.Column.integers(unique(used, "Customers"), size));
    cols.add(SheetData.Column.percents(unique(used, "Share of customers"), share));
    cols.add(SheetData.Column.money(unique(used, "Revenue"), revenue));
    cols.add(SheetData.Column.percents(unique(used, "Share of revenue"), revenueShare));
    List<String> features = profiles.featureNames();
    for (int f = 0; f < features.size(); f++) {
      double[] mean = new double[n], median = new double[n];
      for (int r = 0; r < n; r++) {
        mean[r] = rows.get(r).means().get(f);
        median[r] = rows.get(r).medians().get(f);
      }
      boolean money = isMoney(seg.features(), features.get(f));
      cols.add(money ? SheetData.Column.money(unique(used, "Mean " + features.get(f)), mean)
          : SheetData.Column.numbers(unique(used, "Mean " + features.get(f)), mean));
      cols.add(money ? SheetData.Column.money(unique(used, "Median " + features.get(f)), median)
          : SheetData.Column.numbers(unique(used, "Median " + features.get(f)), median));
    }
    FeatureMatrix m = seg.matrix();
    for (int f = 0; f < m.dims(); f++) {
      double[] centre = new double[n];
      for (int r = 0; r < n; r++) centre[r] = r == k ? Double.NaN : seg.rawCentroid(rows.get(r).segment())[f];
      cols.add(SheetData.Column.numbers(unique(used, "Centre " + m.features().get(f)), centre));
    }
    cols.add(SheetData.Column.text(unique(used, "Top country"), country));
    cols.add(SheetData.Column.percents(unique(used, "Top country share"), countryShare));
    cols.add(SheetData.Column.numbers(unique(used, "Stability (mean Jaccard)"), stability));
    cols.add(SheetData.Column.text(unique(used, "Colour"), colour));
    cols.add(SheetData.Column.text(unique(used, "Description"), description));
    cols.add(SheetData.Column.text(unique(used, "Action"), action));
    return SheetData.of("Segments", cols);
  }

  /**
   * The segmentation with the customers' 12-month CLV and P(alive) among its raw features (columns {@code clv},
   * {@code p_alive} of every customer table), for transactions; unchanged for a customer table, when they are
   * there already (clustered on), or when the value models cannot be fitted on the data.
   */
  static SegmentationResult withValueColumns(SegmentationResult seg, Context ctx) {
    if (ctx.cleaned() == null || seg.features().has(ValueFeatures.CLV)) return seg;
    CustomerFeatures cf;
    try {
      cf = ValueFeatures.add(seg.features(), ctx.cleaned());
    } catch (IllegalArgumentException e) {
      return seg; // e.g. no repeat customer: the export goes ahead without the value columns
    }
    return new SegmentationResult(cf, seg.matrix(), seg.sweepOptions(), seg.sweep(), seg.k(), seg.solution(),
        seg.analysis(), seg.stability(), seg.names(), seg.colours(), seg.fitted());
  }

  /** Whether a feature is an amount of money: monetary and average order value, built from transactions. */
  private static boolean isMoney(CustomerFeatures cf, String feature) {
    return cf.snapshot() != null && (feature.equals("monetary") || feature.equals("avg_order_value")
        || feature.equals(ValueFeatures.CLV));
  }

  /**
   * What a mailing tool takes as it is: one row per customer with the segment's name, description and action.
   * Also written alone by {@code segment --campaign-csv FILE}.
   */
  public static SheetData campaign(SegmentationResult seg) {
    String[] ids = seg.matrix().ids();
    int[] labels = seg.labels();
    List<SegmentName> suggested = seg.analysis().names();
    int n = ids.length;
    return SheetData.of("Campaign",
        SheetData.Column.ids("Customer", n, i -> ids[i]),
        SheetData.Column.text("Segment", n, i -> seg.names().get(labels[i])),
        SheetData.Column.text("Description", n, i -> labels[i] < suggested.size() ? suggested.get(labels[i]).description() : null),
        SheetData.Column.text("Action", n, i -> labels[i] < suggested.size() ? suggested.get(labels[i]).action() : null));
  }

  /** The k sweep: one row per k with its criteria and sizes; a note when the result has no sweep. */
  public static SheetData sweep(SegmentationResult seg) {
    KSweep.Result sweep = seg.sweep();
    if (sweep == null || sweep.points().isEmpty()) {
      return note("Sweep", "No k sweep: the segments were assigned from a saved workspace (k = " + seg.k() + ").");
    }
    List<KSweep.Point> pts = sweep.points();
    int n = pts.size();
    long[] k = new long[n];
    double[] wcss = new double[n], sil = new double[n], ch = new double[n], db = new double[n], ari = new double[n];
    String[] sizes = new String[n], note = new String[n];
    for (int i = 0; i < n; i++) {
      KSweep.Point p = pts.get(i);
      k[i] = p.k();
      wcss[i] = p.wcss();
      sil[i] = p.silhouette();
      ch[i] = p.calinskiHarabasz();
      db[i] = p.daviesBouldin();
      sizes[i] = Arrays.toString(p.sizes());
      boolean chosen = p.k() == seg.k();
      ari[i] = chosen && seg.stability() != null ? seg.stability().meanAri() : Double.NaN;
      List<String> marks = new ArrayList<>();
      if (chosen) marks.add("chosen");
      if (sweep.elbowK().isPresent() && sweep.elbowK().getAsInt() == p.k()) marks.add("knee");
      if (sweep.bestSilhouetteK().isPresent() && sweep.bestSilhouetteK().getAsInt() == p.k()) marks.add("best silhouette");
      note[i] = marks.isEmpty() ? null : String.join(", ", marks);
    }
    return SheetData.of("Sweep", SheetData.Column.integers("k", k), SheetData.Column.numbers("WCSS", wcss),
        SheetData.Column.numbers("Silhouette", sil), SheetData.Column.numbers("Calinski-Harabasz", ch),
        SheetData.Column.numbers("Davies-Bouldin", db), SheetData.Column.text("Sizes", sizes),
        SheetData.Column.numbers("Stability (mean ARI)", ari), SheetData.Column.text("Note", note));
  }

  /** The cleaning waterfall: rows loaded, then each enabled rule with what it removed and what remained. */
  public static SheetData cleaning(Context ctx) {
    CleanedData c = ctx.cleaned();
    if (c == null) {
      return note("Cleaning", "Customer table: one row per customer, so no cleaning rule applies ("
          + ctx.dataset().rows() + " rows read, " + ctx.dataset().report().rejected() + " rejected).");
    }
    CleaningReport r = c.report();
    int n = r.steps().size() + 1;
    String[] step = new String[n];
    long[] removed = new long[n], remaining = new long[n];
    step[0] = "rows read from the file (rejected rows removed)";
    removed[0] = ctx.dataset().report().rejected();
    remaining[0] = r.rowsBefore();
    for (int i = 1; i < n; i++) {
      CleaningReport.Step s = r.steps().get(i - 1);
      step[i] = s.rule().label();
      removed[i] = s.removed();
      remaining[i] = s.remaining();
    }
    return SheetData.of("Cleaning", SheetData.Column.text("Rule", step), SheetData.Column.integers("Removed", removed),
        SheetData.Column.integers("Remaining", remaining));
  }

  private static SheetData note(String name, String text) {
    return SheetData.of(name, SheetData.Column.text("Note", new String[] {text}));
  }

  /**
   * Writes the export all-or-nothing: a failure or cancellation leaves no new file behind and existing files
   * as they were (per-segment CSVs included: they are placed together, see {@link OutputBatch}).
   *
   * @param rc progress 0..1; cancellation is polled every few thousand rows, and a cancelled export throws
   *     {@link java.util.concurrent.CancellationException}
   * @throws ExportException when a file exists and {@code overwrite} is off, or cannot be written (the message
   *     says what to do)
   */
  public static Outcome write(SegmentationResult seg, Context ctx, ExportRequest req, RunControl rc)
      throws ExportException {
    return write(seg, ctx, req, XlsxExporter.Options.DEFAULT, rc);
  }

  /** As {@link #write(SegmentationResult, Context, ExportRequest, RunControl)}, with the workbook's options (the
   * currency chosen in the Data step). */
  public static Outcome write(SegmentationResult seg, Context ctx, ExportRequest req, XlsxExporter.Options xlsx,
      RunControl rc) throws ExportException {
    try (OutputBatch batch = OutputBatch.open(req.overwrite())) {
      Outcome o = stage(seg, ctx, req, xlsx, batch, rc);
      batch.commit();
      return o;
    }
  }

  /**
   * Writes the export's files into temporary files of {@code batch}; they appear under their names only when
   * the caller {@linkplain OutputBatch#commit commits} the batch, together with its other outputs (a workspace).
   *
   * @return the files as they will be named once committed
   * @throws ExportException as {@link #write}
   */
  public static Outcome stage(SegmentationResult seg, Context ctx, ExportRequest req, OutputBatch batch,
      RunControl rc) throws ExportException {
    return stage(seg, ctx, req, XlsxExporter.Options.DEFAULT, batch, rc);
  }

  /** As {@link #stage(SegmentationResult, Context, ExportRequest, OutputBatch, RunControl)}, with the workbook's
   * options. */
  public static Outcome stage(SegmentationResult segmentation, Context ctx, ExportRequest req, XlsxExporter.Options xlsx,
      OutputBatch batch, RunControl rc) throws ExportException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    SegmentationResult seg = withValueColumns(segmentation, ctx);
    Path target = req.target().toAbsolutePath().normalize();
    if (req.format() == ExportRequest.Format.XLSX) {
      List<SheetData> sheets = sheets(seg, ctx);
      batch.stage(target, out -> XlsxExporter.write(out, sheets, xlsx, rc));
      return new Outcome(List.of(target), sheets.get(0).rowCount());
    }
    String[] top = TopProducts.of(ctx.cleaned(), seg.features());
    SheetData customers = customers(seg, top);
    if (req.format() == ExportRequest.Format.PARQUET) {
      ParquetExporter.write(target, customers, req.overwrite(), rc);
      return new Outcome(List.of(target), customers.rowCount());
    }
    CsvExporter.Options options = CsvExporter.Options.DEFAULT.withByteOrderMark(req.byteOrderMark());
    if (!req.perSegment()) {
      batch.stage(target, out -> CsvExporter.write(out, customers, options, rc));
      return new Outcome(List.of(target), customers.rowCount());
    }
    List<SheetData> perSegment = segmentSheets(seg, top);
    List<Path> each = CsvExporter.targetsFor(target.getParent(), stem(target), perSegment);
    for (Path p : each) batch.check(p); // every name before the first byte
    List<Path> files = new ArrayList<>();
    files.add(batch.stage(target, out -> CsvExporter.write(out, customers, options, rc.slice(0, 0.5))));
    long total = Math.max(1, perSegment.stream().mapToLong(t -> t.rowCount() + 1L).sum());
    long done = 0;
    for (int i = 0; i < perSegment.size(); i++) {
      SheetData t = perSegment.get(i);
      long before = done;
      files.add(batch.stage(each.get(i), out -> CsvExporter.write(out, t, options,
          RunControl.of(null, f -> progress.accept(0.5 + 0.5 * (before + f * (t.rowCount() + 1)) / total), cancelled))));
      done += t.rowCount() + 1L;
    }
    return new Outcome(files, customers.rowCount());
  }

  /** The file name without {@code .csv}/{@code .xlsx}. */
  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.equals("csv") || ext.equals("xlsx") ? name.substring(0, dot) : name;
  }

  private static double[] pick(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) out[i] = values[rows[i]];
    return out;
  }

  /** A column name not used yet in this table (input columns may be called "Segment" too). */
  private static String unique(Set<String> used, String name) {
    String n = name;
    for (int i = 2; !used.add(n.toLowerCase(Locale.ROOT)); i++) n = name + " (" + i + ")";
    return n;
  }
}
