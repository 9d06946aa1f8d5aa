package dev.segmentlab.app.fx;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Small factories for read-only table columns. */
public final class Tables {
  private Tables() {}

  public static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
    TableColumn<S, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  public static <S> TableColumn<S, Integer> intColumn(String title, ToIntFunction<S> value, double width) {
    TableColumn<S, Integer> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsInt(f.getValue())));
    c.setPrefWidth(width);
    c.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(Integer v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : String.format("%,d", v));
      }
    });
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }

  /** A number column shown with {@code format} (e.g. "%,.2f"); sorts numerically. */
  public static <S> TableColumn<S, Double> numberColumn(String title, ToDoubleFunction<S> value, String format, double width) {
    TableColumn<S, Double> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(f.getValue())));
    c.setPrefWidth(width);
    c.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(Double v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : Double.isNaN(v) ? "—" : String.format(format, v));
      }
    });
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }
}
