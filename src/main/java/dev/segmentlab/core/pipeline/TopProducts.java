package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.quality.CleanedData;
import java.util.Arrays;

/**
 * Each customer's top product: the description on which the customer spent most in the cleaned rows (ties to
 * the description seen first). A CRM user recognises a customer by it faster than by an id. Linear in the rows:
 * rows are grouped by customer with a counting sort, and sums use a stamped array over the description codes.
 */
final class TopProducts {
  private TopProducts() {}

  /** One description per customer in the features' row order, or {@code null} when it cannot be known. */
  static String[] of(CleanedData cleaned, CustomerFeatures cf) {
    if (cleaned == null || cf.customerCodes() == null) return null;
    Transactions tx = cleaned.transactions();
    TextColumn desc = tx.description();
    if (desc == null) return null;
    int[] custCodes = tx.customer().codes();
    int[] rowOf = new int[tx.customer().dictionary().length];
    Arrays.fill(rowOf, -1);
    int[] codes = cf.customerCodes();
    for (int i = 0; i < codes.length; i++) rowOf[codes[i]] = i;
    int n = codes.length;
    int[] start = new int[n + 1];
    for (int r : cleaned.rows()) {
      int c = custCodes[r];
      if (c != TextColumn.MISSING && rowOf[c] >= 0) start[rowOf[c] + 1]++;
    }
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int[] grouped = new int[start[n]];
    int[] fill = Arrays.copyOf(start, n);
    for (int r : cleaned.rows()) {
      int c = custCodes[r];
      if (c != TextColumn.MISSING && rowOf[c] >= 0) grouped[fill[rowOf[c]]++] = r;
    }
    String[] dict = desc.dictionary();
    double[] sum = new double[dict.length];
    int[] stamp = new int[dict.length];
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      int best = -1;
      for (int g = start[i]; g < start[i + 1]; g++) {
        int r = grouped[g];
        int d = desc.code(r);
        if (d == TextColumn.MISSING) continue;
        if (stamp[d] != i + 1) {
          stamp[d] = i + 1;
          sum[d] = 0;
        }
        sum[d] += tx.revenue(r);
        if (best < 0 || sum[d] > sum[best]) best = d;
      }
      out[i] = best < 0 ? null : dict[best];
    }
    return out;
  }
}
