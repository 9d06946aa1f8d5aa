package dev.segmentlab.app.features;

import dev.segmentlab.app.fx.Combos;
import static dev.segmentlab.app.features.FeaturesView.key;
import static dev.segmentlab.app.features.FeaturesView.show;
import static dev.segmentlab.app.features.FeaturesView.title;

import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.scene.control.ListCell;

/** The left column of the Features step: which features, their transforms and weights, scaling, snapshot. */
final class RecipePane {
  /**
   * The combo's button: the transform, or "mixed (per feature)" while {@code mixed} holds. One cell that follows
   * the flag: a new cell at each change of summary would be skinned and styled anew at the step's next visit.
   */
  private static ListCell<Transform> transformCell(ObservableBooleanValue mixed) {
    ListCell<Transform> cell = new ListCell<>() {
      @Override protected void updateItem(Transform t, boolean empty) {
        super.updateItem(t, empty);
        setText(buttonText(mixed.get(), empty ? null : t));
      }
    };
    mixed.addListener((o, a, b) -> cell.setText(buttonText(b, cell.isEmpty() ? null : cell.getItem())));
    return cell;
  }

  private static String buttonText(boolean mixed, Transform t) {
    return mixed ? "mixed (per feature)" : t == null ? null : t.toString();
  }

  private final ScrollPane root;

  RecipePane(FeaturesViewModel vm) {
    ComboBox<Transform> all = new ComboBox<>();
    all.setId("transformAll");
    Combos.sized(all, 110);
    all.getItems().setAll(Transform.values());
    all.valueProperty().bindBidirectional(vm.transformAllProperty());
    all.setTooltip(new Tooltip("log1p and cube root pull in long right tails (monetary, frequency)"));
    // under per-feature choices the combo would still show the last "for all" value: it says "mixed" instead
    all.setButtonCell(transformCell(Bindings.createBooleanBinding(
        () -> vm.summaryProperty().get() != null && vm.summaryProperty().get().contains("mixed transforms"), vm.summaryProperty())));
    ComboBox<Scaling> scaling = new ComboBox<>();
    scaling.setId("scaling");
    Combos.sized(scaling, 110);
    scaling.getItems().setAll(Scaling.values());
    scaling.valueProperty().bindBidirectional(vm.scalingProperty());
    scaling.setTooltip(new Tooltip("standard: mean 0, std 1 · robust: median 0, IQR 1 · min-max: into [0, 1]"));
    CheckBox oneHot = new CheckBox();
    oneHot.setId("oneHot");
    oneHot.textProperty().bind(vm.oneHotLabelProperty());
    oneHot.selectedProperty().bindBidirectional(vm.oneHotProperty());
    oneHot.setTooltip(new Tooltip("Adds one 0/1 column per category (e.g. Gender=Male, Gender=Female)"));
    show(oneHot, vm.canOneHotProperty());
    DatePicker snapshot = new DatePicker();
    snapshot.setId("snapshotDate");
    snapshot.setConverter(ISO);
    snapshot.valueProperty().bindBidirectional(vm.snapshotDateProperty());
    snapshot.setTooltip(new Tooltip("Recency and tenure count whole days up to this day"));
    snapshot.setPrefWidth(130);
    Button reset = new Button("Reset");
    reset.setId("resetSnapshot");
    reset.setTooltip(new Tooltip("Back to the day after the last invoice"));
    reset.setOnAction(e -> vm.resetSnapshot());
    HBox snapshotBox = new HBox(4, snapshot, reset);
    snapshotBox.setAlignment(Pos.CENTER_LEFT);
    Label snapshotKey = key("RFM snapshot");
    show(snapshotKey, vm.transactionsModeProperty());
    show(snapshotBox, vm.transactionsModeProperty());

    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.addRow(0, key("Transform for all"), all);
    grid.addRow(1, key("Scaling"), scaling);
    grid.addRow(2, snapshotKey, snapshotBox);
    grid.add(oneHot, 0, 3, 2, 1);
    Label why = new Label("k-means compares distances, so a feature with a long tail or large units outweighs the "
        + "others. A transform tames the tail, scaling puts the features on one footing, and a weight above 1 makes a "
        + "feature count more.");
    why.setWrapText(true);
    why.setPrefWidth(1); // wraps to the column's width instead of widening it
    why.setMaxWidth(Double.MAX_VALUE);
    why.getStyleClass().add("key");
    why.setPadding(new Insets(12, 0, 0, 0));
    VBox box = new VBox(6, title("Features to cluster on"), new FeatureChoicePane(vm.getChoices()).node(),
        title("Preparation"), grid, why);
    box.setPadding(new Insets(4, 12, 12, 12));
    root = new ScrollPane(box);
    root.setFitToWidth(true);
    root.setMinWidth(380);
  }

  Node node() { return root; }

  /** Dates as 2011-12-10: unambiguous whatever the locale. */
  private static final StringConverter<LocalDate> ISO = new StringConverter<>() {
    @Override public String toString(LocalDate d) { return d == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(d); }

    @Override public LocalDate fromString(String s) {
      try {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  };
}
