package dev.segmentlab.core.data;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import java.nio.charset.StandardCharsets;

/**
 * Builds a one-row-per-customer Tablesaw table (Mall Customers and the like): every column typed as number when
 * all its non-blank cells are numbers, else text. Such tables are small, so rows are kept as Strings.
 */
final class CustomerTableBuilder {
  private final List<String> headers;
  private final Charset charset;
  private final List<String[]> rows = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  private int rejected;
  private final Map<String, Integer> reasons = new LinkedHashMap<>();
  private final List<LoadReport.Rejection> examples = new ArrayList<>();

  CustomerTableBuilder(List<String> headers, Charset charset) {
    this.headers = headers;
    this.charset = charset;
  }

  void accept(Fields f, int line) {
    if (f.problem != null) {
      reject(line, f.problem, f.problem + ": a quote opens a field that does not close on this line");
      return;
    }
    if (f.fieldCount() != headers.size()) {
      rejected++;
      reasons.merge("wrong number of fields", 1, Integer::sum);
      if (examples.size() < TransactionChunk.MAX_EXAMPLES) {
        examples.add(new LoadReport.Rejection(line, "wrong number of fields: expected " + headers.size()
            + " fields, found " + f.fieldCount(), ""));
      }
      return;
    }
    String[] row = new String[headers.size()];
    for (int i = 0; i < row.length; i++) row[i] = new String(f.buf(i), f.start(i), f.end(i) - f.start(i), charset).trim();
    rows.add(row);
    lines.add(line);
  }

  private void reject(int line, String reason, String detail) {
    rejected++;
    reasons.merge(reason, 1, Integer::sum);
    if (examples.size() < TransactionChunk.MAX_EXAMPLES) examples.add(new LoadReport.Rejection(line, detail, ""));
  }

  int rejected() { return rejected; }
  Map<String, Integer> reasons() { return reasons; }
  List<LoadReport.Rejection> examples() { return examples; }
  int size() { return rows.size(); }

  record Built(Table table, String idColumn, List<LoadReport.ColumnSummary> columns, int customers) {}

  /**
   * @param idColumn the id column chosen by the analyst or by the mapping, or null to pick one
   * @throws DataException when there is no numeric column to cluster on
   */
  Built build(String name, String idColumn) {
    int nCols = headers.size();
    boolean[] numeric = new boolean[nCols];
    for (int c = 0; c < nCols; c++) {
      boolean allNum = true;
      boolean any = false;
      for (String[] r : rows) {
        String v = r[c];
        if (v.isEmpty()) continue;
        any = true;
        byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
        if (Double.isNaN(FieldValues.parseDouble(b, 0, b.length, false))) { allNum = false; break; }
      }
      numeric[c] = allNum && any;
    }
    int id = idColumn == null ? -1 : headers.indexOf(idColumn);
    if (id < 0) id = guessId(numeric);
    dropOutOfRange(numeric, id);
    Table t = Table.create(name);
    List<LoadReport.ColumnSummary> summaries = new ArrayList<>();
    int numericFeatures = 0;
    for (int c = 0; c < nCols; c++) {
      String h = headers.get(c);
      Column<?> col;
      if (numeric[c] && c != id) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
          String s = rows.get(i)[c];
          byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
          v[i] = s.isEmpty() ? Double.NaN : FieldValues.parseDouble(b, 0, b.length, false);
        }
        col = DoubleColumn.create(h, v);
        numericFeatures++;
      } else {
        StringColumn sc = StringColumn.create(h);
        for (String[] r : rows) sc.append(r[c]);
        col = sc;
      }
      t.addColumns(col);
      Set<String> distinct = new HashSet<>();
      int missing = 0;
      for (String[] r : rows) {
        if (r[c].isEmpty()) missing++; else distinct.add(r[c]);
      }
      summaries.add(new LoadReport.ColumnSummary(h, numeric[c] && c != id ? "number" : "text", missing,
          distinct.size(), c == id ? Role.CUSTOMER_ID.key() : null));
    }
    if (numericFeatures == 0) {
      throw new DataException("No column could be used: the file has neither transaction columns (invoice, date, "
          + "quantity, unit price, customer id) nor numeric customer columns. Its columns are: "
          + String.join(", ", headers) + ". Map the columns by hand (File > Open… > Map columns).");
    }
    int customers = rows.size();
    if (id >= 0) {
      Set<String> ids = new HashSet<>();
      for (String[] r : rows) if (!r[id].isEmpty()) ids.add(r[id]);
      customers = ids.size();
    }
    return new Built(t, id >= 0 ? headers.get(id) : null, summaries, customers);
  }

  /** Largest absolute value of a number in a customer table; beyond it (or infinite) the row is rejected. */
  static final double MAX_VALUE = 1e15;

  /** Rejects the rows with an infinite or absurd number in a numeric column, each with its reason. */
  private void dropOutOfRange(boolean[] numeric, int id) {
    List<String[]> keptRows = new ArrayList<>(rows.size());
    List<Integer> keptLines = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String bad = null;
      for (int c = 0; c < r.length && bad == null; c++) {
        if (!numeric[c] || c == id || r[c].isEmpty()) continue;
        byte[] b = r[c].getBytes(StandardCharsets.ISO_8859_1);
        if (!(Math.abs(FieldValues.parseDouble(b, 0, b.length, false)) <= MAX_VALUE)) bad = headers.get(c);
      }
      if (bad == null) {
        keptRows.add(r);
        keptLines.add(lines.get(i));
      } else {
        reject(lines.get(i), "number out of range", "number out of range: " + bad + " '" + r[headers.indexOf(bad)]
            + "' is not a number between -1e15 and 1e15");
      }
    }
    if (keptRows.size() < rows.size()) {
      rows.clear();
      rows.addAll(keptRows);
      lines.clear();
      lines.addAll(keptLines);
    }
  }

  /** An id column: a header that reads like one, else the first text or integer column whose values are all distinct. */
  private int guessId(boolean[] numeric) {
    for (int c = 0; c < headers.size(); c++) {
      String n = Role.normalise(headers.get(c));
      if (Role.CUSTOMER_ID.aliases().contains(n) || n.equals("id") || n.endsWith("id")) return c;
    }
    for (int c = 0; c < headers.size(); c++) {
      Set<String> seen = new HashSet<>();
      boolean unique = true;
      for (String[] r : rows) if (r[c].isEmpty() || !seen.add(r[c])) { unique = false; break; }
      if (unique && !numeric[c]) return c;
    }
    return -1;
  }
}
