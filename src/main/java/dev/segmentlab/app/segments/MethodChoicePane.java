package dev.segmentlab.app.segments;

import dev.segmentlab.core.cluster.Method;

/** The Segments step's method choice and what the method adds to the criteria. Binds only. */
final class MethodChoicePane {
  private MethodChoicePane() {}

  /** The method choice as the Segments step shows it. */
  static javafx.scene.Node of(SegmentsViewModel vm) {
    javafx.scene.control.ComboBox<Method> box = new javafx.scene.control.ComboBox<>(
        javafx.collections.FXCollections.observableArrayList(Method.values()));
    box.setId("methodChoice");
    box.valueProperty().bindBidirectional(vm.methodProperty());
    javafx.scene.control.Label note = new javafx.scene.control.Label();
    note.setId("methodNote");
    note.setWrapText(true);
    note.textProperty().bind(vm.methodNoteProperty());
    return new javafx.scene.layout.HBox(6, new javafx.scene.control.Label("method"), box, note);
  }
}
