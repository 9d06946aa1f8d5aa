package dev.segmentlab.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's charts, built from a {@link ReportModel} as {@link Chart}s (no JavaFX). */
public final class ReportCharts {
  private ReportCharts() {}

  static final String AXIS = "#888888";
  static final String GRID = "#e5e5e5";
  static final String INK = "#333333";
  static final String ACCENT = "#1f6fb2";
  static final String MUTED = "#c8c8c8";

  private static final double L = 64;
  private static final double R = 16;
  private static final double T = 28;
  private static final double B = 40;

  /** WCSS by k, with the knee and the chosen k marked. */
  public static Chart elbow(ReportModel.KChoice c) {
    Chart ch = new Chart("Within-cluster sum of squares by k", 520, 280);
    List<ReportModel.KPoint> pts = c.points();
    double[] ks = pts.stream().mapToDouble(ReportModel.KPoint::k).toArray();
    double[] w = pts.stream().mapToDouble(ReportModel.KPoint::wcss).toArray();
    Frame f = frame(ch, "WCSS by k", ks, w, "k", "WCSS", true);
    f.line(ks, w, ACCENT, 2);
    if (c.knee() != null) {
      double x = f.x(c.knee());
      ch.add(new Chart.Line(x, f.top, x, f.bottom, "#d62728", 1, true));
      ch.text(x + 4, f.top + 12, "knee k = " + c.knee(), 11, Chart.Anchor.START);
    }
    for (ReportModel.KPoint p : pts) {
      boolean chosen = p.k() == c.chosen();
      ch.add(new Chart.Circle(f.x(p.k()), f.y(p.wcss()), chosen ? 6 : 3.5, chosen ? "#d62728" : ACCENT,
          String.format(Locale.ROOT, "k = %d: WCSS %.1f", p.k(), p.wcss())));
    }
    return ch;
  }

  /** Silhouette, Calinski-Harabasz and Davies-Bouldin by k, side by side, the chosen k marked. */
  public static Chart criteria(ReportModel.KChoice c) {
    Chart ch = new Chart("Silhouette, Calinski-Harabasz and Davies-Bouldin by k", 720, 220);
    String[] names = {"Silhouette (higher is better)", "Calinski-Harabasz (higher)", "Davies-Bouldin (lower)"};
    double panel = 720 / 3.0;
    for (int i = 0; i < 3; i++) {
      List<double[]> xy = new ArrayList<>();
      for (ReportModel.KPoint p : c.points()) {
        double v = i == 0 ? p.silhouette() : i == 1 ? p.calinskiHarabasz() : p.daviesBouldin();
        if (Double.isFinite(v)) xy.add(new double[] {p.k(), v});
      }
      double[] ks = xy.stream().mapToDouble(a -> a[0]).toArray();
      double[] vs = xy.stream().mapToDouble(a -> a[1]).toArray();
      Frame f = new Frame(ch, i * panel + 52, 28, (i + 1) * panel - 10, 220 - 36, ks.length == 0 ? new double[] {c.chosen()} : ks,
          vs.length == 0 ? new double[] {0, 1} : vs, false);
      f.axes("k", null);
      ch.add(new Chart.Text(i * panel + 52, 16, names[i], 11, INK, Chart.Anchor.START, true, 0));
      f.line(ks, vs, ACCENT, 1.5);
      for (int j = 0; j < ks.length; j++) {
        boolean chosen = ks[j] == c.chosen();
        ch.add(new Chart.Circle(f.x(ks[j]), f.y(vs[j]), chosen ? 5 : 3, chosen ? "#d62728" : ACCENT,
            String.format(Locale.ROOT, "k = %d: %.3f", (int) ks[j], vs[j])));
      }
    }
    return ch;
  }

  /** Revenue by month; months the data covers only in part are drawn hatched-light and labelled. */
  public static Chart monthly(ReportModel.Explore e) {
    Chart ch = new Chart("Revenue by month", 720, 260);
    List<ReportModel.Month> ms = e.monthly();
    double max = ms.stream().mapToDouble(ReportModel.Month::revenue).max().orElse(1);
    Frame f = new Frame(ch, L + 10, T, 720 - R, 260 - B - 14, new double[] {0, Math.max(1, ms.size())}, new double[] {0, max}, true);
    f.yAxis("revenue");
    double bw = (f.right - f.left) / Math.max(1, ms.size());
    for (int i = 0; i < ms.size(); i++) {
      ReportModel.Month m = ms.get(i);
      double x = f.left + i * bw;
      double y = f.y(Math.max(0, m.revenue()));
      ch.add(new Chart.Rect(x + bw * 0.12, y, bw * 0.76, f.bottom - y, m.partial() ? "#a9c6e3" : ACCENT,
          m.partial() ? ACCENT : "none", String.format(Locale.ROOT, "%s: %,.0f%s", m.month(), m.revenue(), m.partial() ? " (partial month)" : "")));
      if (m.partial()) ch.add(new Chart.Text(x + bw / 2, y - 4, "partial", 9, "#555555", Chart.Anchor.MIDDLE, false, 0));
      ch.add(new Chart.Text(x + bw / 2, f.bottom + 14, m.month().length() >= 7 ? m.month().substring(2) : m.month(), 9,
          INK, Chart.Anchor.MIDDLE, false, 0));
    }
    return ch;
  }

  /** The top countries' share of revenue as horizontal bars. */
  public static Chart countries(ReportModel.Explore e) {
    List<ReportModel.Country> cs = e.countries();
    double rowH = 20;
    Chart ch = new Chart("Top countries by revenue", 520, 30 + rowH * Math.max(1, cs.size()));
    double left = 150;
    double right = 520 - 70;
    double max = cs.stream().mapToDouble(ReportModel.Country::share).max().orElse(1);
    for (int i = 0; i < cs.size(); i++) {
      ReportModel.Country c = cs.get(i);
      double y = 14 + i * rowH;
      double w = (right - left) * c.share() / Math.max(1e-12, max);
      ch.add(new Chart.Text(left - 6, y + 13, clip(c.country(), 20), 11, INK, Chart.Anchor.END, false, 0));
      ch.add(new Chart.Rect(left, y + 2, w, rowH - 6, ACCENT, "none", String.format(Locale.ROOT, "%s: %,.0f", c.country(), c.revenue())));
      ch.add(new Chart.Text(left + w + 4, y + 13, pct(c.share()), 10, INK, Chart.Anchor.START, false, 0));
    }
    return ch;
  }

  /** Cohort retention as a heatmap: one row per first-purchase month, one column per month since. */
  public static Chart cohorts(ReportModel.Explore e) {
    List<ReportModel.CohortRow> rows = e.cohorts();
    int cols = rows.stream().mapToInt(r -> r.retention().size()).max().orElse(1);
    double cell = Math.min(40, 620.0 / Math.max(1, cols));
    double rowH = 18;
    double left = 100;
    Chart ch = new Chart("Cohort retention", left + cell * cols + 10, 40 + rowH * rows.size());
    for (int j = 0; j < cols; j++) ch.text(left + j * cell + cell / 2, 14, Integer.toString(j), 9, Chart.Anchor.MIDDLE);
    for (int i = 0; i < rows.size(); i++) {
      ReportModel.CohortRow r = rows.get(i);
      double y = 22 + i * rowH;
      ch.text(left - 6, y + 12, r.cohort() + " (" + r.size() + ")", 9, Chart.Anchor.END);
      for (int j = 0; j < r.retention().size(); j++) {
        double v = r.retention().get(j);
        ch.add(new Chart.Rect(left + j * cell, y, cell - 1, rowH - 1, blend(v), "none",
            String.format(Locale.ROOT, "%s, month %d: %.0f%%", r.cohort(), j, 100 * v)));
        if (cell >= 26) ch.add(new Chart.Text(left + j * cell + cell / 2, y + 12, String.format(Locale.ROOT, "%.0f", 100 * v), 8,
            v > 0.5 ? "#ffffff" : INK, Chart.Anchor.MIDDLE, false, 0));
      }
    }
    ch.text(left, 36 + rowH * rows.size(), "months since first purchase → (% of the cohort active)", 9, Chart.Anchor.START);
    return ch;
  }

  /** Each segment's share of customers beside its share of revenue (customers only without revenue). */
  public static Chart sizes(List<ReportModel.Segment> segs, boolean revenue) {
    double rowH = revenue ? 34 : 22;
    Chart ch = new Chart("Segment sizes", 620, 36 + rowH * segs.size());
    double left = 190;
    double right = 620 - 110;
    double max = 0;
    for (ReportModel.Segment s : segs) {
      max = Math.max(max, s.share());
      if (revenue && Double.isFinite(s.revenueShare())) max = Math.max(max, s.revenueShare());
    }
    double scale = (right - left) / Math.max(1e-9, max);
    for (int i = 0; i < segs.size(); i++) {
      ReportModel.Segment s = segs.get(i);
      double y = 8 + i * rowH;
      ch.add(new Chart.Rect(8, y + 3, 10, 10, s.colour(), "none", null));
      ch.add(new Chart.Text(24, y + 13, clip(s.name(), 24), 11, INK, Chart.Anchor.START, false, 0));
      double w = scale * s.share();
      ch.add(new Chart.Rect(left, y + 2, w, 12, s.colour(), "none", String.format(Locale.ROOT, "%s: %,d customers", s.name(), s.size())));
      ch.add(new Chart.Text(left + w + 4, y + 12, pct(s.share()) + " of customers", 9, INK, Chart.Anchor.START, false, 0));
      if (revenue && Double.isFinite(s.revenueShare())) {
        double wr = scale * s.revenueShare();
        ch.add(new Chart.Rect(left, y + 16, wr, 12, "#ffffff", s.colour(), String.format(Locale.ROOT, "%s: %,.0f revenue", s.name(), s.revenue())));
        ch.add(new Chart.Text(left + wr + 4, y + 26, pct(s.revenueShare()) + " of revenue", 9, INK, Chart.Anchor.START, false, 0));
      }
    }
    ch.text(left, 30 + rowH * segs.size(), revenue ? "filled: share of customers · outlined: share of revenue" : "share of customers", 9, Chart.Anchor.START);
    return ch;
  }

  /**
   * The snake plot: each segment's mean standardised value per feature. With {@code highlight} ≥ 0 that segment
   * is drawn in its colour and the others in grey.
   */
  public static Chart snake(List<ReportModel.Segment> segs, int highlight) {
    Chart ch = new Chart("Snake plot", 520, 260);
    if (segs.isEmpty()) return ch;
    int dims = segs.get(0).figures().size();
    double[] xs = new double[dims];
    for (int f = 0; f < dims; f++) xs[f] = f;
    List<Double> all = new ArrayList<>();
    for (ReportModel.Segment s : segs) for (ReportModel.Figure fig : s.figures()) if (Double.isFinite(fig.snake())) all.add(fig.snake());
    all.add(0.0);
    double[] ys = all.stream().mapToDouble(Double::doubleValue).toArray();
    Frame f = new Frame(ch, L, T, 520 - (highlight < 0 ? 140 : R + 10), 260 - B, new double[] {-0.3, Math.max(dims - 0.7, 0.3)}, ys, false);
    f.yAxis("standardised mean");
    for (int d = 0; d < dims; d++) {
      ch.add(new Chart.Text(f.x(d), f.bottom + 16, segs.get(0).figures().get(d).feature(), 10, INK, Chart.Anchor.MIDDLE, false, 0));
    }
    ch.add(new Chart.Line(f.left, f.y(0), f.right, f.y(0), AXIS, 1, true));
    for (int pass = 0; pass < 2; pass++) {
      for (ReportModel.Segment s : segs) {
        boolean on = highlight < 0 || s.id() == highlight;
        if ((pass == 0) == on) continue;
        double[] v = s.figures().stream().mapToDouble(ReportModel.Figure::snake).toArray();
        double[] py = new double[dims];
        for (int d = 0; d < dims; d++) py[d] = f.y(Double.isFinite(v[d]) ? v[d] : 0);
        double[] px = new double[dims];
        for (int d = 0; d < dims; d++) px[d] = f.x(d);
        ch.add(new Chart.Polyline(px, py, on ? s.colour() : MUTED, on ? 2.5 : 1.5, false));
        for (int d = 0; d < dims; d++) ch.add(new Chart.Circle(px[d], py[d], on ? 3.5 : 2, on ? s.colour() : MUTED,
            String.format(Locale.ROOT, "%s, %s: %.2f", s.name(), s.figures().get(d).feature(), v[d])));
      }
    }
    if (highlight < 0) legend(ch, segs, 520 - 130, T);
    return ch;
  }

  /** Relative importance (segment mean ÷ overall mean − 1) as a heatmap; {@code highlight} ≥ 0 outlines a row. */
  public static Chart heatmap(List<ReportModel.Segment> segs, int highlight) {
    if (segs.isEmpty()) return new Chart("Relative importance", 100, 40);
    int dims = segs.get(0).figures().size();
    double cell = Math.min(110, 480.0 / Math.max(1, dims));
    double rowH = 24;
    double left = 180;
    Chart ch = new Chart("Relative importance of each feature", left + cell * dims + 10, 48 + rowH * segs.size());
    for (int d = 0; d < dims; d++) {
      ch.add(new Chart.Text(left + d * cell + cell / 2, 14, clip(segs.get(0).figures().get(d).feature(), 16), 10, INK, Chart.Anchor.MIDDLE, false, 0));
    }
    for (int i = 0; i < segs.size(); i++) {
      ReportModel.Segment s = segs.get(i);
      double y = 22 + i * rowH;
      ch.add(new Chart.Text(left - 6, y + 15, clip(s.name(), 24), 10, INK, Chart.Anchor.END, s.id() == highlight, 0));
      for (int d = 0; d < dims; d++) {
        double v = s.figures().get(d).relative();
        ch.add(new Chart.Rect(left + d * cell, y, cell - 2, rowH - 2, diverging(v), "none",
            String.format(Locale.ROOT, "%s, %s: %+.0f%%", s.name(), s.figures().get(d).feature(), 100 * v)));
        ch.add(new Chart.Text(left + d * cell + cell / 2, y + 15, Double.isFinite(v) ? String.format(Locale.ROOT, "%+.0f%%", 100 * v) : "–",
            10, Math.abs(v) > 0.6 ? "#ffffff" : INK, Chart.Anchor.MIDDLE, false, 0));
      }
      if (s.id() == highlight) ch.add(new Chart.Rect(left - 2, y - 2, cell * dims + 2, rowH + 2, "none", INK, null));
    }
    ch.text(left, 40 + rowH * segs.size(), "segment mean vs all customers: red above, blue below", 9, Chart.Anchor.START);
    return ch;
  }

  private static void legend(Chart ch, List<ReportModel.Segment> segs, double x, double y) {
    for (int i = 0; i < segs.size(); i++) {
      ReportModel.Segment s = segs.get(i);
      ch.add(new Chart.Rect(x, y + i * 16, 10, 10, s.colour(), "none", null));
      ch.add(new Chart.Text(x + 14, y + i * 16 + 9, clip(s.name(), 18), 9, INK, Chart.Anchor.START, false, 0));
    }
  }

  static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "–";
  }

  static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  /** White → blue for 0 → 1. */
  private static String blend(double v) {
    double t = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    return rgb(255 + t * (31 - 255), 255 + t * (111 - 255), 255 + t * (178 - 255));
  }

  /** Blue (below) → white → red (above), saturating at ±100 %. */
  private static String diverging(double v) {
    if (!Double.isFinite(v)) return "#eeeeee";
    double t = Math.max(-1, Math.min(1, v));
    return t >= 0 ? rgb(255 + t * (202 - 255), 255 + t * (0 - 255), 255 + t * (32 - 255))
        : rgb(255 - t * (5 - 255), 255 - t * (113 - 255), 255 - t * (176 - 255));
  }

  private static String rgb(double r, double g, double b) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(r), (int) Math.round(g), (int) Math.round(b));
  }

  private static Frame frame(Chart ch, String title, double[] xs, double[] ys, String xLabel, String yLabel, boolean zero) {
    Frame f = new Frame(ch, L, T, ch.width() - R, ch.height() - B, xs, ys, zero);
    f.axes(xLabel, yLabel);
    return f;
  }

  /** A plot area with linear x and y scales and tidy ticks. */
  private static final class Frame {
    final Chart ch;
    final double left, top, right, bottom;
    final double x0, x1, y0, y1;

    Frame(Chart ch, double left, double top, double right, double bottom, double[] xs, double[] ys, boolean zero) {
      this.ch = ch;
      this.left = left;
      this.top = top;
      this.right = right;
      this.bottom = bottom;
      double xmin = min(xs);
      double xmax = max(xs);
      if (xmax == xmin) { xmin -= 0.5; xmax += 0.5; }
      double pad = xs.length > 1 ? 0.03 * (xmax - xmin) : 0;
      this.x0 = xmin - pad;
      this.x1 = xmax + pad;
      double ymin = zero ? Math.min(0, min(ys)) : min(ys);
      double ymax = max(ys);
      if (ymax == ymin) { ymin -= 1; ymax += 1; }
      double step = niceStep((ymax - ymin) / 4);
      this.y0 = Math.floor(ymin / step) * step;
      this.y1 = Math.ceil(ymax / step) * step;
    }

    double x(double v) { return left + (v - x0) / (x1 - x0) * (right - left); }
    double y(double v) { return bottom - (v - y0) / (y1 - y0) * (bottom - top); }

    void axes(String xLabel, String yLabel) {
      yAxis(yLabel);
      for (int k = (int) Math.ceil(x0); k <= Math.floor(x1); k++) {
        ch.text(x(k), bottom + 14, Integer.toString(k), 10, Chart.Anchor.MIDDLE);
      }
      if (xLabel != null) ch.text((left + right) / 2, bottom + 30, xLabel, 10, Chart.Anchor.MIDDLE);
    }

    void yAxis(String yLabel) {
      double step = niceStep((y1 - y0) / 4);
      for (double v = y0; v <= y1 + step / 2; v += step) {
        ch.add(new Chart.Line(left, y(v), right, y(v), GRID, 1, false));
        ch.text(left - 6, y(v) + 4, tick(v, step), 10, Chart.Anchor.END);
      }
      ch.add(new Chart.Line(left, bottom, right, bottom, AXIS, 1, false));
      ch.add(new Chart.Line(left, top, left, bottom, AXIS, 1, false));
      if (yLabel != null) ch.add(new Chart.Text(14, (top + bottom) / 2, yLabel, 10, INK, Chart.Anchor.MIDDLE, false, -90));
    }

    void line(double[] xs, double[] ys, String colour, double width) {
      double[] px = new double[xs.length];
      double[] py = new double[xs.length];
      for (int i = 0; i < xs.length; i++) { px[i] = x(xs[i]); py[i] = y(ys[i]); }
      ch.add(new Chart.Polyline(px, py, colour, width, false));
    }
  }

  private static double min(double[] a) { double m = Double.POSITIVE_INFINITY; for (double v : a) if (Double.isFinite(v)) m = Math.min(m, v); return m == Double.POSITIVE_INFINITY ? 0 : m; }
  private static double max(double[] a) { double m = Double.NEGATIVE_INFINITY; for (double v : a) if (Double.isFinite(v)) m = Math.max(m, v); return m == Double.NEGATIVE_INFINITY ? 1 : m; }

  static double niceStep(double raw) {
    if (!(raw > 0)) return 1;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  }

  static String tick(double v, double step) {
    double a = Math.abs(v);
    if (a >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6).replace(".0M", "M");
    if (a >= 1e4) return String.format(Locale.ROOT, "%.0fk", v / 1e3);
    if (step >= 1) return String.format(Locale.ROOT, "%,.0f", v);
    int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step)));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
