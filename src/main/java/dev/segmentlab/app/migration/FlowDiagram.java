package dev.segmentlab.app.migration;

import dev.segmentlab.core.value.MigrationFlow;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The migration's flow diagram: the ViewModel's {@link MigrationFlow} (computed off the UI thread, in fractions
 * of the height) drawn on a Canvas, scaled to the pane; counts and names are labels over it. Redraws only when
 * the flow or the size changes; the work is proportional to k², never to the customers.
 */
final class FlowDiagram extends Pane {
  private static final double NODE_WIDTH = 14;
  private static final double SIDE = 170; // room for the blocks' names
  private static final double PAD = 8;
  private static final Color OTHER = Color.web("#9e9e9e");
  private final Canvas canvas = new Canvas();
  private final Pane labels = new Pane();
  private MigrationFlow flow;

  FlowDiagram(ObservableValue<MigrationFlow> source) {
    setId("migrationFlow");
    labels.setMouseTransparent(true);
    getChildren().addAll(canvas, labels);
    setMinHeight(180);
    setPrefHeight(340);
    source.addListener((o, a, f) -> {
      flow = f;
      requestLayout();
      draw();
    });
    flow = source.getValue();
  }

  @Override protected void layoutChildren() {
    if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
      labels.resize(getWidth(), getHeight());
      draw();
    }
  }

  private void draw() {
    double w = canvas.getWidth(), h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    labels.getChildren().clear();
    if (flow == null || w < 2 * SIDE + 3 * NODE_WIDTH || h < 2 * PAD + 10) return;
    double xl = SIDE, xr = w - SIDE - NODE_WIDTH, top = PAD, height = h - 2 * PAD;
    double mid = (xl + NODE_WIDTH + xr) / 2;
    List<MigrationFlow.Node> left = flow.left(), right = flow.right();
    int k = left.size() - 1;
    for (MigrationFlow.Band b : flow.bands()) {
      MigrationFlow.Node from = left.get(b.from() < 0 ? k : b.from()), to = right.get(b.to() < 0 ? k : b.to());
      g.setFill(colour(b.from() >= 0 ? from : to).deriveColor(0, 1, 1, 0.45));
      double yl = top + b.leftY() * height, yr = top + b.rightY() * height, t = b.thickness() * height;
      g.beginPath();
      g.moveTo(xl + NODE_WIDTH, yl);
      g.bezierCurveTo(mid, yl, mid, yr, xr, yr);
      g.lineTo(xr, yr + t);
      g.bezierCurveTo(mid, yr + t, mid, yl + t, xl + NODE_WIDTH, yl + t);
      g.closePath();
      g.fill();
      if (b.labelled()) {
        Label count = label(String.format(Locale.ROOT, "%,d", b.count()), "flow-count");
        count.relocate(mid - 20, (yl + yr + t) / 2 - 8);
        count.setPrefWidth(40);
        count.setAlignment(Pos.CENTER);
      }
    }
    for (int i = 0; i <= k; i++) {
      block(g, left.get(i), xl, top, height, 0, SIDE - 6, Pos.CENTER_RIGHT);
      block(g, right.get(i), xr, top, height, xr + NODE_WIDTH + 6, SIDE - 6, Pos.CENTER_LEFT);
    }
  }

  private void block(GraphicsContext g, MigrationFlow.Node n, double x, double top, double height, double labelX,
      double labelWidth, Pos align) {
    if (n.count() == 0) return;
    double y = top + n.y() * height, hh = Math.max(1, n.height() * height);
    g.setFill(colour(n));
    g.fillRect(x, y, NODE_WIDTH, hh);
    Label name = label(String.format(Locale.ROOT, "%s (%,d)", n.label(), n.count()), "flow-node");
    name.setPrefWidth(labelWidth);
    name.setAlignment(align);
    name.relocate(labelX, y + hh / 2 - 8);
  }

  private Label label(String text, String styleClass) {
    Label l = new Label(text);
    l.getStyleClass().add(styleClass);
    l.setStyle("-fx-font-size: 11px;");
    labels.getChildren().add(l);
    return l;
  }

  private static Color colour(MigrationFlow.Node n) {
    return n.colour() == null ? OTHER : Color.web(n.colour());
  }
}
