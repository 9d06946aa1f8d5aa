package dev.segmentlab.core.explore;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Invoices as sets of product ids, for itemset mining. Invoices without any product line (e.g. postage only)
 * are not baskets.
 */
final class Baskets {
  /** One ascending, duplicate-free array of product ids per basket. */
  final int[][] items;
  final StockCodes codes;

  private Baskets(int[][] items, StockCodes codes) {
    this.items = items;
    this.codes = codes;
  }

  /** Groups the product rows of {@code sel} by invoice with a counting sort over invoice codes. */
  static Baskets of(Transactions tx, int[] sel, StockCodes codes, BooleanSupplier cancelled) {
    TextColumn invoice = tx.invoice();
    int invoices = invoice.dictionary().length;
    int[] start = new int[invoices + 1];
    for (int r : sel) {
      int inv = invoice.code(r);
      if (inv != TextColumn.MISSING && codes.product(tx, r) >= 0) start[inv + 1]++;
    }
    for (int i = 0; i < invoices; i++) start[i + 1] += start[i];
    int[] flat = new int[start[invoices]];
    int[] fill = Arrays.copyOf(start, invoices);
    for (int r : sel) {
      int inv = invoice.code(r);
      int p = codes.product(tx, r);
      if (inv != TextColumn.MISSING && p >= 0) flat[fill[inv]++] = p;
    }
    Progress.check(cancelled);
    int baskets = 0;
    for (int i = 0; i < invoices; i++) if (start[i + 1] > start[i]) baskets++;
    int[][] items = new int[baskets][];
    int b = 0;
    for (int i = 0; i < invoices; i++) {
      if (start[i + 1] == start[i]) continue;
      int[] set = Arrays.copyOfRange(flat, start[i], start[i + 1]);
      Arrays.sort(set);
      int n = 1;
      for (int k = 1; k < set.length; k++) if (set[k] != set[n - 1]) set[n++] = set[k];
      items[b++] = n == set.length ? set : Arrays.copyOf(set, n);
    }
    return new Baskets(items, codes);
  }
}
