package dev.segmentlab.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart as a list of drawing primitives in a {@code width × height} box (y down, units = CSS pixels). Built by
 * {@link ReportCharts}; drawn as SVG by {@link SvgCharts} and as a PNG by {@link PngCharts}, so the HTML, the PDF
 * and the slides show the same picture without a JavaFX scene.
 */
public final class Chart {
  /** Text anchoring along x. */
  public enum Anchor { START, MIDDLE, END }

  /** One primitive. Colours are {@code #rrggbb} or {@code none}. */
  public sealed interface Element permits Rect, Line, Polyline, Circle, Text {}

  /** A rectangle; {@code title} is a tooltip (SVG only), may be null. */
  public record Rect(double x, double y, double w, double h, String fill, String stroke, String title) implements Element {}

  /** A straight line; dashed when {@code dashed}. */
  public record Line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) implements Element {}

  /** An open polyline through the points. */
  public record Polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed) implements Element {}

  /** A filled dot. */
  public record Circle(double cx, double cy, double r, String fill, String title) implements Element {}

  /** A text; rotated by {@code rotate} degrees about its anchor point. */
  public record Text(double x, double y, String text, double size, String fill, Anchor anchor, boolean bold,
      double rotate) implements Element {}

  private final String title;
  private final double width;
  private final double height;
  private final List<Element> elements = new ArrayList<>();

  /** @throws IllegalArgumentException unless width and height are positive */
  public Chart(String title, double width, double height) {
    if (!(width > 0 && height > 0)) throw new IllegalArgumentException("chart size must be positive");
    this.title = title;
    this.width = width;
    this.height = height;
  }

  public String title() { return title; }
  public double width() { return width; }
  public double height() { return height; }
  public List<Element> elements() { return List.copyOf(elements); }

  Chart add(Element e) {
    elements.add(e);
    return this;
  }

  Chart text(double x, double y, String text, double size, Anchor anchor) {
    return add(new Text(x, y, text, size, "#333333", anchor, false, 0));
  }
}
