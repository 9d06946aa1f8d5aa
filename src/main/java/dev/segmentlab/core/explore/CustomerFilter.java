package dev.segmentlab.core.explore;

import dev.segmentlab.core.data.TextColumn;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.Arrays;

/**
 * Restricts a view to a set of customers (a segment). Filters are {@link IntPredicate}s over the customer
 * column's dictionary code ({@link TextColumn#code(int)}); every builder treats a {@code null} filter as "all
 * rows", and with a filter, rows without a customer id are left out.
 */
public final class CustomerFilter {
  private CustomerFilter() {}

  /**
   * A filter from a mask indexed by customer code; codes beyond the mask's length are excluded.
   *
   * @param mask {@code mask[code]} is true for customers in the segment; copied
   */
  public static IntPredicate ofMask(boolean[] mask) {
    boolean[] m = mask.clone();
    return code -> code >= 0 && code < m.length && m[code];
  }

  /**
   * A filter from customer ids as written in the file (e.g. {@code "17850.0"}).
   *
   * @param customer the customer column of the transactions
   * @param ids the ids in the segment; ids not in the column are ignored
   */
  public static IntPredicate ofIds(TextColumn customer, Collection<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    String[] dict = customer.dictionary();
    boolean[] mask = new boolean[dict.length];
    for (int c = 0; c < dict.length; c++) mask[c] = wanted.contains(dict[c]);
    return ofMask(mask);
  }

  /** The rows of {@code rows} whose customer passes {@code filter}; {@code rows} itself when the filter is null. */
  static int[] select(TextColumn customer, int[] rows, IntPredicate filter) {
    if (filter == null) return rows;
    int[] out = new int[rows.length];
    int n = 0;
    for (int r : rows) {
      int c = customer.code(r);
      if (c != TextColumn.MISSING && filter.test(c)) out[n++] = r;
    }
    return Arrays.copyOf(out, n);
  }
}
