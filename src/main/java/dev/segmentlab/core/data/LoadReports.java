package dev.segmentlab.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one builder of a {@link Dataset} and its {@link LoadReport} from what a reader parsed, shared by the text,
 * XLSX, Parquet and database readers so that every input reports the same columns and counts.
 */
final class LoadReports {
  private LoadReports() {}

  /**
   * Where the rows were read from, as the report states it.
   *
   * @param sheet the sheet read (null unless XLSX) and {@code sheets} all of the workbook's (empty unless XLSX)
   * @param delimiter the delimiter as shown (null unless text)
   */
  record Source(Path file, String name, String format, String sheet, List<String> sheets, String encoding,
      String delimiter, long bytes) {
    static Source of(Path file, String name, String format, String encoding, long bytes) {
      return new Source(file, name, format, null, List.of(), encoding, null, bytes);
    }
  }

  /** The column slot each field goes to ({@code -1}: not kept). */
  static int[] slots(ColumnMapping mapping, int fields) {
    int[] slots = new int[fields];
    Arrays.fill(slots, -1);
    Role[] bySlot = {Role.INVOICE, Role.STOCK_CODE, Role.DESCRIPTION, Role.CUSTOMER_ID, Role.COUNTRY,
        Role.QUANTITY, Role.UNIT_PRICE, Role.INVOICE_DATE};
    for (int s = 0; s < bySlot.length; s++) {
      final int slot = s;
      mapping.index(bySlot[s]).ifPresent(i -> slots[i] = slot);
    }
    return slots;
  }

  /** The names of the text columns, in slot order (the role's label where a role is not mapped). */
  static String[] names(ColumnMapping m) {
    Role[] textRoles = {Role.INVOICE, Role.STOCK_CODE, Role.DESCRIPTION, Role.CUSTOMER_ID, Role.COUNTRY};
    String[] out = new String[textRoles.length];
    for (int i = 0; i < out.length; i++) {
      String c = m.column(textRoles[i]);
      out[i] = c != null ? c : textRoles[i].label();
    }
    return out;
  }

  /** A transactions dataset; {@code encoding} is what the report says (null: the assembled charset). */
  static Dataset transactions(Source src, TransactionAssembler.Result r, ColumnMapping mapping) {
    Transactions tx = r.transactions();
    if (tx.size() == 0) {
      throw new DataException("No row of " + src.name() + " could be read (" + r.rejected() + " rejected"
          + (r.examples().isEmpty() ? "" : "; first: line " + r.examples().get(0).line() + ", "
              + r.examples().get(0).reason())
          + "). Check the column mapping.");
    }
    TransactionAssembler.Counts n = r.counts();
    List<LoadReport.ColumnSummary> cols = new ArrayList<>();
    addText(cols, n, TransactionChunk.S_INVOICE, mapping, Role.INVOICE);
    addText(cols, n, TransactionChunk.S_STOCK, mapping, Role.STOCK_CODE);
    addText(cols, n, TransactionChunk.S_DESC, mapping, Role.DESCRIPTION);
    addNumber(cols, n.quantities(), mapping, Role.QUANTITY);
    if (mapping.has(Role.INVOICE_DATE)) {
      cols.add(new LoadReport.ColumnSummary(mapping.column(Role.INVOICE_DATE), "datetime", 0, n.dates(),
          Role.INVOICE_DATE.key()));
    }
    addNumber(cols, n.prices(), mapping, Role.UNIT_PRICE);
    addText(cols, n, TransactionChunk.S_CUSTOMER, mapping, Role.CUSTOMER_ID);
    addText(cols, n, TransactionChunk.S_COUNTRY, mapping, Role.COUNTRY);
    String encoding = src.encoding() != null ? src.encoding() : r.charset().name();
    LoadReport report = new LoadReport(src.name(), src.format(), src.sheet(), src.sheets(), tx.size(), r.rejected(),
        r.reasons(), r.examples(), encoding, src.delimiter(), r.dateFormat(), Mode.TRANSACTIONS, mapping.asMap(),
        cols, n.textDistinct()[TransactionChunk.S_CUSTOMER], src.bytes());
    return new Dataset(src.file(), tx, null, null, mapping, report);
  }

  /** A customer-table dataset. */
  static Dataset customers(Source src, CustomerTableBuilder b, ColumnMapping mapping) {
    if (b.size() == 0) {
      throw new DataException("No row of " + src.name() + " could be read (" + b.rejected() + " rejected).");
    }
    CustomerTableBuilder.Built built = b.build(src.name(), mapping.column(Role.CUSTOMER_ID));
    Map<String, String> map = new LinkedHashMap<>();
    if (built.idColumn() != null) map.put(Role.CUSTOMER_ID.key(), built.idColumn());
    LoadReport report = new LoadReport(src.name(), src.format(), src.sheet(), src.sheets(), b.size(), b.rejected(),
        b.reasons(), b.examples(), src.encoding(), src.delimiter(), null, Mode.CUSTOMERS, map, built.columns(),
        built.customers(), src.bytes());
    return new Dataset(src.file(), null, built.table(), built.idColumn(), mapping, report);
  }

  private static void addText(List<LoadReport.ColumnSummary> cols, TransactionAssembler.Counts n, int slot,
      ColumnMapping m, Role r) {
    if (!m.has(r)) return;
    cols.add(new LoadReport.ColumnSummary(m.column(r), "text", n.textMissing()[slot], n.textDistinct()[slot], r.key()));
  }

  private static void addNumber(List<LoadReport.ColumnSummary> cols, int distinct, ColumnMapping m, Role r) {
    if (!m.has(r)) return;
    cols.add(new LoadReport.ColumnSummary(m.column(r), "number", 0, distinct, r.key()));
  }
}
