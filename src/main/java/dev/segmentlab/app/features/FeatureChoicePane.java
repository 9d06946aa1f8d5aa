package dev.segmentlab.app.features;

import dev.segmentlab.app.fx.Combos;
import dev.segmentlab.core.features.Transform;
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

/** One row per feature: a tick to cluster on it, its transform and its weight. */
final class FeatureChoicePane {
  private final GridPane grid = new GridPane();
  private final ObservableList<FeatureChoice> choices;

  FeatureChoicePane(ObservableList<FeatureChoice> choices) {
    this.choices = choices;
    grid.setId("featureChoice");
    grid.setHgap(8);
    grid.setVgap(4);
    choices.addListener((ListChangeListener<FeatureChoice>) c -> fill());
    fill();
  }

  Node node() { return grid; }

  private void fill() {
    grid.getChildren().clear();
    if (choices.isEmpty()) {
      grid.add(new Label("No features yet."), 0, 0);
      return;
    }
    Label f = new Label("Feature");
    Label t = new Label("Transform");
    Label w = new Label("Weight");
    for (Label l : new Label[] {f, t, w}) l.getStyleClass().add("key");
    grid.addRow(0, f, t, w);
    int row = 1;
    for (FeatureChoice c : choices) {
      CheckBox chosen = new CheckBox(c.name());
      chosen.setId("choose-" + c.name());
      chosen.selectedProperty().bindBidirectional(c.chosenProperty());
      chosen.setMnemonicParsing(false);
      ComboBox<Transform> transform = new ComboBox<>();
      transform.getItems().setAll(Transform.values());
      transform.setId("transform-" + c.name());
      Combos.sized(transform, 110);
      transform.valueProperty().bindBidirectional(c.transformProperty());
      transform.setTooltip(new Tooltip("Transform of " + c.name() + " before scaling"));
      Spinner<Double> weight = new Spinner<>();
      SpinnerValueFactory.DoubleSpinnerValueFactory factory =
          new SpinnerValueFactory.DoubleSpinnerValueFactory(0, FeatureChoice.MAX_WEIGHT, c.getWeight(), 0.25);
      weight.setValueFactory(factory);
      factory.valueProperty().bindBidirectional(c.weightProperty());
      weight.setId("weight-" + c.name());
      weight.setPrefWidth(82);
      weight.setTooltip(new Tooltip("Multiplies the scaled " + c.name() + ": more than 1 makes it count more in the distances"));
      weight.disableProperty().bind(c.chosenProperty().not());
      transform.disableProperty().bind(c.chosenProperty().not());
      grid.addRow(row++, chosen, transform, weight);
    }
  }
}
