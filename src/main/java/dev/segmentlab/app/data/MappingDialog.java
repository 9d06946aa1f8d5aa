package dev.segmentlab.app.data;

import dev.segmentlab.core.data.FilePreview;
import dev.segmentlab.core.data.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Lets the analyst override every role's column, with a preview of the first rows. */
final class MappingDialog {
  private MappingDialog() {}

  static final String NONE = "(not in this file)";

  static Optional<Map<Role, String>> show(Window owner, FilePreview p) {
    Dialog<Map<Role, String>> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Map columns");
    d.setHeaderText("Which column holds what? Required for transactions: invoice, quantity, date, unit price, customer id.");
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(6);
    List<String> options = new ArrayList<>();
    options.add(NONE);
    options.addAll(p.headers());
    Map<Role, ComboBox<String>> boxes = new EnumMap<>(Role.class);
    int row = 0;
    for (Role r : Role.values()) {
      ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(options));
      box.setId("map-" + r.key());
      String current = p.detected().column(r);
      box.setValue(current == null ? NONE : current);
      boxes.put(r, box);
      grid.add(new Label(r.label() + (r.required() ? " *" : "")), 0, row);
      grid.add(box, 1, row++);
    }
    TableView<List<String>> table = new TableView<>(FXCollections.observableArrayList(p.rows()));
    table.setPrefHeight(220);
    for (int i = 0; i < p.headers().size(); i++) {
      final int idx = i;
      TableColumn<List<String>, String> c = new TableColumn<>(p.headers().get(i));
      c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(idx < f.getValue().size() ? f.getValue().get(idx) : ""));
      table.getColumns().add(c);
    }
    d.getDialogPane().setContent(new VBox(10, grid, new Label("First rows:"), table));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(bt -> {
      if (bt != ButtonType.OK) return null;
      Map<Role, String> m = new EnumMap<>(Role.class);
      boxes.forEach((r, b) -> { if (b.getValue() != null && !NONE.equals(b.getValue())) m.put(r, b.getValue()); });
      return m;
    });
    return d.showAndWait();
  }
}
