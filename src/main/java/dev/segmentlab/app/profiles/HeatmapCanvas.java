package dev.segmentlab.app.profiles;

import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Relative importance as a heatmap: one row per segment, one column per feature, blue below the average customer,
 * white at it, red above, with the value written in each cell. Colour follows log(mean / overall) so that halving
 * and doubling look equally strong.
 */
final class HeatmapCanvas extends CanvasPane {
  static final Color BLUE = Color.web("#2166AC");
  static final Color RED = Color.web("#B2182B");
  private static final Font CELL = Font.font(12);
  private static final Font HEAD = Font.font(null, FontWeight.BOLD, 12);
  private final ObservableValue<SegmentGrid> grid;

  HeatmapCanvas(ObservableValue<SegmentGrid> grid) {
    this.grid = grid;
    setId("heatmap");
    grid.addListener((o, a, g) -> redraw());
  }

  SegmentGrid grid() { return grid.getValue(); }

  @Override void draw(GraphicsContext g, double w, double h) {
    SegmentGrid d = grid.getValue();
    if (d == null || d.rows() == 0) return;
    double labelW = Math.min(w * 0.4, 20 + maxWidth(d));
    double headH = 24;
    double legendH = 26;
    double cellW = (w - labelW - 8) / d.columns();
    double cellH = Math.min(56, (h - headH - legendH) / d.rows());
    double scale = Math.log(1.5);
    for (int s = 0; s < d.rows(); s++) {
      for (int f = 0; f < d.columns(); f++) {
        double v = d.get(s, f);
        if (!Double.isNaN(v)) scale = Math.max(scale, Math.abs(logRatio(v)));
      }
    }
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.CENTER);
    g.setFont(HEAD);
    g.setFill(Color.web("#333333"));
    for (int f = 0; f < d.columns(); f++) g.fillText(d.features().get(f), labelW + (f + 0.5) * cellW, headH / 2, cellW - 4);
    for (int s = 0; s < d.rows(); s++) {
      double y = headH + s * cellH;
      g.setFill(Color.web(d.colours().get(s)));
      g.fillRect(4, y + cellH / 2 - 6, 12, 12);
      g.setTextAlign(TextAlignment.LEFT);
      g.setFont(CELL);
      g.setFill(Color.web("#222222"));
      g.fillText(d.names().get(s), 20, y + cellH / 2, labelW - 24);
      g.setTextAlign(TextAlignment.CENTER);
      for (int f = 0; f < d.columns(); f++) {
        double v = d.get(s, f);
        double t = Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, logRatio(v) / scale));
        double x = labelW + f * cellW;
        g.setFill(Double.isNaN(v) ? Color.web("#EEEEEE") : colour(t));
        g.fillRect(x, y, cellW - 1, cellH - 1);
        g.setFill(Math.abs(t) > 0.55 ? Color.WHITE : Color.web("#222222"));
        g.fillText(ProfileFormat.change(v), x + cellW / 2, y + cellH / 2, cellW - 4);
      }
    }
    legend(g, labelW, headH + d.rows() * cellH + 6, Math.min(w - labelW - 8, 260));
  }

  private static void legend(GraphicsContext g, double x, double y, double width) {
    int steps = 40;
    for (int i = 0; i < steps; i++) {
      g.setFill(colour(-1 + 2.0 * i / (steps - 1)));
      g.fillRect(x + width * i / steps, y, width / steps + 1, 8);
    }
    g.setFont(Font.font(10));
    g.setFill(Color.web("#5B6572"));
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText("lower", x, y + 16);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText("higher", x + width, y + 16);
    g.setTextAlign(TextAlignment.CENTER);
    // short words: the legend can be as narrow as the cells (about 180 px), longer ones overlapped
    g.fillText("as all customers", x + width / 2, y + 16);
  }

  /** −1..0..1 → blue..white..red. */
  static Color colour(double t) {
    return t < 0 ? Color.WHITE.interpolate(BLUE, -t) : Color.WHITE.interpolate(RED, t);
  }

  private static double logRatio(double v) {
    return v <= -0.99 ? Math.log(0.01) : Math.log1p(v);
  }

  private static double maxWidth(SegmentGrid d) {
    Text t = new Text();
    t.setFont(CELL);
    double m = 0;
    for (String n : d.names()) {
      t.setText(n);
      m = Math.max(m, t.getLayoutBounds().getWidth());
    }
    return m;
  }
}
