package dev.segmentlab.core.data;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * A loaded file: in transactions mode the {@link Transactions}; in customer-table mode a Tablesaw table with
 * one row per customer. Plus the load report.
 *
 * @param source the file read
 * @param transactions the lines (transactions mode) or null
 * @param customerTable the customer table (customers mode) or null
 * @param idColumn the customer id column of the customer table, or null
 * @param mapping the column mapping used
 * @param report what was read and how
 * @param database the database and query read (never with a password), or null for a file; {@code source} is then null
 */
public record Dataset(Path source, Transactions transactions, Table customerTable, String idColumn,
    ColumnMapping mapping, LoadReport report, DatabaseSource database) {

  public Dataset {
    if (database != null) database = database.withoutPassword();
  }

  /** A dataset read from a file. */
  public Dataset(Path source, Transactions transactions, Table customerTable, String idColumn, ColumnMapping mapping,
      LoadReport report) {
    this(source, transactions, customerTable, idColumn, mapping, report, null);
  }

  public Mode mode() { return report.mode(); }

  /** The rows as a Tablesaw table, for previews. */
  public Table table() { return transactions != null ? transactions.toTable() : customerTable; }

  public int rows() { return report.rows(); }
}
