package dev.segmentlab.app;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a step will show, until it is built (never a blank pane). */
final class StepPlaceholder {
  private StepPlaceholder() {}

  static Node of(Step step, String... plans) {
    VBox box = new VBox(8);
    box.setId("placeholder-" + step.name().toLowerCase(java.util.Locale.ROOT));
    box.setPadding(new Insets(24));
    Label title = new Label(step.title() + " — " + step.hint());
    title.getStyleClass().add("step-title");
    box.getChildren().add(title);
    for (String p : plans) box.getChildren().add(new Label("• " + p));
    return box;
  }
}
