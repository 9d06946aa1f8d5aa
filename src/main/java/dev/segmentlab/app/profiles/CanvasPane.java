package dev.segmentlab.app.profiles;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/** A Region holding a Canvas of its own size, redrawn when resized or when the data changes. */
abstract class CanvasPane extends Region {
  private final Canvas canvas = new Canvas();
  private int draws;

  CanvasPane() {
    getChildren().add(canvas);
    setMinSize(0, 0);
    setPrefSize(360, 260);
  }

  @Override protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      redraw();
    }
  }

  final void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    draws++;
    if (w > 20 && h > 20) draw(g, w, h);
  }

  abstract void draw(GraphicsContext g, double w, double h);

  /** How often the canvas was drawn (for tests). */
  int drawCount() { return draws; }

  Canvas canvas() { return canvas; }
}
