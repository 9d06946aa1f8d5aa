package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.Transactions;

/**
 * The transactions and the rows that survived cleaning.
 *
 * @param transactions all loaded rows
 * @param rows ascending indices of the rows kept (not a copy: do not modify)
 * @param options the rules applied
 * @param report what each rule removed
 * @param netting what netting the returns changed; {@code null} when cancellations were dropped
 */
public record CleanedData(Transactions transactions, int[] rows, CleaningOptions options, CleaningReport report,
    ReturnsNetting netting) {

  /** Without netting (cancellations dropped). */
  public CleanedData(Transactions transactions, int[] rows, CleaningOptions options, CleaningReport report) {
    this(transactions, rows, options, report, null);
  }

  public int size() { return rows.length; }

  /** The quantity of each transaction row after netting (the loaded quantities when nothing was netted). */
  public double[] quantity() {
    return netting == null ? transactions.quantity() : netting.quantity();
  }
}
