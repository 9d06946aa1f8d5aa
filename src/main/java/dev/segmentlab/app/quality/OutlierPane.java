package dev.segmentlab.app.quality;

import dev.segmentlab.app.fx.Tables;
import dev.segmentlab.core.quality.OutlierDetector;
import dev.segmentlab.core.quality.OutlierRule;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Field and rule choosers, box plot, histogram and the most extreme rows. */
final class OutlierPane {
  private final OutlierViewModel vm;
  private final BorderPane root = new BorderPane();
  private final BoxPlot boxPlot = new BoxPlot();
  private final CategoryAxis bins = new CategoryAxis();
  private final BarChart<String, Number> histogram = new BarChart<>(bins, new NumberAxis());
  private final XYChart.Series<String, Number> counts = new XYChart.Series<>();

  OutlierPane(OutlierViewModel vm) {
    this.vm = vm;
    root.setTop(top());
    SplitPane split = new SplitPane(charts(), table());
    split.setDividerPositions(0.40);
    root.setCenter(split);
  }

  Node node() { return root; }

  private VBox top() {
    ComboBox<String> field = new ComboBox<>(vm.getFields());
    field.setId("outlierField");
    field.valueProperty().bindBidirectional(vm.fieldProperty());
    field.setTooltip(new Tooltip("The numeric field to examine. Revenue is a line's quantity × unit price."));
    ComboBox<OutlierRule> rule = new ComboBox<>(FXCollections.observableArrayList(vm.getRules()));
    rule.setId("outlierRule");
    rule.valueProperty().bindBidirectional(vm.ruleProperty());
    rule.setTooltip(new Tooltip("IQR × k: beyond Q1 − k·IQR or Q3 + k·IQR. |z|: more than z standard deviations "
        + "from the mean. Robust z: from the median, in MAD units (0.6745·|x − median| / MAD)."));
    ComboBox<OutlierTreatment> treatment = new ComboBox<>(FXCollections.observableArrayList(OutlierTreatment.values()));
    treatment.setId("outlierTreatment");
    treatment.valueProperty().bindBidirectional(vm.outlierTreatmentProperty());
    StringBuilder all = new StringBuilder("Applied where the Features step builds the customers:");
    for (OutlierTreatment o : OutlierTreatment.values()) all.append("\n• ").append(o.label()).append(": ").append(o.explanation());
    Tooltip treatmentTip = new Tooltip(all.toString());
    treatmentTip.setWrapText(true);
    treatmentTip.setMaxWidth(520);
    treatment.setTooltip(treatmentTip);
    Label explanation = new Label();
    explanation.getStyleClass().add("figure-caption");
    explanation.setWrapText(true);
    explanation.textProperty().bind(vm.treatmentExplanationProperty());
    CheckBox log = new CheckBox("log scale");
    log.setId("histogramLog");
    log.setTooltip(new Tooltip("Show the histogram's counts as log10(1 + count), so that thin tails become visible."));
    log.selectedProperty().bindBidirectional(vm.logCountsProperty());
    HBox choosers = new HBox(8, new Label("Field"), field, new Label("Rule"), rule, log, new Separator(Orientation.VERTICAL),
        new Label("Treatment for clustering"), treatment);
    choosers.setAlignment(Pos.CENTER_LEFT);
    for (Node n : choosers.getChildren()) if (n instanceof Region) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
    field.setPrefWidth(190);
    rule.setPrefWidth(150);
    treatment.setPrefWidth(170);
    Label summary = new Label();
    summary.setId("outlierSummary");
    summary.setWrapText(true);
    summary.textProperty().bind(vm.summaryProperty());
    Label error = new Label();
    error.getStyleClass().add("error-banner");
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    VBox v = new VBox(6, error, choosers, explanation, summary);
    v.setPadding(new Insets(8));
    return v;
  }

  private VBox charts() {
    boxPlot.setId("boxPlot");
    vm.reportProperty().addListener((o, a, r) -> boxPlot.setReport(r));
    boxPlot.setReport(vm.getReport());
    histogram.setId("outlierHistogram");
    histogram.setAnimated(false);
    histogram.setLegendVisible(false);
    histogram.setCategoryGap(1);
    histogram.setBarGap(0);
    bins.setTickLabelRotation(-90);
    histogram.getYAxis().labelProperty().bind(Bindings.when(vm.logCountsProperty()).then("log10(1 + values)")
        .otherwise("values"));
    histogram.getData().add(counts);
    vm.getHistogram().addListener((ListChangeListener<OutlierViewModel.Bin>) c -> showHistogram());
    vm.logCountsProperty().addListener(o -> showHistogram());
    showHistogram();
    Label boxTitle = CleaningPane.title("Box plot (box Q1–Q3, whiskers 1.5 IQR, dashed: fences)");
    Label histogramTitle = CleaningPane.title("Histogram (40 equal-width bins; labels are bin starts)");
    boxTitle.setWrapText(true);
    histogramTitle.setWrapText(true);
    VBox v = new VBox(4, boxTitle, boxPlot, histogramTitle, histogram);
    VBox.setVgrow(histogram, Priority.ALWAYS);
    v.setPadding(new Insets(4, 8, 8, 8));
    return v;
  }

  private void showHistogram() {
    List<XYChart.Data<String, Number>> data = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (OutlierViewModel.Bin b : vm.getHistogram()) {
      XYChart.Data<String, Number> d = new XYChart.Data<>(b.label(), vm.barHeight(b));
      names.add(b.label());
      data.add(d);
    }
    bins.getCategories().setAll(names);
    counts.getData().setAll(data);
  }

  private VBox table() {
    TableView<OutlierViewModel.ExtremeRow> t = new TableView<>(vm.getExtremes());
    t.setId("extremesTable");
    t.setPlaceholder(new Label("Choose a field to see its most extreme rows."));
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    TableColumn<OutlierViewModel.ExtremeRow, Integer> line = Tables.intColumn("Line", OutlierViewModel.ExtremeRow::line, 66);
    line.textProperty().bind(Bindings.when(vm.transactionsProperty()).then("Line").otherwise("Row"));
    t.getColumns().add(line);
    t.getColumns().add(Tables.numberColumn("Value", OutlierViewModel.ExtremeRow::value, "%,.2f", 86));
    t.getColumns().add(Tables.numberColumn("Score", OutlierViewModel.ExtremeRow::score, "%,.1f", 64));
    List<TableColumn<OutlierViewModel.ExtremeRow, String>> text = List.of(
        Tables.column("Invoice", OutlierViewModel.ExtremeRow::invoice, 70),
        Tables.column("Stock", OutlierViewModel.ExtremeRow::stockCode, 70),
        Tables.column("Description", OutlierViewModel.ExtremeRow::description, 170));
    for (TableColumn<?, ?> c : text) c.visibleProperty().bind(vm.transactionsProperty());
    t.getColumns().addAll(text);
    t.getColumns().add(Tables.column("Customer", OutlierViewModel.ExtremeRow::customer, 80));
    TableColumn<OutlierViewModel.ExtremeRow, String> country = Tables.column("Country", OutlierViewModel.ExtremeRow::country, 100);
    country.visibleProperty().bind(vm.transactionsProperty());
    t.getColumns().add(country);
    // numbers and codes keep their width; description and country give way when the pane is narrow
    for (TableColumn<?, ?> c : t.getColumns()) {
      if (c != country && c != text.get(2)) c.setMinWidth(c.getPrefWidth());
    }
    // ...but never to nothing (after a customer table hid them, they came back collapsed)
    text.get(2).setMinWidth(110);
    country.setMinWidth(80);
    Label title = CleaningPane.title("The " + OutlierDetector.EXTREMES
        + " most extreme rows (score: distance from the centre in the rule's units)");
    title.setWrapText(true);
    VBox v = new VBox(4, title, t);
    VBox.setVgrow(t, Priority.ALWAYS);
    v.setPadding(new Insets(4, 8, 8, 8));
    return v;
  }
}
