package dev.segmentlab.core.data;

import java.util.Arrays;

/**
 * An open-addressing set of longs that grows from 1,024 slots: a HashSet of boxed values measured several times
 * slower, and a table sized for every row missed the cache on every probe; a column's distinct
 * values are far fewer than its rows.
 */
final class LongSet {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] table = filled(1 << 10);
  private int mask = table.length - 1;
  private int size;
  private boolean hasEmpty;

  void add(long x) {
    if (x == EMPTY) {
      if (!hasEmpty) { hasEmpty = true; size++; }
      return;
    }
    int slot = slot(x, mask);
    long[] t = table;
    while (true) {
      long y = t[slot];
      if (y == x) return;
      if (y == EMPTY) break;
      slot = (slot + 1) & mask;
    }
    t[slot] = x;
    if (++size * 2 > t.length) grow();
  }

  int size() { return size; }

  void addAll(LongSet other) {
    if (other.hasEmpty) add(EMPTY);
    for (long x : other.table) if (x != EMPTY) add(x);
  }

  private void grow() {
    long[] old = table;
    table = filled(old.length * 2);
    mask = table.length - 1;
    for (long x : old) {
      if (x == EMPTY) continue;
      int slot = slot(x, mask);
      while (table[slot] != EMPTY) slot = (slot + 1) & mask;
      table[slot] = x;
    }
  }

  private static int slot(long x, int mask) {
    long h = x * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }

  private static long[] filled(int n) {
    long[] t = new long[n];
    Arrays.fill(t, EMPTY);
    return t;
  }
}
