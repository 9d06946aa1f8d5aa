package dev.segmentlab.app.data;

import dev.segmentlab.app.fx.Tables;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import java.util.Map;

/**
 * Fills a TableView with every row of a dataset without copying it: the items are row indices and each cell
 * reads the column arrays, so 541,909 rows cost one boxed index each. Sorting uses the typed values.
 */
final class PreviewTable {
  /** Rows up to which the preview sorts by a header click (sorting is on the FX thread). */
  static final int SORTABLE_ROWS = 1_000_000;

  private PreviewTable() {}

  private static final Map<String, Integer> WIDTHS = Map.of("Line", 70, "Description", 300,
      "InvoiceDate", 140, "Country", 130, "CustomerID", 100, "Quantity", 80);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The dataset a table shows, which its transaction columns read (kept in the table's properties). */
  private static final class Shown {
    Dataset dataset;
    List<String> layout = List.of();

    Transactions tx() { return dataset.transactions(); }
  }

  /**
   * Shows a dataset. The transaction columns stay when the next file has the same columns (opening another month
   * of the same export): building them again was the larger part of the FX thread's work in a load.
   */
  static void show(TableView<Integer> table, Dataset d) {
    Shown shown = (Shown) table.getProperties().computeIfAbsent(Shown.class, k -> new Shown());
    shown.dataset = d;
    table.getSortOrder().clear();
    Transactions tx = d == null ? null : d.transactions();
    List<String> layout = tx == null ? List.of() : List.of(tx.invoice().name(), tx.stockCode().name(),
        tx.description().name(), tx.customer().name(), tx.country().name());
    if (tx != null && layout.equals(shown.layout) && !table.getColumns().isEmpty()) {
      // the items are row indices again, which the cells compare: a row replaced by itself makes the table take
      // every row's values again, into the cells it has (refresh() would make new cells)
      setRows(table, d.rows()).valuesChanged();
      return;
    }
    shown.layout = layout;
    table.getColumns().clear();
    if (d == null) {
      table.setItems(FXCollections.observableArrayList());
      return;
    }
    if (tx != null) {
      table.getColumns().add(text("Line", i -> String.valueOf(shown.tx().lineNumber()[i]),
          Comparator.comparingInt(i -> shown.tx().lineNumber()[i])));
      table.getColumns().add(textColumn(tx.invoice().name(), () -> shown.tx().invoice()));
      table.getColumns().add(textColumn(tx.stockCode().name(), () -> shown.tx().stockCode()));
      table.getColumns().add(textColumn(tx.description().name(), () -> shown.tx().description()));
      table.getColumns().add(number("Quantity", i -> shown.tx().quantity()[i]));
      table.getColumns().add(text("InvoiceDate", i -> DATE.format(shown.tx().dateAt(i)),
          Comparator.comparingLong(i -> shown.tx().invoiceDate()[i])));
      table.getColumns().add(number("UnitPrice", i -> shown.tx().unitPrice()[i]));
      table.getColumns().add(textColumn(tx.customer().name(), () -> shown.tx().customer()));
      table.getColumns().add(textColumn(tx.country().name(), () -> shown.tx().country()));
    } else {
      Table t = d.customerTable();
      for (Column<?> c : t.columns()) {
        if (c instanceof NumericColumn<?> nc) {
          double[] v = nc.asDoubleArray();
          table.getColumns().add(number(c.name(), i -> v[i]));
        } else {
          table.getColumns().add(text(c.name(), c::getString, Comparator.comparing(c::getString)));
        }
      }
    }
    setRows(table, d.rows());
  }

  private static RowIndices setRows(TableView<Integer> table, int n) {
    RowIndices rows = new RowIndices(n);
    // a SortedList boxes an element per row on the FX thread (seconds and hundreds of MB at 5 M rows): beyond
    // SORTABLE_ROWS the rows show in file order and the headers do not sort; below, the sorted list is made at
    // the first header click (see installTypedSort), not at every load (0.1-0.4 s of the FX thread at 1x)
    boolean sortable = n <= SORTABLE_ROWS;
    table.getColumns().forEach(c -> c.setSortable(sortable));
    table.setItems(rows);
    return rows;
  }

  /** The row indices 0..n-1 of a dataset, without storing them. */
  private static final class RowIndices extends ObservableListBase<Integer> {
    private final int n;

    RowIndices(int n) { this.n = n; }

    @Override public Integer get(int index) {
      Objects.checkIndex(index, n);
      return index;
    }

    @Override public int size() { return n; }

    /** Says that the rows' values changed (the first row replaced by itself: a table then re-reads every row). */
    void valuesChanged() {
      if (n == 0) return;
      beginChange();
      nextReplace(0, 1, List.of(0));
      endChange();
    }
  }

  private static TableColumn<Integer, String> textColumn(String name, Supplier<TextColumn> c) {
    return text(name, i -> {
      String v = c.get().get(i);
      return v == null ? "" : v;
    }, Comparator.comparing(i -> {
      String v = c.get().get(i);
      return v == null ? "" : v;
    }));
  }

  private static TableColumn<Integer, String> text(String name, IntFunction<String> value, Comparator<Integer> order) {
    TableColumn<Integer, String> col = new TableColumn<>(name);
    col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    col.setComparator((a, b) -> 0);
    col.setUserData(order);
    Tables.setWidth(col, WIDTHS.getOrDefault(name, Math.max(90, name.length() * 9)));
    return col;
  }

  private static TableColumn<Integer, String> number(String name, IntToDoubleFunction v) {
    TableColumn<Integer, String> col = text(name, i -> fmt(v.applyAsDouble(i)), Comparator.comparingDouble(v::applyAsDouble));
    col.setStyle("-fx-alignment: CENTER-RIGHT;");
    return col;
  }

  static String fmt(double x) {
    if (Double.isNaN(x)) return "";
    if (x == Math.rint(x) && Math.abs(x) < 1e15) return String.valueOf((long) x);
    return String.valueOf(x);
  }

  /** Sorting by the typed values: the table's comparator is rebuilt from the columns' stored orders. */
  @SuppressWarnings("unchecked")
  static void installTypedSort(TableView<Integer> table) {
    table.setSortPolicy(t -> {
      Comparator<Integer> cmp = null;
      for (TableColumn<Integer, ?> c : t.getSortOrder()) {
        Comparator<Integer> o = (Comparator<Integer>) c.getUserData();
        if (o == null) continue;
        if (c.getSortType() == TableColumn.SortType.DESCENDING) o = o.reversed();
        cmp = cmp == null ? o : cmp.thenComparing(o);
      }
      if (t.getItems() instanceof SortedList<Integer> sl) {
        sl.comparatorProperty().unbind();
        sl.setComparator(cmp);
      } else if (cmp != null && t.getItems() != null) {
        t.setItems(new SortedList<>(t.getItems(), cmp));
      }
      return true;
    });
  }
}
