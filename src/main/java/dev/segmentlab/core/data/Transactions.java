package dev.segmentlab.core.data;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The transaction lines of a retail file, one row per line, stored column by column.
 *
 * <p>Text columns are dictionary-encoded ({@link TextColumn}); numbers are {@code double[]}; invoice dates are
 * {@code long[]} seconds since 1970-01-01T00:00 read as local time without a zone (so {@link #dateAt} gives
 * the wall-clock time written in the file). Why not a Tablesaw {@link Table} as the working store: cleaning,
 * RFM and the explore views run over these arrays quickly, while Tablesaw's per-cell access and its CSV
 * reader are several times slower (README, performance); {@link #toTable()} gives the
 * Tablesaw view for previews and ad-hoc analysis.
 *
 * <p>Immutable: arrays are handed out without copying and must not be modified.
 */
public final class Transactions {
  private final TextColumn invoice;
  private final TextColumn stockCode;
  private final TextColumn description;
  private final double[] quantity;
  private final long[] invoiceDate;
  private final double[] unitPrice;
  private final TextColumn customer;
  private final TextColumn country;
  private final int[] lineNumber;
  private volatile Table table;

  /**
   * @param lineNumber the 1-based line (CSV) or row (XLSX) in the source file of each row, for messages
   */
  public Transactions(TextColumn invoice, TextColumn stockCode, TextColumn description, double[] quantity,
      long[] invoiceDate, double[] unitPrice, TextColumn customer, TextColumn country, int[] lineNumber) {
    int n = quantity.length;
    this.invoice = check(invoice, n);
    this.stockCode = check(stockCode, n);
    this.description = check(description, n);
    this.customer = check(customer, n);
    this.country = check(country, n);
    if (invoiceDate.length != n || unitPrice.length != n || lineNumber.length != n) {
      throw new IllegalArgumentException("columns differ in length");
    }
    this.quantity = quantity;
    this.invoiceDate = invoiceDate;
    this.unitPrice = unitPrice;
    this.lineNumber = lineNumber;
  }

  private static TextColumn check(TextColumn c, int n) {
    Objects.requireNonNull(c);
    if (c.size() != n) throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, not " + n);
    return c;
  }

  public int size() { return quantity.length; }

  public TextColumn invoice() { return invoice; }
  public TextColumn stockCode() { return stockCode; }
  public TextColumn description() { return description; }
  public TextColumn customer() { return customer; }
  public TextColumn country() { return country; }
  /** Quantity per line (not a copy). */
  public double[] quantity() { return quantity; }
  /** Unit price per line (not a copy). */
  public double[] unitPrice() { return unitPrice; }
  /** Invoice date per line as local epoch seconds (not a copy). */
  public long[] invoiceDate() { return invoiceDate; }
  /** 1-based source line of each row (not a copy). */
  public int[] lineNumber() { return lineNumber; }

  /** Quantity × unit price of a line. */
  public double revenue(int row) { return quantity[row] * unitPrice[row]; }

  public LocalDateTime dateAt(int row) { return toDateTime(invoiceDate[row]); }

  public static LocalDateTime toDateTime(long localEpochSeconds) {
    return LocalDateTime.ofEpochSecond(localEpochSeconds, 0, ZoneOffset.UTC);
  }

  public static long toEpochSeconds(LocalDateTime t) { return t.toEpochSecond(ZoneOffset.UTC); }

  /** Whether the invoice of a row starts with {@code C} or {@code c} (a cancellation). */
  public boolean isCancellation(int row) {
    String inv = invoice.get(row);
    return inv != null && !inv.isEmpty() && (inv.charAt(0) == 'C' || inv.charAt(0) == 'c');
  }

  /** The rows as a Tablesaw table (built once, on first call). */
  public Table toTable() {
    Table t = table;
    if (t == null) {
      synchronized (this) {
        t = table;
        if (t == null) {
          table = t = buildTable();
        }
      }
    }
    return t;
  }

  private Table buildTable() {
    int n = size();
    DateTimeColumn dates = DateTimeColumn.create(invoiceDate.length == 0 ? "InvoiceDate" : "InvoiceDate");
    for (long s : invoiceDate) dates.append(toDateTime(s));
    return Table.create("transactions",
        toStringColumn(invoice, "InvoiceNo"), toStringColumn(stockCode, "StockCode"),
        toStringColumn(description, "Description"), DoubleColumn.create("Quantity", quantity.clone()),
        dates, DoubleColumn.create("UnitPrice", unitPrice.clone()),
        toStringColumn(customer, "CustomerID"), toStringColumn(country, "Country"))
        .setName("transactions (" + n + " rows)");
  }

  private static StringColumn toStringColumn(TextColumn c, String name) {
    StringColumn s = StringColumn.create(name);
    for (int i = 0; i < c.size(); i++) {
      String v = c.get(i);
      s.append(v == null ? "" : v);
    }
    return s;
  }
}
