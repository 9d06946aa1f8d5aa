package dev.segmentlab.app.quality;

import dev.segmentlab.app.fx.Tables;
import dev.segmentlab.core.quality.MissingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import java.util.Collections;

/** Missing values per column (chart and table), and where the rows without a customer id fall. */
final class MissingPane {
  private final MissingViewModel vm;
  private final VBox root = new VBox(6);

  MissingPane(MissingViewModel vm) {
    this.vm = vm;
    root.setPadding(new Insets(8));
    Label sentence = new Label();
    sentence.setId("missingSentence");
    sentence.setWrapText(true);
    sentence.textProperty().bind(vm.sentenceProperty());
    Label error = new Label();
    error.getStyleClass().add("error-banner");
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    BarChart<Number, String> perColumn = horizontal("missingChart", "% of rows blank");
    follow(vm.getColumns(), perColumn, c -> new XYChart.Data<>(100 * c.share(), c.name()));
    TableView<MissingProfile.Column> table = new TableView<>(vm.getColumns());
    table.setId("missingTable");
    table.getColumns().add(Tables.column("Column", MissingProfile.Column::name, 150));
    table.getColumns().add(Tables.intColumn("Blank", MissingProfile.Column::missing, 90));
    table.getColumns().add(Tables.numberColumn("% of rows", c -> 100 * c.share(), "%.2f %%", 90));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("Open a file to see its columns."));

    CategoryAxis months = new CategoryAxis();
    BarChart<String, Number> byMonth = new BarChart<>(months, new NumberAxis());
    byMonth.setId("missingByMonthChart");
    setUp(byMonth);
    byMonth.getYAxis().setLabel("lines without customer");
    follow(vm.getByMonth(), byMonth, c -> new XYChart.Data<>(c.label(), c.count()));
    BarChart<Number, String> byCountry = horizontal("missingByCountryChart", "lines without customer");
    follow(vm.getByCountry(), byCountry, c -> new XYChart.Data<>(c.count(), c.label()));

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(4);
    grid.add(section("Blank cells per column", perColumn), 0, 0);
    grid.add(section("Per column", table), 1, 0);
    Node month = section("Lines without a customer id, by month", byMonth);
    Node country = section("… by country (top " + MissingViewModel.TOP_COUNTRIES + ")", byCountry);
    grid.add(month, 0, 1);
    grid.add(country, 1, 1);
    for (Node n : List.of(month, country)) {
      n.visibleProperty().bind(Bindings.isNotEmpty(vm.getByMonth()));
      n.managedProperty().bind(n.visibleProperty());
    }
    ColumnConstraints c0 = new ColumnConstraints();
    c0.setPercentWidth(55);
    ColumnConstraints c1 = new ColumnConstraints();
    c1.setPercentWidth(45);
    grid.getColumnConstraints().setAll(c0, c1);
    RowConstraints r = new RowConstraints();
    r.setVgrow(Priority.ALWAYS);
    r.setPercentHeight(50);
    grid.getRowConstraints().setAll(r, r);
    VBox.setVgrow(grid, Priority.ALWAYS);
    root.getChildren().setAll(error, sentence, grid);
  }

  Node node() { return root; }

  private static BarChart<Number, String> horizontal(String id, String valueLabel) {
    CategoryAxis names = new CategoryAxis();
    BarChart<Number, String> chart = new BarChart<>(new NumberAxis(), names);
    chart.setId(id);
    setUp(chart);
    chart.getXAxis().setLabel(valueLabel);
    return chart;
  }

  private static void setUp(BarChart<?, ?> chart) {
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCategoryGap(4);
    chart.setMinHeight(140);
  }

  /** Keeps the chart's one series equal to the list; a horizontal chart lists the first item on top. */
  private static <T, X, Y> void follow(ObservableList<T> items, XYChart<X, Y> chart,
      Function<T, XYChart.Data<X, Y>> toData) {
    XYChart.Series<X, Y> series = new XYChart.Series<>();
    chart.getData().add(series);
    boolean horizontal = chart.getYAxis() instanceof CategoryAxis;
    Runnable show = () -> {
      List<XYChart.Data<X, Y>> data = new ArrayList<>();
      List<String> cats = new ArrayList<>();
      for (T t : items) {
        XYChart.Data<X, Y> d = toData.apply(t);
        data.add(d);
        cats.add(String.valueOf(horizontal ? d.getYValue() : d.getXValue()));
      }
      if (horizontal) Collections.reverse(cats);
      ((CategoryAxis) (horizontal ? chart.getYAxis() : chart.getXAxis())).getCategories().setAll(cats);
      series.getData().setAll(data);
    };
    items.addListener((ListChangeListener<T>) c -> show.run());
    show.run();
  }

  private static VBox section(String title, Node content) {
    VBox v = new VBox(2, CleaningPane.title(title), content);
    VBox.setVgrow(content, Priority.ALWAYS);
    return v;
  }
}
