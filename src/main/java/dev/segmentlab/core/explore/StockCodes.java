package dev.segmentlab.core.explore;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Maps the stock-code dictionary to dense product ids: codes are trimmed and upper-cased (so {@code 85123a}
 * and {@code 85123A} are one product) and non-product codes (postage, fees, …) map to {@code -1}. The work is
 * done once per dictionary entry, not once per row.
 */
final class StockCodes {
  /** Product id per stock-code dictionary entry, or -1. */
  final int[] productOfCode;
  /** Normalised stock code per product id. */
  final String[] products;

  private StockCodes(int[] productOfCode, String[] products) {
    this.productOfCode = productOfCode;
    this.products = products;
  }

  static StockCodes of(TextColumn stockCode, Predicate<String> nonProduct) {
    String[] dict = stockCode.dictionary();
    int[] productOf = new int[dict.length];
    Map<String, Integer> ids = new HashMap<>();
    for (int c = 0; c < dict.length; c++) {
      String norm = normalise(dict[c]);
      if (norm.isEmpty() || nonProduct.test(norm)) {
        productOf[c] = -1;
      } else {
        Integer id = ids.putIfAbsent(norm, ids.size());
        productOf[c] = id == null ? ids.size() - 1 : id;
      }
    }
    String[] products = new String[ids.size()];
    ids.forEach((k, v) -> products[v] = k);
    return new StockCodes(productOf, products);
  }

  static String normalise(String code) {
    return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
  }

  /** Product id of a row, or -1 for a blank or non-product code. */
  int product(Transactions tx, int row) {
    int c = tx.stockCode().code(row);
    return c == TextColumn.MISSING ? -1 : productOfCode[c];
  }

  /**
   * The most frequent description of each product over {@code rows}; ties go to the alphabetically first, and
   * products without any description get {@code ""}.
   */
  String[] descriptions(Transactions tx, int[] rows) {
    TextColumn desc = tx.description();
    long[] keys = new long[rows.length];
    int n = 0;
    for (int r : rows) {
      int p = product(tx, r);
      int d = desc.code(r);
      if (p >= 0 && d != TextColumn.MISSING) keys[n++] = ((long) p << 32) | d;
    }
    Arrays.sort(keys, 0, n);
    String[] dict = desc.dictionary();
    String[] best = new String[products.length];
    int[] bestCount = new int[products.length];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && keys[j] == keys[i]) j++;
      int p = (int) (keys[i] >>> 32);
      String d = dict[(int) keys[i]].trim();
      int count = j - i;
      if (count > bestCount[p] || (count == bestCount[p] && d.compareTo(best[p]) < 0)) {
        best[p] = d;
        bestCount[p] = count;
      }
      i = j;
    }
    for (int p = 0; p < best.length; p++) if (best[p] == null) best[p] = "";
    return best;
  }
}
