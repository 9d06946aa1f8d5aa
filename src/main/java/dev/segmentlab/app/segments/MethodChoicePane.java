package dev.segmentlab.app.segments;

import dev.segmentlab.app.fx.Combos;
import dev.segmentlab.core.cluster.Method;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The Segments step's method choice and what the method adds to the criteria. Binds only. */
final class MethodChoicePane {
  private MethodChoicePane() {}

  /** The method choice as the Segments step shows it. */
  static Node of(SegmentsViewModel vm) {
    ComboBox<Method> box = new ComboBox<>(
        FXCollections.observableArrayList(Method.values()));
    box.setId("methodChoice");
    Combos.sized(box, 190);
    box.valueProperty().bindBidirectional(vm.methodProperty());
    Label note = new Label();
    note.setId("methodNote");
    note.setWrapText(true);
    note.textProperty().bind(vm.methodNoteProperty());
    return new HBox(6, new Label("method"), box, note);
  }
}
