package dev.segmentlab.app.compare;

import dev.segmentlab.app.fx.Tables;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The profile differences of A and B: per A segment, its best-matching B segment by overlap and, per feature,
 * the two medians and B − A. Columns follow the shared features. Binds only.
 */
final class ProfileDiffTable {
  private ProfileDiffTable() {}

  static TableView<CompareViewModel.DiffRow> of(CompareViewModel vm) {
    TableView<CompareViewModel.DiffRow> t = new TableView<>(vm.getDiffRows());
    t.setId("profileDiffTable");
    t.setPlaceholder(new Label(CompareView.PLACEHOLDER));
    t.setPrefHeight(170);
    vm.getDiffFeatures().addListener((ListChangeListener<String>) c -> columns(t, vm));
    columns(t, vm);
    return t;
  }

  private static void columns(TableView<CompareViewModel.DiffRow> t, CompareViewModel vm) {
    t.getColumns().clear();
    t.getColumns().add(text("A segment", CompareViewModel.DiffRow::segmentA, 150));
    t.getColumns().add(text("Best match in B", CompareViewModel.DiffRow::segmentB, 150));
    t.getColumns().add(text("Overlap", CompareViewModel.DiffRow::overlap, 100));
    for (int f = 0; f < vm.getDiffFeatures().size(); f++) {
      TableColumn<CompareViewModel.DiffRow, Number> group = new TableColumn<>("median " + vm.getDiffFeatures().get(f));
      group.getColumns().add(number("A", 3 * f));
      group.getColumns().add(number("B", 3 * f + 1));
      group.getColumns().add(number("B − A", 3 * f + 2));
      t.getColumns().add(group);
    }
  }

  private static TableColumn<CompareViewModel.DiffRow, String> text(String title,
      Function<CompareViewModel.DiffRow, String> f, double width) {
    TableColumn<CompareViewModel.DiffRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
    Tables.setWidth(c, width);
    return c;
  }

  private static TableColumn<CompareViewModel.DiffRow, Number> number(String title, int index) {
    TableColumn<CompareViewModel.DiffRow, Number> c = new TableColumn<>(title);
    c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().value(index)));
    c.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(Number v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : String.format(Locale.ROOT, index % 3 == 2 ? "%+,.1f" : "%,.1f", v.doubleValue()));
      }
    });
    Tables.setWidth(c, index % 3 == 2 ? 80 : 70);
    return c;
  }
}
