package dev.segmentlab.app.features;

import dev.segmentlab.app.fx.Combos;
import dev.segmentlab.core.features.Transform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * One row per feature: a tick to cluster on it, its transform and its weight. A feature's row of controls is made
 * once and bound to whichever choice bears its name (a new file with the same features binds the same rows to
 * new choices): new controls, a combo box with its list and a spinner with its text field, are skinned and styled
 * at the step's next visit, the larger part of the FX thread's work in that visit.
 */
final class FeatureChoicePane {
  private final GridPane grid = new GridPane();
  private final ObservableList<FeatureChoice> choices;
  /** The rows made so far, by feature name. */
  private final Map<String, Row> rows = new HashMap<>();
  private final Label none = new Label("No features yet.");
  private final Label[] heads = {new Label("Feature"), new Label("Transform"), new Label("Weight")};
  /** The names shown, in order (null before the first fill). */
  private List<String> shown;

  FeatureChoicePane(ObservableList<FeatureChoice> choices) {
    this.choices = choices;
    grid.setId("featureChoice");
    grid.setHgap(8);
    grid.setVgap(4);
    for (Label l : heads) l.getStyleClass().add("key");
    choices.addListener((ListChangeListener<FeatureChoice>) c -> fill());
    fill();
  }

  Node node() { return grid; }

  private void fill() {
    List<String> names = new ArrayList<>();
    for (FeatureChoice c : choices) {
      names.add(c.name());
      rows.computeIfAbsent(c.name(), Row::new).bind(c);
    }
    if (names.equals(shown)) return;
    shown = names;
    grid.getChildren().clear();
    if (choices.isEmpty()) {
      grid.add(none, 0, 0);
      return;
    }
    grid.addRow(0, heads);
    int row = 1;
    for (String name : names) {
      Row r = rows.get(name);
      grid.addRow(row++, r.chosen, r.transform, r.weight);
    }
  }

  /** A feature's controls, bound to one choice at a time. */
  private static final class Row {
    final CheckBox chosen;
    final ComboBox<Transform> transform = new ComboBox<>();
    final Spinner<Double> weight = new Spinner<>();
    final SpinnerValueFactory.DoubleSpinnerValueFactory factory;
    private FeatureChoice bound;

    Row(String name) {
      chosen = new CheckBox(name);
      chosen.setId("choose-" + name);
      chosen.setMnemonicParsing(false);
      transform.getItems().setAll(Transform.values());
      transform.setId("transform-" + name);
      Combos.sized(transform, 110);
      transform.setTooltip(new Tooltip("Transform of " + name + " before scaling"));
      factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, FeatureChoice.MAX_WEIGHT, 1, 0.25);
      weight.setValueFactory(factory);
      weight.setId("weight-" + name);
      weight.setPrefWidth(82);
      weight.setTooltip(new Tooltip("Multiplies the scaled " + name + ": more than 1 makes it count more in the distances"));
    }

    void bind(FeatureChoice c) {
      if (c == bound) return;
      if (bound != null) {
        chosen.selectedProperty().unbindBidirectional(bound.chosenProperty());
        transform.valueProperty().unbindBidirectional(bound.transformProperty());
        factory.valueProperty().unbindBidirectional(bound.weightProperty());
      }
      bound = c;
      chosen.selectedProperty().bindBidirectional(c.chosenProperty());
      transform.valueProperty().bindBidirectional(c.transformProperty());
      factory.valueProperty().bindBidirectional(c.weightProperty());
      weight.disableProperty().bind(c.chosenProperty().not());
      transform.disableProperty().bind(c.chosenProperty().not());
    }
  }
}
