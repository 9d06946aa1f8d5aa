package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.Transactions;

/**
 * The transactions and the rows that survived cleaning.
 *
 * @param transactions all loaded rows
 * @param rows ascending indices of the rows kept (not a copy: do not modify)
 * @param options the rules applied
 * @param report what each rule removed
 */
public record CleanedData(Transactions transactions, int[] rows, CleaningOptions options, CleaningReport report) {
  public int size() { return rows.length; }
}
