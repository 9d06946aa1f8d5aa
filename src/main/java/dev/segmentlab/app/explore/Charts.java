package dev.segmentlab.app.explore;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** Bar charts of the Explore step: built unanimated, fed a whole series at once, every bar with a tooltip. */
final class Charts {
  private Charts() {}

  /** A vertical bar chart with compact value ticks ("1.2M"). */
  static BarChart<String, Number> bars(String id, String title, String valueLabel) {
    CategoryAxis x = new CategoryAxis();
    x.setAnimated(false);
    NumberAxis y = valueAxis(valueLabel);
    BarChart<String, Number> c = new BarChart<>(x, y);
    style(c, id, title);
    return c;
  }

  /** A horizontal bar chart (long category names such as countries). */
  static BarChart<Number, String> horizontalBars(String id, String title, String valueLabel) {
    CategoryAxis y = new CategoryAxis();
    y.setAnimated(false);
    BarChart<Number, String> c = new BarChart<>(valueAxis(valueLabel), y);
    style(c, id, title);
    return c;
  }

  /** Replaces the chart's data with one series of {@code bars}, left to right. */
  static void show(BarChart<String, Number> chart, List<Bar> bars) {
    List<XYChart.Data<String, Number>> data = new ArrayList<>(bars.size());
    for (Bar b : bars) {
      XYChart.Data<String, Number> d = withTip(new XYChart.Data<>(b.label(), b.value()), b.tip());
      if (b.partial()) lighter(d);
      data.add(d);
    }
    replace(chart, data);
  }

  /** Replaces a horizontal chart's data; the first bar goes on top. */
  static void showHorizontal(BarChart<Number, String> chart, List<Bar> bars) {
    List<XYChart.Data<Number, String>> data = new ArrayList<>(bars.size());
    for (int i = bars.size() - 1; i >= 0; i--) {
      Bar b = bars.get(i);
      data.add(withTip(new XYChart.Data<>(b.value(), b.label()), b.tip()));
    }
    replace(chart, data);
  }

  /**
   * A fresh series each time rather than editing the old one: a category axis keeps stale categories in their old
   * order when the set of labels changes under it (histogram bins after a segment change).
   */
  private static <X, Y> void replace(XYChart<X, Y> chart, List<XYChart.Data<X, Y>> data) {
    XYChart.Series<X, Y> s = new XYChart.Series<>();
    s.getData().setAll(data);
    chart.getData().setAll(List.of(s));
  }

  private static <X, Y> XYChart.Data<X, Y> withTip(XYChart.Data<X, Y> d, String tip) {
    d.nodeProperty().addListener((o, a, n) -> install(n, tip));
    install(d.getNode(), tip);
    return d;
  }

  /** A bar of a partial period: lighter, with a dashed outline. */
  private static void lighter(XYChart.Data<?, ?> d) {
    d.nodeProperty().addListener((o, a, n) -> markPartial(n));
    markPartial(d.getNode());
  }

  private static void markPartial(Node n) {
    if (n == null) return;
    n.getStyleClass().add("partial-bar");
    n.setStyle("-fx-opacity: 0.45; -fx-border-color: #555555; -fx-border-style: dashed; -fx-border-width: 1;");
  }

  private static void install(Node n, String tip) {
    if (n == null) return;
    Tooltip t = new Tooltip(tip);
    t.setShowDelay(Duration.millis(150));
    Tooltip.install(n, t);
  }

  private static NumberAxis valueAxis(String label) {
    NumberAxis a = new NumberAxis();
    a.setLabel(label);
    a.setAnimated(false);
    a.setForceZeroInRange(true);
    a.setTickLabelFormatter(new StringConverter<>() {
      @Override public String toString(Number n) { return Formats.compact(n.doubleValue()); }
      @Override public Number fromString(String s) { return null; }
    });
    return a;
  }

  private static void style(XYChart<?, ?> c, String id, String title) {
    c.setId(id);
    c.setTitle(title);
    c.setAnimated(false);
    c.setLegendVisible(false);
    c.setMinHeight(220);
    c.setPrefHeight(260);
  }
}
