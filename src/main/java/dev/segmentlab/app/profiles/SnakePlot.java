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

  private void show(SegmentGrid g) {
    if (g == null) {
      chart.getData().clear();
      legend.getChildren().clear();
      return;
    }
    List<XYChart.Series<String, Number>> all = new ArrayList<>();
    for (int s = 0; s < g.rows(); s++) {
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      series.setName(g.names().get(s));
      for (int f = 0; f < g.columns(); f++) {
        if (!Double.isNaN(g.get(s, f))) series.getData().add(new XYChart.Data<>(g.features().get(f), g.get(s, f)));
      }
      all.add(series);
    }
    chart.getData().setAll(all);
    List<Label> items = new ArrayList<>();
    for (int s = 0; s < all.size(); s++) {
      String c = g.colours().get(s);
      all.get(s).getNode().setStyle("-fx-stroke: " + c + "; -fx-stroke-width: 2.5px;");
      for (XYChart.Data<String, Number> d : all.get(s).getData()) {
        d.getNode().setStyle("-fx-background-color: " + c + ", white; -fx-background-insets: 0, 2; -fx-padding: 4px;");
      }
      Label item = new Label(g.names().get(s), new Rectangle(14, 4, Color.web(c)));
      items.add(item);
    }
    legend.getChildren().setAll(items);
  }
}
