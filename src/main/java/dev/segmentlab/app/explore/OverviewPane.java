package dev.segmentlab.app.explore;

import dev.segmentlab.core.explore.Overview;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.List;
import javafx.geometry.Pos;

/** The Overview tab: key figure tiles and the seven charts of {@link Overview}. */
final class OverviewPane {
  private final ExploreViewModel vm;
  private final Map<String, Label> figures = new HashMap<>();
  private final Label period = new Label();
  private final BarChart<String, Number> monthly = Charts.bars("monthlyChart", "By month", null);
  private final BarChart<String, Number> weekday = Charts.bars("weekdayChart", "By weekday", null);
  private final BarChart<String, Number> hour = Charts.bars("hourChart", "By hour of the day", null);
  private final BarChart<Number, String> country = Charts.horizontalBars("countryChart", "Top 10 countries by revenue", "Revenue");
  private final BarChart<String, Number> basket = Charts.bars("basketChart", "Items (units) per invoice", "Invoices");
  private final BarChart<String, Number> basketRevenue = Charts.bars("basketRevenueChart", "Revenue per invoice", "Invoices");
  private final BarChart<String, Number> perCustomer = Charts.bars("revenuePerCustomerChart",
      "Revenue per customer (log scale)", "Customers");
  private final ScrollPane root;

  OverviewPane(ExploreViewModel vm) {
    this.vm = vm;
    FlowPane tiles = new FlowPane(28, 8);
    tiles.setId("keyFigures");
    for (ExploreViewModel.Figure f : vm.figures()) {
      Label value = new Label(f.text());
      value.setId(f.id());
      value.getStyleClass().add("figure");
      Label caption = new Label(f.caption());
      caption.getStyleClass().add("figure-caption");
      figures.put(f.id(), value);
      tiles.getChildren().add(new VBox(0, value, caption));
    }
    period.getStyleClass().add("figure-caption");
    period.setId("overviewPeriod");

    ChoiceBox<PeriodMetric> metric = new ChoiceBox<>();
    metric.setId("periodMetric");
    metric.getItems().setAll(PeriodMetric.values());
    metric.valueProperty().bindBidirectional(vm.periodMetricProperty());
    Label show = new Label("Show");
    HBox metricBar = new HBox(8, show, metric);
    metricBar.setAlignment(Pos.CENTER_LEFT);
    for (BarChart<String, Number> c : List.of(monthly, weekday, hour)) {
      c.titleProperty().bind(Bindings.concat(vm.periodMetricProperty().asString(), " ",
          c == monthly ? "by month" : c == weekday ? "by weekday" : "by hour of the day"));
    }
    for (BarChart<String, Number> c : List.of(basket, basketRevenue, perCustomer)) {
      c.setCategoryGap(1);
      c.setBarGap(0);
    }
    monthly.setPrefHeight(300);
    country.setPrefHeight(330);
    perCustomer.setPrefHeight(330);

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(12);
    ColumnConstraints half = new ColumnConstraints();
    half.setPercentWidth(50);
    half.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(half, half);
    grid.add(monthly, 0, 0, 2, 1);
    grid.add(weekday, 0, 1);
    grid.add(hour, 1, 1);
    grid.add(country, 0, 2);
    grid.add(perCustomer, 1, 2);
    grid.add(basket, 0, 3);
    grid.add(basketRevenue, 1, 3);

    VBox content = new VBox(10, tiles, period, metricBar, grid);
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    vm.overviewProperty().addListener((o, a, ov) -> show(ov));
    vm.periodMetricProperty().addListener((o, a, m) -> show(vm.getOverview()));
    show(vm.getOverview());
  }

  Node node() { return root; }

  private void show(Overview o) {
    for (ExploreViewModel.Figure f : vm.figures()) figures.get(f.id()).setText(f.text());
    period.setText(vm.periodCaption());
    if (o == null) {
      for (BarChart<?, ?> c : List.of(monthly, weekday, hour, country, basket, basketRevenue, perCustomer)) {
        c.getData().clear();
      }
      return;
    }
    PeriodMetric m = vm.periodMetricProperty().get();
    Charts.show(monthly, Bars.monthly(o, m));
    Charts.show(weekday, Bars.periods(o.weekdays(), m, false));
    Charts.show(hour, Bars.periods(o.hours(), m, true));
    Charts.showHorizontal(country, Bars.countries(o.topCountries()));
    Charts.show(basket, Bars.histogram(o.basketItems().histogram(), "invoices", "units"));
    Charts.show(basketRevenue, Bars.histogram(o.basketRevenue().histogram(), "invoices", "revenue"));
    Charts.show(perCustomer, Bars.histogram(o.revenuePerCustomer().histogram(), "customers", "revenue"));
  }
}
