package dev.segmentlab.app.explore;

import dev.segmentlab.app.fx.Tables;
import dev.segmentlab.core.explore.ProductPair;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Product pairs tab: thresholds, Find rules, the summary line and the table of top rules. */
final class RulesPane {
  private final BorderPane root = new BorderPane();

  RulesPane(RulesViewModel vm) {
    Spinner<Double> support = spinner("minSupport", 0.1, 100, 0.5, vm.minSupportProperty(),
        "Minimum support: % of baskets (invoices) that hold every product of the rule.");
    Spinner<Double> confidence = spinner("minConfidence", 0, 100, 5, vm.minConfidenceProperty(),
        "Minimum confidence: % of baskets with the first products that also hold the others.");
    Spinner<Double> lift = spinner("minLift", 0, 1000, 0.5, vm.minLiftProperty(),
        "Minimum lift: how many times more often the products go together than by chance (1 = independent).");
    Button find = new Button("Find rules");
    find.setId("findRules");
    find.setDefaultButton(true);
    find.disableProperty().bind(vm.canFindRulesProperty().not());
    find.setTooltip(new Tooltip("Mine product pairs in the background (Cancel in the status bar stops it)."));
    find.setOnAction(e -> vm.findRules());
    HBox controls = new HBox(10, new Label("Min support %"), support, new Label("Min confidence %"), confidence,
        new Label("Min lift"), lift, find);
    controls.setAlignment(Pos.CENTER_LEFT);

    Label summary = new Label();
    summary.setId("rulesSummary");
    summary.getStyleClass().add("figure-caption");
    summary.setWrapText(true);
    summary.textProperty().bind(vm.summaryProperty());
    Label error = new Label();
    error.setId("rulesError");
    error.getStyleClass().add("error-banner");
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    TableView<ProductPair> table = new TableView<>(vm.getPairs());
    table.setId("rulesTable");
    table.getColumns().add(Tables.column("Product A", ProductPair::first, 80));
    table.getColumns().add(Tables.column("Description A", ProductPair::firstDescription, 240));
    table.getColumns().add(Tables.column("Product B", ProductPair::second, 80));
    table.getColumns().add(Tables.column("Description B", ProductPair::secondDescription, 240));
    table.getColumns().add(Tables.numberColumn("Support %", p -> 100 * p.support(), "%.2f", 90));
    table.getColumns().add(Tables.numberColumn("A → B conf. %", p -> 100 * p.firstThenSecond(), "%.1f", 110));
    table.getColumns().add(Tables.numberColumn("B → A conf. %", p -> 100 * p.secondThenFirst(), "%.1f", 110));
    table.getColumns().add(Tables.numberColumn("Lift", ProductPair::lift, "%.1f", 60));
    table.getColumns().add(Tables.intColumn("Baskets", ProductPair::count, 75));
    for (TableColumn<ProductPair, ?> c : table.getColumns()) {
      if (!c.getText().startsWith("Description")) c.setMinWidth(c.getPrefWidth());
    }
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.setPlaceholder(new Label("No rules yet: set the thresholds and press Find rules."));

    VBox top = new VBox(6, controls, summary, error);
    top.setPadding(new Insets(10, 12, 8, 12));
    root.setTop(top);
    root.setCenter(table);
  }

  Node node() { return root; }

  private static Spinner<Double> spinner(String id, double min, double max, double step, ObjectProperty<Double> value,
      String tip) {
    SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max,
        value.get(), step);
    f.valueProperty().bindBidirectional(value);
    Spinner<Double> s = new Spinner<>(f);
    s.setId(id);
    s.setEditable(true);
    s.setPrefWidth(90);
    s.setTooltip(new Tooltip(tip));
    return s;
  }
}
