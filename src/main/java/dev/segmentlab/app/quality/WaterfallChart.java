package dev.segmentlab.app.quality;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The cleaning waterfall as a horizontal stacked bar chart: an invisible base series lifts each rule's removal
 * to the rows it leaves; totals and removals are separate series so that CSS colours them.
 */
final class WaterfallChart {
  private final ObservableList<CleaningViewModel.WaterfallBar> bars;
  private final CategoryAxis categories = new CategoryAxis();
  private final StackedBarChart<Number, String> waterfall = new StackedBarChart<>(new NumberAxis(), categories);
  private final XYChart.Series<Number, String> base = new XYChart.Series<>();
  private final XYChart.Series<Number, String> totals = new XYChart.Series<>();
  private final XYChart.Series<Number, String> removed = new XYChart.Series<>();

  private final VBox root;

  WaterfallChart(ObservableList<CleaningViewModel.WaterfallBar> bars) {
    this.bars = bars;
    this.root = build();
  }

  VBox node() { return root; }

  private VBox build() {
    waterfall.setId("waterfallChart");
    waterfall.getStyleClass().add("waterfall");
    waterfall.setAnimated(false);
    categories.setAutoRanging(false);
    waterfall.setLegendVisible(false);
    waterfall.setCategoryGap(6);
    waterfall.getXAxis().setLabel("rows");
    base.setName("base");
    totals.setName("rows");
    removed.setName("removed");
    waterfall.getData().addAll(List.of(base, totals, removed));
    bars.addListener((ListChangeListener<CleaningViewModel.WaterfallBar>) c -> show());
    show();
    Label caption = new Label("Blue: rows loaded and rows left. Red: rows each enabled rule removes, hanging "
        + "from the rows it leaves. Hover over a rule for what it does.");
    caption.getStyleClass().add("figure-caption");
    caption.setWrapText(true);
    Label empty = new Label("The waterfall appears when a transaction file is cleaned.");
    empty.getStyleClass().add("figure-caption");
    StackPane area = new StackPane(waterfall, empty);
    waterfall.visibleProperty().bind(Bindings.isNotEmpty(bars));
    empty.visibleProperty().bind(waterfall.visibleProperty().not());
    VBox box = new VBox(4, CleaningPane.title("Where the rows go"), area, caption);
    VBox.setVgrow(area, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }

  private void show() {
    List<XYChart.Data<Number, String>> b = new ArrayList<>(), t = new ArrayList<>(), r = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CleaningViewModel.WaterfallBar bar : bars) {
      String name = String.format(bar.total() ? "%s  %,d" : "%s  −%,d", bar.label(), bar.rows());
      // a vertical category axis draws its first category at the bottom: last step first puts rows loaded on
      // top, as the rules read (the axis does not auto-range, or it would take the data's order instead)
      names.add(0, name);
      b.add(new XYChart.Data<>(bar.base(), name));
      t.add(new XYChart.Data<>(bar.total() ? bar.rows() : 0, name));
      r.add(new XYChart.Data<>(bar.total() ? 0 : bar.rows(), name));
    }
    categories.getCategories().setAll(names);
    base.getData().setAll(b);
    totals.getData().setAll(t);
    removed.getData().setAll(r);
  }
}
