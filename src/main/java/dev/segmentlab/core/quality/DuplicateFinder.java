package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.Transactions;
import java.util.Arrays;

/** Finds exact duplicate rows (every column equal) with an open-addressing table over row indices. */
final class DuplicateFinder {
  private DuplicateFinder() {}

  /** Keeps the first of each group of identical rows among {@code rows[0, size)}; returns the new size. */
  static int keepFirst(Transactions tx, int[] rows, int size) {
    int cap = Integer.highestOneBit(Math.max(16, size * 2)) << 1;
    int[] table = new int[cap];
    Arrays.fill(table, -1);
    int mask = cap - 1;
    int[][] codes = {tx.invoice().codes(), tx.stockCode().codes(), tx.description().codes(),
        tx.customer().codes(), tx.country().codes()};
    double[] q = tx.quantity(), p = tx.unitPrice();
    long[] d = tx.invoiceDate();
    int k = 0;
    for (int i = 0; i < size; i++) {
      int r = rows[i];
      long h = d[r] * 0x9E3779B97F4A7C15L;
      for (int[] c : codes) h = (h ^ c[r]) * 0x100000001B3L;
      h = (h ^ Double.doubleToLongBits(q[r])) * 0x100000001B3L;
      h = (h ^ Double.doubleToLongBits(p[r])) * 0x100000001B3L;
      int slot = (int) (h ^ (h >>> 32)) & mask;
      boolean dup = false;
      while (table[slot] >= 0) {
        int o = table[slot];
        if (same(o, r, codes, q, p, d)) { dup = true; break; }
        slot = (slot + 1) & mask;
      }
      if (!dup) {
        table[slot] = r;
        rows[k++] = r;
      }
    }
    return k;
  }

  private static boolean same(int a, int b, int[][] codes, double[] q, double[] p, long[] d) {
    if (d[a] != d[b] || q[a] != q[b] || p[a] != p[b]) return false;
    for (int[] c : codes) if (c[a] != c[b]) return false;
    return true;
  }
}
