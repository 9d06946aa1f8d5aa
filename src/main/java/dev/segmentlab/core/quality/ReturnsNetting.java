package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What netting the returns did ({@link Returns#NET}): the quantities left on each purchase line after the
 * cancellations took theirs back, the value no purchase covered (subtracted from the customer's spend), and the
 * customers whose net spend is &le; 0 (left out of the features).
 *
 * <p>Matching: a cancellation line (invoice starting with C, negative quantity, with a customer) takes its units
 * back from the same customer's purchases of the same stock code dated no later than the cancellation, the latest
 * purchase first, at that purchase's price. Money is compared in cents, so a purchase cancelled whole nets to 0.
 *
 * @param quantity              quantity of every transaction row after netting (index = row; not a copy)
 * @param unmatched             value (currency, &ge; 0) of each customer's cancellations that no purchase covered,
 *                              indexed by customer code (not a copy)
 * @param excluded              customers (by code) whose net spend is &le; 0 (not a copy)
 * @param cancellationLines     cancellation lines netted
 * @param matchedValue          value taken back from purchases (currency)
 * @param unmatchedValue        value subtracted from spends (currency)
 * @param ordersCancelledWhole  invoices whose every line was taken back (no longer counted as orders)
 * @param excludedCustomers     customers with net spend &le; 0
 */
public record ReturnsNetting(double[] quantity, double[] unmatched, boolean[] excluded, int cancellationLines,
    double matchedValue, double unmatchedValue, int ordersCancelledWhole, int excludedCustomers) {

  /**
   * Nets the cancellation rows against the kept rows.
   *
   * @param kept          rows kept by cleaning, ascending
   * @param cancellations rows the rules removed that are cancellations to net, ascending
   */
  static ReturnsNetting of(Transactions tx, int[] kept, int[] cancellations) {
    double[] q = tx.quantity().clone();
    double[] price = tx.unitPrice();
    long[] date = tx.invoiceDate();
    TextColumn cust = tx.customer(), stock = tx.stockCode();
    long stocks = stock.dictionary().length + 1L;
    Set<Long> wanted = new HashSet<>();
    for (int c : cancellations) wanted.add(cust.code(c) * stocks + stock.code(c) + 1);
    Map<Long, List<Integer>> purchases = new HashMap<>();
    for (int r : kept) {
      if (q[r] <= 0 || cust.code(r) == TextColumn.MISSING) continue;
      long key = cust.code(r) * stocks + stock.code(r) + 1;
      if (wanted.contains(key)) purchases.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
    }
    for (List<Integer> list : purchases.values()) {
      list.sort((a, b) -> date[a] != date[b] ? Long.compare(date[a], date[b]) : Integer.compare(a, b));
    }
    Integer[] order = Arrays.stream(cancellations).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> date[a] != date[b] ? Long.compare(date[a], date[b]) : Integer.compare(a, b));
    double[] unmatched = new double[cust.dictionary().length];
    double matchedValue = 0, unmatchedValue = 0;
    for (int c : order) {
      double need = -q[c];
      List<Integer> list = purchases.getOrDefault(cust.code(c) * stocks + stock.code(c) + 1, List.of());
      for (int i = list.size() - 1; i >= 0 && need > 0; i--) {
        int p = list.get(i);
        if (date[p] > date[c] || q[p] <= 0) continue;
        double take = Math.min(q[p], need);
        q[p] -= take;
        need -= take;
        matchedValue += take * price[p];
      }
      if (need > 0) {
        double value = need * Math.abs(price[c]);
        unmatched[cust.code(c)] += value;
        unmatchedValue += value;
      }
      q[c] = 0; // the cancellation line is used up by netting
    }
    double[] spend = new double[unmatched.length];
    boolean[] present = new boolean[unmatched.length];
    for (int r : kept) {
      int c = cust.code(r);
      if (c == TextColumn.MISSING) continue;
      present[c] = true;
      spend[c] += q[r] * price[r];
    }
    boolean[] excluded = new boolean[unmatched.length];
    int excludedCount = 0;
    for (int c = 0; c < spend.length; c++) {
      if (present[c] && Math.round((spend[c] - unmatched[c]) * 100) <= 0) {
        excluded[c] = true;
        excludedCount++;
      }
    }
    return new ReturnsNetting(q, unmatched, excluded, cancellations.length, matchedValue, unmatchedValue,
        wholeOrdersCancelled(tx, kept, q), excludedCount);
  }

  /** Invoices among the kept rows that had a positive line before netting and have none after. */
  private static int wholeOrdersCancelled(Transactions tx, int[] kept, double[] netted) {
    TextColumn inv = tx.invoice();
    double[] before = tx.quantity();
    int size = inv.dictionary().length + 1;
    boolean[] had = new boolean[size], has = new boolean[size];
    for (int r : kept) {
      int c = inv.code(r) + 1;
      if (before[r] > 0) had[c] = true;
      if (netted[r] > 0) has[c] = true;
    }
    int n = 0;
    for (int c = 0; c < size; c++) if (had[c] && !has[c]) n++;
    return n;
  }

  /** Whether the customer with this code is left out (net spend &le; 0); false for {@link TextColumn#MISSING}. */
  public boolean isExcluded(int customerCode) {
    return customerCode != TextColumn.MISSING && excluded[customerCode];
  }
}
