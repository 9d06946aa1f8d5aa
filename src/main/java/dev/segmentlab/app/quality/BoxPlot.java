package dev.segmentlab.app.quality;

import dev.segmentlab.core.quality.OutlierReport;
import dev.segmentlab.core.quality.Stats;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A horizontal box plot drawn on a canvas: whiskers, box, median, the rule's fences and the outlier count.
 * The scale covers the fences and whiskers; values beyond it (Online Retail's ±80,995) are shown as arrows at
 * the edges with the extreme value, so that the box stays readable.
 */
final class BoxPlot extends Region {
  static final Color BOX = Color.web("#a9c6e8");
  private static final Color INK = Color.web("#1f2d3d"), FENCE = Color.web("#c0392b"), GREY = Color.web("#5b6572");
  private static final double PAD = 96;

  private final Canvas canvas = new Canvas();
  private OutlierReport report;
  private double from, to;

  BoxPlot() {
    getChildren().add(canvas);
    setMinHeight(110);
    setPrefHeight(140);
    widthProperty().addListener(o -> draw());
    heightProperty().addListener(o -> draw());
  }

  void setReport(OutlierReport r) {
    report = r;
    draw();
  }

  OutlierReport getReport() { return report; }

  /** The x of a value on the current scale (for tests). */
  double xOf(double v) { return PAD + (v - from) / (to - from) * (canvas.getWidth() - 2 * PAD); }

  Canvas canvas() { return canvas; }

  /** The y of the box's centre line. */
  double midY() { return canvas.getHeight() * 0.52; }

  @Override protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
  }

  private void draw() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth(), h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    if (report == null || w < 2 * PAD + 10 || Double.isNaN(report.box().median())) return;
    Stats.Box b = report.box();
    from = Math.min(report.lower(), b.lowerWhisker());
    to = Math.max(report.upper(), b.upperWhisker());
    if (to - from < 1e-12) { from -= 1; to += 1; }
    double span = to - from;
    from -= span * 0.04;
    to += span * 0.04;
    g.setFont(Font.font(11));
    double mid = midY(), half = Math.min(20, h * 0.16);
    g.setStroke(INK);
    g.setLineWidth(1.2);
    g.strokeLine(xOf(b.lowerWhisker()), mid, xOf(b.q1()), mid);
    g.strokeLine(xOf(b.q3()), mid, xOf(b.upperWhisker()), mid);
    g.strokeLine(xOf(b.lowerWhisker()), mid - half / 2, xOf(b.lowerWhisker()), mid + half / 2);
    g.strokeLine(xOf(b.upperWhisker()), mid - half / 2, xOf(b.upperWhisker()), mid + half / 2);
    double x1 = xOf(b.q1()), x3 = xOf(b.q3());
    g.setFill(BOX);
    g.fillRect(x1, mid - half, Math.max(1, x3 - x1), 2 * half);
    g.strokeRect(x1, mid - half, Math.max(1, x3 - x1), 2 * half);
    g.setLineWidth(2.5);
    g.strokeLine(xOf(b.median()), mid - half, xOf(b.median()), mid + half);
    fences(g, h);
    beyond(g, mid, w);
    axis(g, h, w);
  }

  private void fences(GraphicsContext g, double h) {
    g.setStroke(FENCE);
    g.setFill(FENCE);
    g.setLineWidth(1);
    g.setLineDashes(5, 4);
    g.setTextBaseline(VPos.TOP);
    for (double f : new double[] {report.lower(), report.upper()}) {
      if (f < from || f > to) continue;
      double x = xOf(f);
      g.strokeLine(x, 18, x, h - 26);
      boolean low = f == report.lower();
      g.setTextAlign(low ? TextAlignment.LEFT : TextAlignment.RIGHT);
      g.fillText((low ? "lower fence " : "upper fence ") + Format.number(f), x + (low ? 4 : -4), 18);
    }
    g.setLineDashes();
  }

  /** Arrows at the edges for values off the scale, labelled with the extreme value. */
  private void beyond(GraphicsContext g, double mid, double w) {
    g.setFill(GREY);
    g.setTextBaseline(VPos.CENTER);
    Stats.Box b = report.box();
    if (b.min() < from) {
      g.fillPolygon(new double[] {6, 16, 16}, new double[] {mid, mid - 6, mid + 6}, 3);
      g.setTextAlign(TextAlignment.LEFT);
      g.fillText("min " + Format.number(b.min()), 4, mid + 18);
    }
    if (b.max() > to) {
      g.fillPolygon(new double[] {w - 6, w - 16, w - 16}, new double[] {mid, mid - 6, mid + 6}, 3);
      g.setTextAlign(TextAlignment.RIGHT);
      g.fillText("max " + Format.number(b.max()), w - 4, mid + 18);
    }
  }

  private void axis(GraphicsContext g, double h, double w) {
    double y = h - 22;
    g.setStroke(GREY);
    g.setFill(GREY);
    g.setLineWidth(1);
    g.strokeLine(PAD, y, w - PAD, y);
    double step = niceStep((to - from) / 6);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double t = Math.ceil(from / step) * step; t <= to; t += step) {
      double x = xOf(t);
      g.strokeLine(x, y, x, y + 4);
      g.fillText(Format.number(Math.abs(t) < step * 1e-9 ? 0 : t), x, y + 6);
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.setFill(FENCE);
    g.fillText(String.format("%,d outliers (%s) of %,d values", report.count(), report.rule(), report.n()), w / 2, 1);
  }

  private static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }
}
