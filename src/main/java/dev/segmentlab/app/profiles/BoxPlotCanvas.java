package dev.segmentlab.app.profiles;

import dev.segmentlab.core.segments.SegmentCharts.BoxStats;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Box plots of one feature, one box per segment (Tukey whiskers). On a linear axis the range covers the whiskers
 * and a larger maximum is written above the box; on a log axis the minimum and maximum are drawn as dots.
 */
final class BoxPlotCanvas extends CanvasPane {
  private static final double LEFT = 62;
  private static final double TOP = 26;
  private static final double BOTTOM = 40;
  private final ObservableValue<BoxData> data;

  BoxPlotCanvas(ObservableValue<BoxData> data) {
    this.data = data;
    setId("boxPlots");
    data.addListener((o, a, d) -> redraw());
  }

  BoxData data() { return data.getValue(); }

  @Override void draw(GraphicsContext g, double w, double h) {
    BoxData d = data.getValue();
    if (d == null || d.boxes().isEmpty()) return;
    Scale sc = Scale.of(d);
    double plotH = h - TOP - BOTTOM;
    double plotW = w - LEFT - 10;
    axis(g, d, sc, plotH, plotW);
    double slot = plotW / d.boxes().size();
    double bw = Math.min(56, slot * 0.5);
    for (int s = 0; s < d.boxes().size(); s++) {
      BoxStats b = d.boxes().get(s);
      double cx = LEFT + (s + 0.5) * slot;
      Color c = Color.web(d.colours().get(s));
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.setFont(Font.font(11));
      g.setFill(Color.web("#222222"));
      g.fillText(d.names().get(s), cx, h - BOTTOM + 12, slot - 4);
      g.setFill(Color.web("#5B6572"));
      g.setFont(Font.font(10));
      g.fillText(String.format("n %,d · %,d outliers", b.count(), b.outliers()), cx, h - BOTTOM + 27, slot - 4);
      if (b.count() == 0) continue;
      double yLo = y(sc, b.lowerWhisker(), plotH);
      double yHi = y(sc, b.upperWhisker(), plotH);
      double yQ1 = y(sc, b.q1(), plotH);
      double yQ3 = y(sc, b.q3(), plotH);
      double yMed = y(sc, b.median(), plotH);
      g.setStroke(c.darker());
      g.setLineWidth(1.2);
      g.strokeLine(cx, yLo, cx, yQ1);
      g.strokeLine(cx, yQ3, cx, yHi);
      g.strokeLine(cx - bw / 4, yLo, cx + bw / 4, yLo);
      g.strokeLine(cx - bw / 4, yHi, cx + bw / 4, yHi);
      g.setFill(c.deriveColor(0, 1, 1, 0.45));
      g.fillRect(cx - bw / 2, yQ3, bw, Math.max(1, yQ1 - yQ3));
      g.strokeRect(cx - bw / 2, yQ3, bw, Math.max(1, yQ1 - yQ3));
      g.setLineWidth(2.5);
      g.setStroke(Color.web("#222222"));
      g.strokeLine(cx - bw / 2, yMed, cx + bw / 2, yMed);
      extremes(g, sc, b, cx, c, plotH);
    }
  }

  private void extremes(GraphicsContext g, Scale sc, BoxStats b, double cx, Color c, double plotH) {
    g.setFill(c.darker());
    if (d().log()) {
      if (b.max() > b.upperWhisker()) g.fillOval(cx - 3, y(sc, b.max(), plotH) - 3, 6, 6);
      if (b.min() < b.lowerWhisker()) g.fillOval(cx - 3, y(sc, b.min(), plotH) - 3, 6, 6);
    } else if (b.max() > sc.hi) {
      g.setFont(Font.font(10));
      g.fillText("▲ max " + ProfileFormat.value(b.max()), cx, TOP - 8);
    }
  }

  private BoxData d() { return data.getValue(); }

  private void axis(GraphicsContext g, BoxData d, Scale sc, double plotH, double plotW) {
    g.setFont(Font.font(10));
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    g.setLineWidth(1);
    for (double t : sc.ticks()) {
      double yy = y(sc, t, plotH);
      g.setStroke(Color.web("#E4E7EB"));
      g.strokeLine(LEFT, yy, LEFT + plotW, yy);
      g.setFill(Color.web("#5B6572"));
      g.fillText(ProfileFormat.value(t), LEFT - 6, yy);
    }
    g.setStroke(Color.web("#9AA3AD"));
    g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(Color.web("#333333"));
    g.setFont(Font.font(11));
    g.fillText(d.feature() + (d.log() ? " (log scale)" : ""), 4, 10);
  }

  private static double y(Scale sc, double v, double plotH) {
    double t = (sc.f(v) - sc.f(sc.lo)) / (sc.f(sc.hi) - sc.f(sc.lo));
    return TOP + plotH * (1 - t);
  }

  /** The value range and its mapping: linear, or log10 of (value + shift) so that zeros can be drawn. */
  private record Scale(double lo, double hi, boolean log, double shift) {
    static Scale of(BoxData d) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (BoxStats b : d.boxes()) {
        if (b.count() == 0) continue;
        lo = Math.min(lo, d.log() ? b.min() : b.lowerWhisker());
        hi = Math.max(hi, d.log() ? b.max() : b.upperWhisker());
      }
      if (!(hi > lo)) { hi = lo + 1; }
      if (d.log()) return new Scale(lo, hi, true, lo > 0 ? 0 : 1 - lo);
      double pad = (hi - lo) * 0.04;
      return new Scale(lo - pad, hi + pad, false, 0);
    }

    double f(double v) { return log ? Math.log10(v + shift) : v; }

    List<Double> ticks() {
      List<Double> out = new ArrayList<>();
      if (log) {
        for (int e = (int) Math.floor(Math.log10(lo + shift)); e <= Math.ceil(Math.log10(hi + shift)); e++) {
          for (int m : new int[] {1, 2, 5}) {
            double v = m * Math.pow(10, e) - shift;
            if (v >= lo && v <= hi) out.add(v);
          }
        }
        return out;
      }
      double raw = (hi - lo) / 6;
      double mag = Math.pow(10, Math.floor(Math.log10(raw)));
      double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
      for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
      return out;
    }
  }
}
