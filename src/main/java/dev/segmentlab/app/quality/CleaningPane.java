package dev.segmentlab.app.quality;

import dev.segmentlab.app.fx.Labels;
import dev.segmentlab.core.quality.CleaningRule;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/** Cleaning rules as switches with what each removes, the rows and customers left, and the waterfall. */
final class CleaningPane {
  private final CleaningViewModel vm;
  private final BorderPane root = new BorderPane();

  CleaningPane(CleaningViewModel vm, ObservableBooleanValue transactions) {
    this.vm = vm;
    VBox left = new VBox(6, title("Cleaning rules (applied in this order)"), rules(), returns(), figures(), nonProduct());
    left.setPadding(new Insets(8, 16, 8, 8));
    left.setMinWidth(Region.USE_PREF_SIZE);
    Label error = new Label();
    error.getStyleClass().add("error-banner");
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    root.setTop(error);
    Node chart = new WaterfallChart(vm.getWaterfall()).node();
    root.setLeft(left);
    root.setCenter(chart);
    // the Tab owns the root's disable property; a customer table has no rules to switch
    left.disableProperty().bind(Bindings.not(transactions));
    chart.disableProperty().bind(left.disableProperty());
  }

  Node node() { return root; }

  private GridPane rules() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(6);
    int row = 0;
    for (CleaningRule r : CleaningRule.values()) {
      ToggleSwitch sw = new ToggleSwitch();
      sw.setId("rule-" + r.key());
      sw.selectedProperty().bindBidirectional(vm.ruleOnProperty(r));
      Tooltip tip = new Tooltip(r.description() + (r.defaultOn() ? " On by default." : " Off by default."));
      tip.setWrapText(true);
      tip.setMaxWidth(360);
      sw.setTooltip(tip);
      Label name = new Label((row + 1) + ". " + r.label());
      name.setTooltip(tip);
      name.setLabelFor(sw);
      name.setMinWidth(Region.USE_PREF_SIZE);
      name.setOnMouseClicked(e -> sw.setSelected(!sw.isSelected()));
      Label effect = new Label();
      effect.setId("removed-" + r.key());
      effect.getStyleClass().add("rule-effect");
      effect.setMinWidth(Region.USE_PREF_SIZE);
      effect.textProperty().bind(vm.ruleEffectProperty(r));
      g.addRow(row++, sw, name, effect);
    }
    return g;
  }

  /** Net returns against purchases (default) or drop them; what netting changed below. */
  private VBox returns() {
    ToggleSwitch sw = new ToggleSwitch("Net returns against purchases");
    sw.setId("returnsNet");
    sw.selectedProperty().bindBidirectional(vm.netReturnsProperty());
    Tooltip tip = new Tooltip("On: each cancellation takes its units back from the customer's earlier purchases of "
        + "the same product; what no purchase covers comes off the customer's spend; orders cancelled whole are not "
        + "orders; customers whose net spend is ≤ 0 are left out. Off: cancellations are dropped and the purchases "
        + "they undo still count (the seeds' way, 4,338 customers on Online Retail).");
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    sw.setTooltip(tip);
    Label note = Labels.bound("returnsNote", "rule-effect", vm.returnsNoteProperty());
    note.setWrapText(true);
    note.setMaxWidth(420);
    VBox box = new VBox(2, sw, note);
    box.setPadding(new Insets(8, 0, 0, 0));
    return box;
  }

  private HBox figures() {
    Label rows = Labels.bound("rowsLeftLabel", "figure", vm.rowsLeftProperty());
    Label customers = Labels.bound("customersLeftLabel", "figure", vm.customersLeftProperty());
    Button undo = new Button("Undo");
    undo.setId("undoButton");
    undo.setTooltip(new Tooltip("Restore the rules as they were before the last change (Ctrl+Z)."));
    undo.disableProperty().bind(vm.canUndoProperty().not());
    undo.setOnAction(e -> vm.undo());
    HBox h = new HBox(24, caption(rows, "rows left"), caption(customers, "customers left"), undo);
    h.setAlignment(Pos.CENTER_LEFT);
    h.setPadding(new Insets(10, 0, 6, 0));
    return h;
  }

  private VBox nonProduct() {
    TextArea codes = new TextArea();
    codes.setId("nonProductCodes");
    codes.setPrefRowCount(5);
    codes.setPrefColumnCount(22);
    codes.textProperty().bindBidirectional(vm.nonProductTextProperty());
    codes.setTooltip(new Tooltip("One stock code per line (or comma-separated); a trailing * matches a prefix. "
        + "Case does not matter. Used by rule 5."));
    Button apply = new Button("Apply");
    apply.setId("applyNonProductCodes");
    apply.setOnAction(e -> vm.applyNonProductCodes());
    Button reset = new Button("Defaults");
    reset.setTooltip(new Tooltip("Put back the standard list (POST, DOT, M, C2, D, S, BANK CHARGES, …)."));
    reset.setOnAction(e -> vm.resetNonProductCodes());
    return new VBox(4, title("Non-product stock codes (rule 5)"), codes, new HBox(6, apply, reset));
  }

  private static VBox caption(Label figure, String caption) {
    Label c = new Label(caption);
    c.getStyleClass().add("figure-caption");
    return new VBox(0, figure, c);
  }

  static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }
}
