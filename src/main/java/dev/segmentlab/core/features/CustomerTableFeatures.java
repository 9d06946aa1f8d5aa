package dev.segmentlab.core.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Features of a one-row-per-customer table: its numeric columns, plus one-hot columns for chosen categories. */
public final class CustomerTableFeatures {
  private CustomerTableFeatures() {}

  /** Names of the numeric columns other than the id, in table order: the default features. */
  public static List<String> numericColumns(Table t, String idColumn) {
    List<String> out = new ArrayList<>();
    for (Column<?> c : t.columns()) {
      if (c.name().equals(idColumn)) continue;
      if (c instanceof NumericColumn) out.add(c.name());
    }
    return out;
  }

  /** Text columns with few distinct values (≤ 20): candidates for one-hot encoding. */
  public static List<String> categoricalColumns(Table t, String idColumn) {
    List<String> out = new ArrayList<>();
    for (Column<?> c : t.columns()) {
      if (c.name().equals(idColumn) || c.type() != ColumnType.STRING) continue;
      if (c.unique().size() <= 20) out.add(c.name());
    }
    return out;
  }

  /**
   * Every numeric column as a feature, plus {@code Column=value} 0/1 columns for each column in {@code oneHot}.
   * Rows with a blank numeric cell are left out (k-means needs every value), and counted by the caller from
   * the size difference.
   */
  public static CustomerFeatures build(Table t, String idColumn, List<String> oneHot) {
    List<String> numeric = numericColumns(t, idColumn);
    int rows = t.rowCount();
    boolean[] keep = new boolean[rows];
    int kept = 0;
    for (int i = 0; i < rows; i++) {
      boolean ok = true;
      for (String c : numeric) if (Double.isNaN(((NumericColumn<?>) t.column(c)).getDouble(i))) { ok = false; break; }
      keep[i] = ok;
      if (ok) kept++;
    }
    List<String> names = new ArrayList<>(numeric);
    List<double[]> cols = new ArrayList<>();
    for (String c : numeric) cols.add(pick(((NumericColumn<?>) t.column(c)).asDoubleArray(), keep, kept));
    for (String c : oneHot) {
      Column<?> col = t.column(c);
      Set<String> levels = new LinkedHashSet<>();
      for (int i = 0; i < rows; i++) levels.add(col.getString(i));
      for (String level : levels) {
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) v[i] = col.getString(i).equals(level) ? 1 : 0;
        names.add(c + "=" + level);
        cols.add(pick(v, keep, kept));
      }
    }
    String[] ids = new String[kept];
    for (int i = 0, k = 0; i < rows; i++) {
      if (!keep[i]) continue;
      ids[k++] = idColumn != null ? t.column(idColumn).getString(i) : String.valueOf(i + 1);
    }
    return new CustomerFeatures(ids, names, cols.toArray(new double[0][]), null, null, null);
  }

  private static double[] pick(double[] v, boolean[] keep, int kept) {
    double[] out = new double[kept];
    for (int i = 0, k = 0; i < v.length; i++) if (keep[i]) out[k++] = v[i];
    return out;
  }
}
