package dev.segmentlab.app.segments;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.collections.ListChangeListener;

/** Sorted silhouette bars per segment (as yellowbrick's SilhouetteVisualizer), with the mean as a dashed line. */
final class SilhouettePlot extends Pane {
  private final Canvas canvas = new Canvas();
  private final ObservableList<SegmentRow> rows;
  private double[][] values;

  SilhouettePlot(ReadOnlyObjectProperty<double[][]> source, ObservableList<SegmentRow> rows) {
    this.rows = rows;
    setId("silhouettePlot");
    getChildren().add(canvas);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener(o -> draw());
    canvas.heightProperty().addListener(o -> draw());
    source.addListener((o, a, v) -> { values = v; draw(); });
    rows.addListener((ListChangeListener<SegmentRow>) c -> draw());
    values = source.get();
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth(), h = canvas.getHeight();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    if (values == null || values.length == 0) {
      g.setFill(Color.GRAY);
      g.fillText("No silhouette for this k (k = 1, or k outside the swept range).", 20, 30);
      return;
    }
    int n = 0;
    double sum = 0;
    for (double[] v : values) { n += v.length; for (double x : v) sum += x; }
    double left = 60, right = w - 20, zero = left + (right - left) * (1 / 3.0);
    double scale = (right - zero);
    double y = 10, rowH = Math.max(0.05, (h - 40 - 6 * values.length) / Math.max(1, n));
    for (int s = 0; s < values.length; s++) {
      String colour = s < rows.size() ? rows.get(s).colour() : "#888888";
      g.setFill(Color.web(colour));
      double top = y;
      // one rectangle per pixel row (the envelope of the bars in it), not one per customer: bounded by the
      // plot's height, not by the customers
      int row = Integer.MIN_VALUE;
      double from = 0, to = 0, rowTop = y, rowEnd = y;
      for (double v : values[s]) {
        double x0 = v >= 0 ? zero : zero + v * scale, x1 = x0 + Math.abs(v) * scale;
        int r = (int) Math.floor(y);
        if (r != row) {
          if (row != Integer.MIN_VALUE) g.fillRect(from, rowTop, to - from, Math.max(rowEnd - rowTop, 0.5));
          row = r;
          from = x0;
          to = x1;
          rowTop = y;
        } else {
          from = Math.min(from, x0);
          to = Math.max(to, x1);
        }
        y += rowH;
        rowEnd = y;
      }
      if (row != Integer.MIN_VALUE) g.fillRect(from, rowTop, to - from, Math.max(rowEnd - rowTop, 0.5));
      g.setFill(Color.BLACK);
      g.fillText(String.valueOf(s), 40, (top + y) / 2 + 4);
      y += 6;
    }
    double mean = sum / Math.max(1, n);
    g.setStroke(Color.RED);
    g.setLineDashes(6, 4);
    g.strokeLine(zero + mean * scale, 4, zero + mean * scale, h - 24);
    g.setLineDashes();
    g.setStroke(Color.BLACK);
    g.strokeLine(zero, 4, zero, h - 24);
    g.setFill(Color.BLACK);
    g.fillText("-0.5", zero - 0.5 * scale - 10, h - 8);
    g.fillText("0", zero - 3, h - 8);
    g.fillText("0.5", zero + 0.5 * scale - 8, h - 8);
    g.fillText("1", right - 6, h - 8);
    g.fillText(String.format("mean %.3f", mean), zero + mean * scale + 4, 16);
  }
}
