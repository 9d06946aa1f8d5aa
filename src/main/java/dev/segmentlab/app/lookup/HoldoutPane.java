package dev.segmentlab.app.lookup;

import dev.segmentlab.core.value.HoldoutCheck;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import java.util.List;

/** The purchase model's holdout check: predicted against actual purchase days by calibration purchases, in words. */
final class HoldoutPane {
  private HoldoutPane() {}

  static VBox build(LookupViewModel vm) {
    Button run = new Button("Check the purchase model on the last 13 weeks");
    run.setId("holdoutRun");
    run.setOnAction(e -> vm.checkHoldout());
    CategoryAxis x = new CategoryAxis();
    x.setLabel("Repeat purchase days before the last 13 weeks");
    NumberAxis y = new NumberAxis();
    y.setLabel("Mean purchase days in the last 13 weeks");
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId("holdoutChart");
    chart.setAnimated(false);
    chart.setPrefHeight(220);
    Label words = new Label();
    words.setId("holdoutSummary");
    words.setWrapText(true);
    vm.holdoutProperty().addListener((o, a, r) -> {
      if (r == null) {
        chart.getData().clear();
        words.setText("");
        return;
      }
      XYChart.Series<String, Number> predicted = new XYChart.Series<>(), actual = new XYChart.Series<>();
      predicted.setName("predicted");
      actual.setName("actual");
      for (HoldoutCheck.Group g : r.groups()) {
        predicted.getData().add(new XYChart.Data<>(g.label(), g.predicted()));
        actual.getData().add(new XYChart.Data<>(g.label(), g.actual()));
      }
      chart.getData().setAll(List.of(predicted, actual));
      words.setText(r.summary());
    });
    return new VBox(6, run, chart, words);
  }
}
