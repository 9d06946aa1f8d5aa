package dev.segmentlab.core.pipeline;

import dev.segmentlab.Version;
import dev.segmentlab.core.data.LoadReport;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.SheetData;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.CleaningRule;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Parameters} sheet: one row per setting of the run, enough to repeat it. A value is always in the
 * {@code Value} column as text; numbers are also in {@code Number} and date-times in {@code Date}, so that a
 * spreadsheet can compute with them (a sheet column has one type).
 */
final class ExportParameters {
  private ExportParameters() {}

  private static final class Rows {
    final List<String> key = new ArrayList<>();
    final List<String> text = new ArrayList<>();
    final List<Double> number = new ArrayList<>();
    final List<Long> date = new ArrayList<>();

    void text(String k, String v) { add(k, v, Double.NaN, SheetData.MISSING); }

    void number(String k, double v) {
      String t = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
      add(k, t, v, SheetData.MISSING);
    }

    void whole(String k, long v) {
      // A double holds integers exactly only up to 2^53; a larger seed stays text only.
      add(k, Long.toString(v), Math.abs(v) <= (1L << 53) ? v : Double.NaN, SheetData.MISSING);
    }

    void dateTime(String k, LocalDateTime t) {
      if (t == null) return;
      add(k, t.toString(), Double.NaN, t.toEpochSecond(ZoneOffset.UTC));
    }

    private void add(String k, String v, double n, long d) {
      key.add(k);
      text.add(v);
      number.add(n);
      date.add(d);
    }
  }

  static SheetData table(SegmentationResult seg, SegmentExport.Context ctx) {
    Rows r = new Rows();
    LoadReport load = ctx.dataset().report();
    r.text("input file", load.file());
    FileFingerprint fp = ctx.input();
    if (fp != null) {
      r.whole("input size (bytes)", fp.size());
      r.text("input SHA-256", fp.sha256());
    } else {
      r.whole("input size (bytes)", load.bytes());
    }
    r.text("input format", load.format());
    if (load.sheet() != null) r.text("sheet", load.sheet());
    if (load.encoding() != null) r.text("encoding", load.encoding());
    if (load.delimiter() != null) r.text("delimiter", load.delimiter());
    if (load.dateFormat() != null) r.text("date format", load.dateFormat());
    r.text("mode", load.mode().key());
    load.mapping().forEach((role, column) -> r.text("mapping " + role, column));
    r.whole("rows read", load.rows());
    r.whole("rows rejected", load.rejected());
    if (ctx.cleaned() != null) {
      CleaningOptions co = ctx.cleaned().options();
      for (CleaningRule rule : CleaningRule.values()) r.text("rule " + rule.key(), co.isOn(rule) ? "on" : "off");
      r.text("non-product codes", String.join(", ", co.nonProductCodes()));
      r.whole("rows after cleaning", ctx.cleaned().size());
    }
    r.dateTime("snapshot", seg.features().snapshot());
    r.whole("customers", seg.matrix().rows());
    FeatureMatrix m = seg.matrix();
    r.text("features", String.join(", ", m.features()));
    for (int f = 0; f < m.dims(); f++) r.text("transform " + m.features().get(f), m.transforms().get(f).label());
    r.text("scaling", m.scaling().label());
    for (int f = 0; f < m.dims(); f++) {
      if (m.weights()[f] != 1) r.number("weight " + m.features().get(f), m.weights()[f]);
    }
    r.whole("k", seg.k());
    r.whole("k min", seg.sweepOptions().kMin());
    r.whole("k max", seg.sweepOptions().kMax());
    r.whole("seed", seg.sweepOptions().kMeans().seed());
    r.whole("restarts", seg.sweepOptions().kMeans().restarts());
    if (seg.stability() != null) r.number("stability (mean ARI)", seg.stability().meanAri());
    r.text("app version", Version.get());
    r.dateTime("exported at", LocalDateTime.ofInstant(ctx.time(), ZoneId.systemDefault()));
    int n = r.key.size();
    double[] numbers = new double[n];
    long[] dates = new long[n];
    for (int i = 0; i < n; i++) {
      numbers[i] = r.number.get(i);
      dates[i] = r.date.get(i);
    }
    return SheetData.of("Parameters", SheetData.Column.text("Parameter", r.key.toArray(new String[0])),
        SheetData.Column.text("Value", r.text.toArray(new String[0])), SheetData.Column.numbers("Number", numbers),
        SheetData.Column.epochSeconds("Date", dates));
  }
}
