package dev.segmentlab.app.profiles;

import dev.segmentlab.app.fx.Tables;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.converter.DefaultStringConverter;

/** Column and cell factories of the profile table. */
final class ProfileColumns {
  private ProfileColumns() {}

  /** The segment's colour as a square; empty on the overall row. */
  static TableColumn<ProfileRow, String> swatch() {
    TableColumn<ProfileRow, String> swatch = new TableColumn<>("");
    swatch.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().colour()));
    swatch.setCellFactory(c -> new TableCell<>() {
      @Override protected void updateItem(String v, boolean empty) {
        super.updateItem(v, empty);
        setGraphic(empty || v == null ? null : new Rectangle(14, 14, Color.web(v)));
      }
    });
    swatch.setSortable(false);
    swatch.setPrefWidth(28);
    return swatch;
  }

  /** The segment id; empty on the overall row. */
  static TableColumn<ProfileRow, Integer> id() {
    TableColumn<ProfileRow, Integer> id = new TableColumn<>("Id");
    id.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().segment()));
    id.setCellFactory(c -> new TableCell<>() {
      @Override protected void updateItem(Integer v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null || v < 0 ? null : String.valueOf(v));
      }
    });
    id.setPrefWidth(36);
    return id;
  }

  /** The suggested action, with the segment's description as tooltip. */
  static TableColumn<ProfileRow, String> action() {
    TableColumn<ProfileRow, String> c = Tables.column("Suggested action", ProfileRow::action, 320);
    c.setCellFactory(col -> new TableCell<>() {
      // one tooltip per cell, its text replaced: a Tooltip is a window with its own scene, and a new one per
      // row and k change was a good part of a k change's work on the FX thread
      private final Tooltip tip = new Tooltip();

      @Override protected void updateItem(String v, boolean empty) {
        super.updateItem(v, empty);
        ProfileRow r = empty ? null : getTableRow().getItem();
        setText(empty ? null : v);
        boolean has = r != null && !r.description().isEmpty();
        if (has) tip.setText(r.description());
        setTooltip(has ? tip : null);
      }
    });
    return c;
  }

  /** Mean Jaccard across seeds, "…" until computed, marked in red with ⚠ below 0.6. */
  static TableColumn<ProfileRow, Double> stability() {
    TableColumn<ProfileRow, Double> c = new TableColumn<>("mean Jaccard");
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().stability()));
    c.setCellFactory(col -> new TableCell<>() {
      private Tooltip tip; // made once, when first needed

      @Override protected void updateItem(Double v, boolean empty) {
        super.updateItem(v, empty);
        ProfileRow r = empty ? null : getTableRow().getItem();
        boolean unstable = r != null && r.unstable();
        getStyleClass().remove("unstable-cell");
        if (unstable) getStyleClass().add("unstable-cell");
        if (unstable && tip == null) tip = new Tooltip("Unstable: mean Jaccard below 0.6 across seeds");
        setTooltip(unstable ? tip : null);
        if (r == null || r.isOverall()) {
          setText(null);
        } else {
          setText(Double.isNaN(v) ? "…" : String.format(unstable ? "⚠ %.2f" : "%.2f", v));
        }
      }
    });
    c.setPrefWidth(112);
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    Label head = new Label("mean Jaccard");
    head.setTooltip(new Tooltip("Stability: the mean Jaccard of the segment across re-runs with other seeds on bootstrap samples; below 0.6 it is unstable"));
    c.setGraphic(head);
    c.setText("");
    return c;
  }

  /** The name cell: editable except on the overall row. */
  static final class NameCell extends TextFieldTableCell<ProfileRow, String> {
    NameCell() {
      super(new DefaultStringConverter());
    }

    @Override public void startEdit() {
      ProfileRow r = getTableRow() == null ? null : getTableRow().getItem();
      if (r == null || r.isOverall()) return;
      super.startEdit();
    }
  }
}
