package dev.segmentlab.app.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

/** Small factories for read-only table columns, and a table's rows that wait for an edit to end. */
public final class Tables {
  private Tables() {}

  /**
   * A copy of {@code source} for a table's items that follows every change of {@code source}, except while a cell
   * is being edited: then it waits for the edit to end. Being the table's own list, it can also announce new values
   * of the same rows (a row replaced by itself). Any change of a table's items ends the edit
   * under way (JavaFX cancels it), so a name being typed was lost when a background job (the stability re-runs,
   * predicted revenue) replaced the rows. FX thread only.
   */
  public static <S> ObservableList<S> followingOutsideEdits(TableView<S> table, ObservableList<S> source) {
    ObservableList<S> copy = FXCollections.observableArrayList(source);
    boolean[] behind = {false};
    source.addListener((ListChangeListener<S>) c -> {
      if (table.getEditingCell() == null) {
        copy.setAll(source);
      } else {
        behind[0] = true;
      }
    });
    table.editingCellProperty().addListener((o, was, now) -> {
      if (now == null && behind[0]) {
        behind[0] = false;
        copy.setAll(source);
      }
    });
    return copy;
  }

  /**
   * Makes a table re-read every row's values into the cells it has: {@code rows}, the table's own list (see
   * {@link #followingOutsideEdits}), announces its first row replaced by itself. {@code TableView.refresh()} would
   * make new cells instead, skinned and styled anew at the next visit of their step. FX thread only.
   */
  public static <S> void reread(ObservableList<S> rows) {
    if (!rows.isEmpty()) rows.set(0, rows.get(0));
  }

  public static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
    TableColumn<S, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    setWidth(c, width);
    return c;
  }

  public static <S> TableColumn<S, Integer> intColumn(String title, ToIntFunction<S> value, double width) {
    TableColumn<S, Integer> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsInt(f.getValue())));
    setWidth(c, width);
    c.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(Integer v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : text("%,d", v));
      }
    });
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }

  /** A number column shown with {@code format} (e.g. "%,.2f"); sorts numerically. */
  public static <S> TableColumn<S, Double> numberColumn(String title, ToDoubleFunction<S> value, String format, double width) {
    TableColumn<S, Double> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(f.getValue())));
    setWidth(c, width);
    c.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(Double v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : Double.isNaN(v) ? "—" : text(format, v));
      }
    });
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }

  /** JavaFX's default column width. */
  private static final double DEFAULT_WIDTH = 80;

  /**
   * Sets a column's width. A column at JavaFX's default width (80) is auto-sized over its first 30 rows (cells
   * made and styled) each time its header enters a scene, that is at every visit of its step: a width of exactly
   * 80 becomes 81.
   */
  public static void setWidth(TableColumnBase<?, ?> c, double width) {
    c.setPrefWidth(width == DEFAULT_WIDTH ? DEFAULT_WIDTH + 1 : width);
  }

  private static final Map<String, Optional<DecimalFormat>> FORMATS = new HashMap<>();
  private static Locale formatsLocale;
  private static final Pattern SIMPLE = Pattern.compile("%(,?)(?:\\.(\\d))?([fd])( ?%%)?");

  /**
   * {@code String.format(format, v)} for a cell: the common patterns ("%,.1f", "%.3f", "%,d", "%.1f%%") through a
   * cached {@link DecimalFormat} with the same rounding, since {@code String.format} builds a new number format on
   * every call (a noticeable part of redrawing a table); any other pattern through {@code String.format}. FX thread
   * only (the cache is not shared).
   */
  public static String text(String format, double v) {
    Locale locale = Locale.getDefault(Locale.Category.FORMAT);
    if (!locale.equals(formatsLocale)) {
      FORMATS.clear();
      formatsLocale = locale;
    }
    Optional<DecimalFormat> f = FORMATS.computeIfAbsent(format, Tables::decimal);
    if (f.isEmpty()) return format.endsWith("d") ? String.format(format, (long) v) : String.format(format, v);
    // from the shortest decimal that names the double, as String.format rounds (0.15 to "0.2", not "0.1")
    // (a zero as the double itself, which keeps the sign of −0)
    if (v == 0) return f.get().format(format.endsWith("d") ? 0.0 : v);
    return Double.isFinite(v) ? f.get().format(BigDecimal.valueOf(v)) : String.format(format, v);
  }

  private static Optional<DecimalFormat> decimal(String format) {
    Matcher m = SIMPLE.matcher(format);
    if (!m.matches() || (m.group(3).equals("d") && m.group(2) != null)) return Optional.empty();
    int decimals = m.group(2) == null ? (m.group(3).equals("d") ? 0 : 6) : Integer.parseInt(m.group(2));
    StringBuilder p = new StringBuilder(m.group(1).isEmpty() ? "0" : "#,##0");
    if (decimals > 0) p.append('.').append("0".repeat(decimals));
    if (m.group(4) != null) p.append(m.group(4).startsWith(" ") ? " '%'" : "'%'");
    DecimalFormat f = new DecimalFormat(p.toString(), DecimalFormatSymbols.getInstance(formatsLocale));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return Optional.of(f);
  }
}
