package dev.segmentlab.core.features;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Per-customer feature values in original units, one column per feature.
 *
 * @param ids customer ids, in the row order of every column (numeric order when all ids are numbers)
 * @param names feature keys, e.g. {@code recency}, {@code monetary}, or the customer table's column names
 * @param columns {@code columns[f][customer]} (not copied: do not modify)
 * @param countries the customer's most frequent country (transactions mode) or null
 * @param snapshot the RFM snapshot (midnight) or null in customer-table mode
 * @param customerCodes the customer's code in the transactions' customer column, or null
 */
public record CustomerFeatures(String[] ids, List<String> names, double[][] columns, String[] countries,
    LocalDateTime snapshot, int[] customerCodes) {

  public CustomerFeatures {
    names = List.copyOf(names);
    if (columns.length != names.size()) throw new IllegalArgumentException("one column per name");
    for (double[] c : columns) {
      if (c.length != ids.length) throw new IllegalArgumentException("every column needs one value per customer");
    }
  }

  public int size() { return ids.length; }

  /** Values of a feature. */
  public double[] column(String name) {
    int i = names.indexOf(name);
    if (i < 0) throw new IllegalArgumentException("Unknown feature '" + name + "'. Available: " + String.join(", ", names) + ".");
    return columns[i];
  }

  public boolean has(String name) { return names.contains(name); }

  /** Sum of a feature over customers (the JSON {@code feature_sums}). */
  public double sum(String name) {
    double s = 0;
    for (double v : column(name)) s += v;
    return s;
  }
}
