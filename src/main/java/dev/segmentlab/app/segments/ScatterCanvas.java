package dev.segmentlab.app.segments;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Every customer as a dot coloured by segment, with centroids as crosses: thousands of points on one Canvas,
 * redrawn once per change (not a Node per point). Hover shows the nearest customer.
 */
final class ScatterCanvas extends Pane {
  private static final double PAD = 44;
  private final Canvas canvas = new Canvas();
  private final Tooltip tip = new Tooltip();
  private ScatterData data;
  private double minX, maxX, minY, maxY;
  private int redraws;

  ScatterCanvas(ReadOnlyObjectProperty<ScatterData> source) {
    setId("scatterPane");
    canvas.setId("scatterCanvas");
    getChildren().add(canvas);
    setMinSize(200, 160);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener(o -> draw());
    canvas.heightProperty().addListener(o -> draw());
    source.addListener((o, a, d) -> { data = d; bounds(); draw(); });
    data = source.get();
    bounds();
    Tooltip.install(canvas, tip);
    canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
  }

  /** How many times the canvas was drawn (for tests). */
  int redraws() { return redraws; }

  private void bounds() {
    if (data == null) return;
    minX = minY = Double.POSITIVE_INFINITY;
    maxX = maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < data.size(); i++) {
      minX = Math.min(minX, data.x()[i]); maxX = Math.max(maxX, data.x()[i]);
      minY = Math.min(minY, data.y()[i]); maxY = Math.max(maxY, data.y()[i]);
    }
    if (maxX == minX) maxX = minX + 1;
    if (maxY == minY) maxY = minY + 1;
  }

  private double sx(double x) { return PAD + (x - minX) / (maxX - minX) * (canvas.getWidth() - PAD - 12); }
  private double sy(double y) { return canvas.getHeight() - PAD + 8 - (y - minY) / (maxY - minY) * (canvas.getHeight() - PAD - 12); }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth(), h = canvas.getHeight();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    redraws++;
    canvas.getProperties().put("redraws", redraws);
    if (data == null || w < 50 || h < 50) {
      g.setFill(Color.GRAY);
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("Segments appear here after the sweep.", w / 2, h / 2);
      return;
    }
    g.setStroke(Color.web("#c9ced6"));
    g.strokeRect(PAD, 4, w - PAD - 8, h - PAD);
    Color[] colours = new Color[data.colours().length];
    for (int s = 0; s < colours.length; s++) colours[s] = Color.web(data.colours()[s], 0.55);
    for (int i = 0; i < data.size(); i++) {
      g.setFill(colours[data.labels()[i]]);
      g.fillOval(sx(data.x()[i]) - 2.5, sy(data.y()[i]) - 2.5, 5, 5);
    }
    g.setLineWidth(2.5);
    for (int s = 0; s < colours.length; s++) {
      double cx = sx(data.centroidX()[s]), cy = sy(data.centroidY()[s]);
      g.setStroke(Color.BLACK);
      g.strokeLine(cx - 7, cy - 7, cx + 7, cy + 7);
      g.strokeLine(cx - 7, cy + 7, cx + 7, cy - 7);
      g.setFill(Color.BLACK);
      g.fillText(String.valueOf(s), cx + 8, cy - 8);
    }
    g.setLineWidth(1);
    g.setFill(Color.web("#333"));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.fillText(data.xLabel(), PAD + (w - PAD) / 2, h - PAD + 22);
    g.fillText(String.format("%.2f", minX), PAD, h - PAD + 8);
    g.fillText(String.format("%.2f", maxX), w - 24, h - PAD + 8);
    g.save();
    g.translate(12, (h - PAD) / 2);
    g.rotate(-90);
    g.fillText(data.yLabel(), 0, 0);
    g.restore();
    g.setTextBaseline(VPos.BASELINE);
    g.setTextAlign(TextAlignment.LEFT);
  }

  private void hover(double mx, double my) {
    if (data == null) return;
    int best = -1;
    double bestD = 36;
    for (int i = 0; i < data.size(); i++) {
      double dx = sx(data.x()[i]) - mx, dy = sy(data.y()[i]) - my;
      double d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = i; }
    }
    tip.setText(best < 0 ? "" : "Customer " + data.ids()[best] + " · segment " + data.labels()[best]
        + String.format("%n%s = %.3f%n%s = %.3f", data.xLabel(), data.x()[best], data.yLabel(), data.y()[best]));
  }
}
