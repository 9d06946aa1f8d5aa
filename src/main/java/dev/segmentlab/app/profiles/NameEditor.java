package dev.segmentlab.app.profiles;

import dev.segmentlab.app.fx.Labels;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The name editor: the selected segment's name, colour, who it is and what to do about it. */
final class NameEditor extends VBox {
  NameEditor(ProfilesViewModel vm) {
    super(6);
    setId("nameEditor");
    getStyleClass().add("name-editor");
    setPadding(new Insets(8));
    Label title = Labels.bound("editorTitle", "section-title", vm.selectedTitleProperty());
    Label hint = new Label("Select a segment in the table to name it.");
    hint.getStyleClass().add("key");
    hint.setWrapText(true);

    TextField name = new TextField();
    name.setId("nameField");
    name.setPromptText("Segment name");
    name.textProperty().bindBidirectional(vm.nameTextProperty());
    name.setOnAction(e -> vm.applyName());
    HBox.setHgrow(name, Priority.ALWAYS);
    Button apply = new Button("Apply");
    apply.setId("applyName");
    apply.setMinWidth(Region.USE_PREF_SIZE); // the name field gives way, never the button's label
    apply.disableProperty().bind(vm.canApplyNameProperty().not());
    apply.setOnAction(e -> vm.applyName());
    HBox nameRow = new HBox(6, name, apply);
    nameRow.setAlignment(Pos.CENTER_LEFT);

    ColorPicker colour = new ColorPicker();
    colour.setId("colourPicker");
    vm.selectedColourProperty().addListener((o, a, hex) -> { if (hex != null) colour.setValue(Color.web(hex)); });
    if (vm.selectedColourProperty().get() != null) colour.setValue(Color.web(vm.selectedColourProperty().get()));
    // setValue fires an action too; the ViewModel ignores the colour the segment already has
    colour.setOnAction(e -> vm.recolourSelected(hex(colour.getValue())));
    Button reset = new Button("Reset to suggested");
    reset.setId("resetName");
    reset.setTooltip(new Tooltip("Give this segment its suggested name and default colour back"));
    reset.disableProperty().bind(vm.canResetProperty().not());
    reset.setOnAction(e -> vm.resetToSuggested());
    Label colourLabel = new Label("Colour");
    colourLabel.setMinWidth(Region.USE_PREF_SIZE);
    HBox colourRow = new HBox(6, colourLabel, colour);
    colourRow.setAlignment(Pos.CENTER_LEFT);

    Label suggested = Labels.bound("suggestedName", "key", vm.suggestedNameProperty());
    Label description = wrapped("segmentDescription");
    description.textProperty().bind(vm.segmentDescriptionProperty());
    Label action = wrapped("segmentAction");
    action.textProperty().bind(vm.segmentActionProperty());
    Label who = new Label("Who they are");
    who.getStyleClass().add("field-title");
    Label todo = new Label("What to do");
    todo.getStyleClass().add("field-title");
    VBox details = new VBox(4, nameRow, suggested, colourRow, reset, who, description, todo, action);
    details.visibleProperty().bind(vm.selectedColourProperty().isNotNull());
    hint.visibleProperty().bind(details.visibleProperty().not());
    hint.managedProperty().bind(hint.visibleProperty());
    getChildren().addAll(title, hint, details);
  }

  private static Label wrapped(String id) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  static String hex(Color c) {
    return String.format("#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255));
  }
}
