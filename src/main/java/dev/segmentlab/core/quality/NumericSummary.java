package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * Minimum, maximum and mean of each numeric column of a loaded file (the Data step's column summary): quantity
 * and unit price of a transaction file, every numeric column of a customer table. Blank cells are left out.
 *
 * @param min smallest value
 * @param max largest value
 * @param mean arithmetic mean
 * @param count values counted (not blank)
 */
public record NumericSummary(double min, double max, double mean, int count) {

  /** Summary of an array; NaN are skipped; all NaN (or none) gives NaN figures and count 0. */
  public static NumericSummary of(double[] values) {
    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isNaN(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      n++;
    }
    return n == 0 ? new NumericSummary(Double.NaN, Double.NaN, Double.NaN, 0) : new NumericSummary(min, max, sum / n, n);
  }

  /** By the file's column name, for the numeric columns of {@code d}. */
  public static Map<String, NumericSummary> of(Dataset d) {
    Map<String, NumericSummary> out = new LinkedHashMap<>();
    if (d.transactions() != null) {
      out.put(d.mapping().column(Role.QUANTITY), of(d.transactions().quantity()));
      out.put(d.mapping().column(Role.UNIT_PRICE), of(d.transactions().unitPrice()));
    } else if (d.customerTable() != null) {
      for (Column<?> c : d.customerTable().columns()) {
        if (c.name().equals(d.idColumn())) continue;
        if (c instanceof NumericColumn<?> nc) out.put(c.name(), of(nc.asDoubleArray()));
      }
    }
    return out;
  }
}
