package dev.segmentlab.app.segments;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Customers as dots coloured by segment, centroids as crosses, ticks on both axes: the snapshot's sample (at most
 * about {@link ScatterModel#MAX_SHOWN} dots) on one Canvas, drawn once per change. Hover names the nearest drawn
 * customer and its segment; the selected customer gets a ring.
 */
final class ScatterCanvas extends Pane {
  private static final double LEFT = 58;
  private static final double BOTTOM = 40;
  private static final double TOP = 6;
  private static final double RIGHT = 10;
  private final Canvas canvas = new Canvas();
  private final Tooltip tip = new Tooltip();
  private final ReadOnlyIntegerProperty selected;
  private ScatterData data;
  private double minX, maxX, minY, maxY;
  private int redraws;
  private int[] pixels;
  private WritableImage image;

  ScatterCanvas(ReadOnlyObjectProperty<ScatterData> source, ReadOnlyIntegerProperty selected) {
    this.selected = selected;
    setId("scatterPane");
    canvas.setId("scatterCanvas");
    getChildren().add(canvas);
    setMinSize(200, 160);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener(o -> redraw());
    canvas.heightProperty().addListener(o -> redraw());
    source.addListener((o, a, d) -> { data = d; bounds(); redraw(); });
    selected.addListener(o -> redraw());
    data = source.get();
    bounds();
    Tooltip.install(canvas, tip);
    canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
  }

  /** Whether the canvas must be drawn at the next layout. */
  private boolean dirty = true;

  /**
   * Draws at the next layout pass, once whatever changed (new data, width and height): a screen out of the scene
   * (another step shown) is not drawn until it comes back.
   */
  private void redraw() {
    dirty = true;
    requestLayout();
  }

  @Override protected void layoutChildren() {
    super.layoutChildren();
    if (dirty) {
      dirty = false;
      draw();
    }
  }

  /** How many times the canvas was drawn (for tests). */
  int redraws() { return redraws; }

  private void bounds() {
    if (data == null) return;
    double[] b = data.bounds();
    double padX = (b[1] - b[0]) * 0.03, padY = (b[3] - b[2]) * 0.03;
    minX = b[0] - padX;
    maxX = b[1] + padX;
    minY = b[2] - padY;
    maxY = b[3] + padY;
  }

  private double plotW() { return canvas.getWidth() - LEFT - RIGHT; }
  private double plotH() { return canvas.getHeight() - TOP - BOTTOM; }
  private double sx(double x) { return LEFT + (x - minX) / (maxX - minX) * plotW(); }
  private double sy(double y) { return TOP + plotH() - (y - minY) / (maxY - minY) * plotH(); }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth(), h = canvas.getHeight();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    redraws++;
    canvas.getProperties().put("redraws", redraws);
    if (data == null || w < 80 || h < 80) {
      g.setFill(Color.GRAY);
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("Segments appear here after the sweep.", w / 2, h / 2);
      g.setTextAlign(TextAlignment.LEFT);
      return;
    }
    axes(g, w, h);
    Color[] colours = new Color[data.k()];
    for (int s = 0; s < colours.length; s++) colours[s] = Color.web(data.colours()[s], 0.55);
    double[] x = data.x(), y = data.y();
    dots(colours);
    g.setLineWidth(2.5);
    g.setFill(Color.BLACK);
    g.setStroke(Color.BLACK);
    for (int s = 0; s < colours.length; s++) {
      double cx = sx(data.centroidX()[s]), cy = sy(data.centroidY()[s]);
      g.strokeLine(cx - 7, cy - 7, cx + 7, cy + 7);
      g.strokeLine(cx - 7, cy + 7, cx + 7, cy - 7);
      g.fillText(String.valueOf(s), cx + 8, cy - 8);
    }
    int sel = selected.get();
    if (sel >= 0 && sel < data.size()) {
      g.setStroke(Color.web("#d62728"));
      g.setLineWidth(3);
      g.strokeOval(sx(x[sel]) - 9, sy(y[sel]) - 9, 18, 18);
    }
    g.setLineWidth(1);
  }

  /**
   * The dots go into a pixel buffer drawn as one image: thousands of fillRect calls were thousands of commands for
   * the renderer, which the FX thread then waited for at the next pulse (software rendering: tens of ms a k change).
   */
  private void dots(Color[] colours) {
    int pw = (int) Math.floor(plotW()), ph = (int) Math.floor(plotH());
    if (pw <= 0 || ph <= 0) return;
    if (pixels == null || pixels.length != pw * ph) pixels = new int[pw * ph];
    else Arrays.fill(pixels, 0);
    int[] premultiplied = new int[colours.length];
    for (int s = 0; s < colours.length; s++) premultiplied[s] = premultiplied(colours[s]);
    double[] x = data.x(), y = data.y();
    int[] labels = data.labels();
    int dot = data.shownCount() > 5_000 ? 3 : 5;
    for (int i : data.shown()) {
      int px = (int) Math.round(sx(x[i]) - LEFT - dot / 2.0), py = (int) Math.round(sy(y[i]) - TOP - dot / 2.0);
      int c = premultiplied[labels[i]];
      for (int r = Math.max(0, py); r < Math.min(ph, py + dot); r++) {
        for (int q = Math.max(0, px); q < Math.min(pw, px + dot); q++) pixels[r * pw + q] = over(c, pixels[r * pw + q]);
      }
    }
    if (image == null || (int) image.getWidth() != pw || (int) image.getHeight() != ph) image = new WritableImage(pw, ph);
    image.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbPreInstance(), pixels, 0, pw);
    canvas.getGraphicsContext2D().drawImage(image, LEFT, TOP);
  }

  private static int premultiplied(Color c) {
    int a = (int) Math.round(c.getOpacity() * 255);
    return a << 24 | (int) Math.round(c.getRed() * a) << 16 | (int) Math.round(c.getGreen() * a) << 8
        | (int) Math.round(c.getBlue() * a);
  }

  /** Premultiplied source over destination. */
  static int over(int src, int dst) {
    int inv = 255 - (src >>> 24);
    int a = (src >>> 24) + ((dst >>> 24) * inv + 127) / 255;
    int r = (src >> 16 & 0xff) + ((dst >> 16 & 0xff) * inv + 127) / 255;
    int g = (src >> 8 & 0xff) + ((dst >> 8 & 0xff) * inv + 127) / 255;
    int b = (src & 0xff) + ((dst & 0xff) * inv + 127) / 255;
    return Math.min(a, 255) << 24 | Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | Math.min(b, 255);
  }

  private void axes(GraphicsContext g, double w, double h) {
    double bottom = TOP + plotH();
    g.setStroke(Color.web("#c9ced6"));
    g.strokeRect(LEFT, TOP, plotW(), plotH());
    g.setFill(Color.web("#333"));
    g.setStroke(Color.web("#888"));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double t : Ticks.of(minX, maxX, Math.max(2, (int) (plotW() / 80)))) {
      double px = sx(t);
      g.strokeLine(px, bottom, px, bottom + 4);
      g.fillText(Ticks.label(t), px, bottom + 6);
    }
    g.fillText(data.xLabel(), LEFT + plotW() / 2, bottom + 22);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (double t : Ticks.of(minY, maxY, Math.max(2, (int) (plotH() / 50)))) {
      double py = sy(t);
      g.strokeLine(LEFT - 4, py, LEFT, py);
      g.fillText(Ticks.label(t), LEFT - 6, py);
    }
    g.save();
    g.translate(12, TOP + plotH() / 2);
    g.rotate(-90);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(data.yLabel(), 0, 0);
    g.restore();
    g.setTextBaseline(VPos.BASELINE);
    g.setTextAlign(TextAlignment.LEFT);
  }

  /** The nearest drawn customer within 6 px: bounded by the sample, not by customers. */
  private void hover(double mx, double my) {
    if (data == null) return;
    int best = -1;
    double bestD = 36;
    double[] x = data.x(), y = data.y();
    for (int i : data.shown()) {
      double dx = sx(x[i]) - mx, dy = sy(y[i]) - my;
      double d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = i; }
    }
    tip.setText(best < 0 ? "" : tooltip(data, best));
  }

  static String tooltip(ScatterData d, int i) {
    int s = d.labels()[i];
    return "Customer " + d.ids()[i] + "\nSegment " + s + " · " + d.names()[s]
        + "\n" + d.xLabel() + ": " + Ticks.value(d.x()[i]) + "\n" + d.yLabel() + ": " + Ticks.value(d.y()[i]);
  }
}
