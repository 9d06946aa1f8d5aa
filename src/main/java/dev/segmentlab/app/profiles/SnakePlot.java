package dev.segmentlab.app.profiles;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;

/**
 * Snake plot: mean standardized value of each feature per segment, one line per segment in its colour. The
 * chart's own legend cycles through eight CSS colours, so a legend of the segment colours replaces it.
 */
final class SnakePlot extends VBox {
  private final LineChart<String, Number> chart;
  private final FlowPane legend = new FlowPane(12, 4);

  SnakePlot(ObservableValue<SegmentGrid> grid) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setLabel("standardized mean");
    chart = new LineChart<>(x, y);
    chart.setId("snakePlot");
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCreateSymbols(true);
    legend.setId("snakeLegend");
    getChildren().addAll(chart, legend);
    setVgrow(chart, Priority.ALWAYS);
    grid.addListener((o, a, g) -> show(g));
    show(grid.getValue());
  }

  LineChart<String, Number> chart() { return chart; }

  /**
   * Draws a grid. Over the same features, the lines drawn take the new segments' values in place, lines are added
   * or removed at the end for another k, and the legend's entries beyond k are hidden: new lines and entries at
   * each k would be new nodes, styled anew.
   */
  private void show(SegmentGrid g) {
    if (g == null) {
      chart.getData().clear();
      legend.getChildren().forEach(n -> n.setVisible(false));
      return;
    }
    List<XYChart.Series<String, Number>> lines = chart.getData();
    if (!complete(g) || !lines.stream().allMatch(l -> drawsFeatures(l, g))) lines.clear();
    while (lines.size() > g.rows()) lines.remove(lines.size() - 1);
    for (int s = 0; s < lines.size(); s++) {
      List<XYChart.Data<String, Number>> points = lines.get(s).getData();
      for (int f = 0; f < g.columns(); f++) points.get(f).setYValue(g.get(s, f));
    }
    List<XYChart.Series<String, Number>> added = new ArrayList<>();
    for (int s = lines.size(); s < g.rows(); s++) {
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      for (int f = 0; f < g.columns(); f++) {
        if (!Double.isNaN(g.get(s, f))) series.getData().add(new XYChart.Data<>(g.features().get(f), g.get(s, f)));
      }
      added.add(series);
    }
    lines.addAll(added);
    while (legend.getChildren().size() < g.rows()) {
      Label item = new Label("", new Rectangle(14, 4));
      item.managedProperty().bind(item.visibleProperty());
      legend.getChildren().add(item);
    }
    for (int s = 0; s < legend.getChildren().size(); s++) legend.getChildren().get(s).setVisible(s < g.rows());
    for (int s = 0; s < g.rows(); s++) {
      XYChart.Series<String, Number> series = lines.get(s);
      String c = g.colours().get(s);
      series.setName(g.names().get(s));
      series.getNode().setStyle("-fx-stroke: " + c + "; -fx-stroke-width: 2.5px;");
      for (XYChart.Data<String, Number> d : series.getData()) {
        d.getNode().setStyle("-fx-background-color: " + c + ", white; -fx-background-insets: 0, 2; -fx-padding: 4px;");
      }
      Label item = (Label) legend.getChildren().get(s);
      item.setText(g.names().get(s));
      ((Rectangle) item.getGraphic()).setFill(Color.web(c));
    }
  }

  /** Whether every segment has a value for every feature (a line with a gap is drawn anew). */
  private static boolean complete(SegmentGrid g) {
    for (int s = 0; s < g.rows(); s++) {
      for (int f = 0; f < g.columns(); f++) if (Double.isNaN(g.get(s, f))) return false;
    }
    return true;
  }

  /** Whether a line has a point at each feature of {@code g}, in order. */
  private static boolean drawsFeatures(XYChart.Series<String, Number> line, SegmentGrid g) {
    List<XYChart.Data<String, Number>> points = line.getData();
    if (points.size() != g.columns()) return false;
    for (int f = 0; f < g.columns(); f++) if (!points.get(f).getXValue().equals(g.features().get(f))) return false;
    return true;
  }
}
