package dev.segmentlab.core.explore;

import java.util.Arrays;

/**
 * Counts distinct codes per bucket (orders per month, customers per country, …) without hash sets. When
 * {@code buckets × codes} is small a dense bit table answers in one pass; otherwise pairs are packed into longs
 * and sorted, which for a few hundred thousand rows is still tens of milliseconds.
 */
final class Distinct {
  private static final long DENSE_LIMIT = 1L << 25;

  private final int buckets;
  private final int codes;
  private final int[] counts;
  private final long[] seen;
  private long[] keys;
  private int size;

  /**
   * @param buckets buckets are {@code 0 … buckets-1}
   * @param codes codes are {@code 0 … codes-1}
   * @param capacity expected number of {@link #add} calls
   */
  Distinct(int buckets, int codes, int capacity) {
    this.buckets = buckets;
    this.codes = codes;
    this.counts = new int[buckets];
    long cells = (long) buckets * codes;
    if (cells <= DENSE_LIMIT) {
      seen = new long[(int) ((cells + 63) >>> 6)];
    } else {
      seen = null;
      keys = new long[Math.max(16, capacity)];
    }
  }

  /** Records that {@code code} occurs in {@code bucket}; negative codes (blank cells) are ignored. */
  void add(int bucket, int code) {
    if (code < 0) return;
    if (seen != null) {
      long cell = (long) bucket * codes + code;
      int word = (int) (cell >>> 6);
      long bit = 1L << cell;
      if ((seen[word] & bit) == 0) {
        seen[word] |= bit;
        counts[bucket]++;
      }
      return;
    }
    if (size == keys.length) keys = Arrays.copyOf(keys, keys.length * 2);
    keys[size++] = ((long) bucket << 32) | code;
  }

  /** Distinct codes per bucket. Call once, after the last {@link #add}. */
  int[] counts() {
    if (seen == null) {
      Arrays.sort(keys, 0, size);
      for (int i = 0; i < size; i++) {
        if (i == 0 || keys[i] != keys[i - 1]) counts[(int) (keys[i] >>> 32)]++;
      }
      size = 0;
    }
    return counts.clone();
  }

  int buckets() { return buckets; }
}
