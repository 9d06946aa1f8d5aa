package dev.segmentlab.app.segments;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Ward's dendrogram (its top merges, {@link DendrogramLayout}) on a Canvas, with the cut drawn at the chosen k.
 * Redraws on a new layout, a new k or a resize: a few dozen lines, nothing proportional to the customers.
 */
final class DendrogramCanvas extends Pane {
  private static final double LEFT = 56, RIGHT = 12, TOP = 12, BOTTOM = 28;
  private final Canvas canvas = new Canvas();
  private final ObservableObjectValue<MethodChartData> data;
  private final ObservableIntegerValue k;
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
  private int clustersBelowCut;

  DendrogramCanvas(ObservableObjectValue<MethodChartData> data, ObservableIntegerValue k) {
    this.data = data;
    this.k = k;
    setId("dendrogram");
    setMinSize(200, 150);
    getChildren().add(canvas);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener(o -> redraw());
    canvas.heightProperty().addListener(o -> redraw());
    data.addListener(o -> redraw());
    k.addListener(o -> redraw());
  }

  /** The clusters below the drawn cut, counted from the drawing (0 when nothing is drawn). */
  int clustersBelowCut() { return clustersBelowCut; }

  /** What the drawing shows, as a sentence (the cut's height and the clusters below it). */
  ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }

  private DendrogramLayout tree() {
    MethodChartData d = data.get();
    return d == null ? null : d.tree();
  }

  void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth(), h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    DendrogramLayout t = tree();
    clustersBelowCut = 0;
    caption.set("");
    if (t == null || t.merges() == 0) return;
    double cut = t.cutHeight(k.get());
    if (Double.isFinite(cut)) {
      clustersBelowCut = t.branchesCrossing(cut);
      caption.set(String.format("Top %d merges of Ward's tree%s. Cut at height %.2f for k = %d: %d clusters below it.",
          t.merges(), t.approximate() ? " (its leaves are k-means micro-clusters)" : "", cut, k.get(), clustersBelowCut));
    } else {
      caption.set("k = " + k.get() + " cuts below the top " + t.merges() + " merges drawn.");
    }
    if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) return;
    double top = t.maxHeight() * 1.05;
    double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
    double step = pw / Math.max(1, t.leaves());
    java.util.function.DoubleUnaryOperator sx = v -> LEFT + (v + 0.5) * step;
    java.util.function.DoubleUnaryOperator sy = v -> TOP + ph * (1 - v / top);
    g.setStroke(Color.gray(0.55));
    g.setLineWidth(1);
    g.strokeLine(LEFT, TOP, LEFT, TOP + ph);
    g.setFill(Color.gray(0.3));
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (int i = 0; i <= 4; i++) {
      double v = top * i / 4;
      g.fillText(String.format("%.1f", v), LEFT - 4, sy.applyAsDouble(v));
    }
    g.setStroke(Color.web("#2b5d8a"));
    g.setLineWidth(1.4);
    for (int q = 0; q < t.merges(); q++) {
      double hx = sy.applyAsDouble(t.mergeHeight()[q]);
      double lx = sx.applyAsDouble(t.leftX()[q]), rx = sx.applyAsDouble(t.rightX()[q]);
      g.strokeLine(lx, sy.applyAsDouble(t.leftY()[q]), lx, hx);
      g.strokeLine(rx, sy.applyAsDouble(t.rightY()[q]), rx, hx);
      g.strokeLine(lx, hx, rx, hx);
    }
    // leaf sizes under the leaves when they fit
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    if (step >= 22) {
      for (int i = 0; i < t.leaves(); i++) g.fillText("(" + t.leafSize()[i] + ")", sx.applyAsDouble(t.leafX()[i]), TOP + ph + 4);
    }
    if (Double.isFinite(cut)) {
      double cy = sy.applyAsDouble(cut);
      g.setStroke(Color.web("#d9534f"));
      g.setLineWidth(1.5);
      g.setLineDashes(6, 4);
      g.strokeLine(LEFT, cy, LEFT + pw, cy);
      g.setLineDashes();
      g.setFill(Color.web("#d9534f"));
      g.setTextAlign(TextAlignment.RIGHT);
      g.setTextBaseline(VPos.BOTTOM);
      g.fillText("cut at k = " + k.get(), LEFT + pw, cy - 2);
    }
  }
}
