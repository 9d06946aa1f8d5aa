package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.Transactions;
import java.util.Arrays;

/**
 * Finds exact duplicate rows (every column equal). Identical rows share their invoice, so rows are first grouped
 * by invoice (a counting sort, which keeps file order within a group) and compared only within their group:
 * by pairs in small groups, through a small open-addressing table in large ones. Why not one table over all
 * rows: its probes jump around an array of several megabytes and spend most of their time waiting for memory; a group's rows sit next to each other in the file, so these comparisons stay in cache.
 */
final class DuplicateFinder {
  private DuplicateFinder() {}

  /** Groups up to this size are compared by pairs; larger ones through a table. */
  private static final int PAIRWISE = 12;

  /** Keeps the first of each group of identical rows among {@code rows[0, size)}; returns the new size. */
  static int keepFirst(Transactions tx, int[] rows, int size) {
    int[] invoice = tx.invoice().codes();
    int buckets = tx.invoice().dictionary().length + 1; // bucket 0: no invoice
    int[] start = new int[buckets + 1];
    for (int i = 0; i < size; i++) start[invoice[rows[i]] + 2]++;
    for (int b = 0; b < buckets; b++) start[b + 1] += start[b];
    int[] grouped = new int[size]; // positions in rows, invoice by invoice, in file order within each
    for (int i = 0; i < size; i++) grouped[start[invoice[rows[i]] + 1]++] = i;
    // start[b] is now the end of bucket b, which is where bucket b + 1 begins
    Row row = new Row(tx, rows);
    boolean[] removed = new boolean[size];
    int[] table = new int[0];
    for (int b = 0, from = 0; b < buckets; from = start[b++]) {
      int to = start[b];
      int s = to - from;
      if (s < 2) continue;
      if (s <= PAIRWISE) {
        for (int a = from + 1; a < to; a++) {
          for (int e = from; e < a; e++) {
            if (!removed[grouped[e]] && row.same(grouped[e], grouped[a])) {
              removed[grouped[a]] = true;
              break;
            }
          }
        }
        continue;
      }
      int cap = Integer.highestOneBit(s) << 2;
      if (table.length < cap) table = new int[cap];
      Arrays.fill(table, 0, cap, -1);
      int mask = cap - 1;
      for (int a = from; a < to; a++) {
        int p = grouped[a];
        int slot = row.hash(p) & mask;
        while (table[slot] >= 0 && !row.same(table[slot], p)) slot = (slot + 1) & mask;
        if (table[slot] >= 0) removed[p] = true;
        else table[slot] = p;
      }
    }
    int k = 0;
    for (int i = 0; i < size; i++) if (!removed[i]) rows[k++] = rows[i];
    return k;
  }

  /** The columns of the rows at positions of {@code rows}, but the invoice, which a group's rows share. */
  private static final class Row {
    final int[] rows;
    final int[][] codes;
    final double[] quantity;
    final double[] price;
    final long[] date;

    Row(Transactions tx, int[] rows) {
      this.rows = rows;
      this.codes = new int[][] {tx.stockCode().codes(), tx.description().codes(), tx.customer().codes(),
          tx.country().codes()};
      this.quantity = tx.quantity();
      this.price = tx.unitPrice();
      this.date = tx.invoiceDate();
    }

    boolean same(int i, int j) {
      int a = rows[i];
      int b = rows[j];
      if (date[a] != date[b] || quantity[a] != quantity[b] || price[a] != price[b]) return false;
      for (int[] c : codes) if (c[a] != c[b]) return false;
      return true;
    }

    int hash(int i) {
      int r = rows[i];
      long h = date[r] * 0x9E3779B97F4A7C15L;
      for (int[] c : codes) h = (h ^ c[r]) * 0x100000001B3L;
      h = (h ^ Double.doubleToLongBits(quantity[r] + 0.0)) * 0x100000001B3L; // + 0.0: -0.0 hashes as 0.0
      h = (h ^ Double.doubleToLongBits(price[r] + 0.0)) * 0x100000001B3L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
