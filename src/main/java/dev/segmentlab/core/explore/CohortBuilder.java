package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.IntPredicate;

/**
 * Groups customers by the month of their first purchase within the given rows and follows each cohort month
 * by month: how many of its customers bought again (retention) and how much they spent.
 *
 * <p>"First purchase" is relative to the rows passed in: a file that starts mid-history puts every earlier
 * customer in its first cohort. Rows without a customer id are ignored.
 */
public final class CohortBuilder {
  private static final int CHECK_EVERY = 1 << 16;

  private CohortBuilder() {}

  /** {@link #build(Transactions, int[], IntPredicate, RunControl)} for all customers. */
  public static CohortTable build(Transactions tx, int[] rows) {
    return build(tx, rows, null, RunControl.none());
  }

  /**
   * Builds the cohort table.
   *
   * @param tx the transactions
   * @param rows strictly ascending indices of the rows to use (the cleaned rows)
   * @param customers the segment to restrict to, or {@code null} for every customer (see {@link CustomerFilter})
   * @param rc its progress: receives fractions in [0, 1]; its cancellation check: polled during the work
   * @return the cohorts; empty when no row has a customer
   * @throws IllegalArgumentException if {@code rows} are not ascending valid indices
   * @throws java.util.concurrent.CancellationException if {@code cancelled} answers true
   */
  public static CohortTable build(Transactions tx, int[] rows, IntPredicate customers, RunControl rc) {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Progress.checkRows(rows, tx.size());
    int[] sel = CustomerFilter.select(tx.customer(), rows, customers);
    TextColumn customer = tx.customer();
    long[] date = tx.invoiceDate();
    Progress.report(progress, 0.0);

    int[] month = new int[sel.length];
    int[] firstMonth = new int[customer.dictionary().length];
    Arrays.fill(firstMonth, Integer.MAX_VALUE);
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    Calendar cal = new Calendar();
    for (int i = 0; i < sel.length; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0) Progress.check(cancelled);
      int c = customer.code(sel[i]);
      if (c == TextColumn.MISSING) continue;
      int m = cal.month(date[sel[i]]);
      month[i] = m;
      firstMonth[c] = Math.min(firstMonth[c], m);
      first = Math.min(first, m);
      last = Math.max(last, m);
    }
    if (first == Integer.MAX_VALUE) return new CohortTable(List.of(), List.of());
    Progress.report(progress, 0.5);
    return follow(tx, sel, month, firstMonth, first, last - first + 1, cancelled, progress);
  }

  private static CohortTable follow(Transactions tx, int[] sel, int[] month, int[] firstMonth, int first, int months,
      BooleanSupplier cancelled, DoubleConsumer progress) {
    TextColumn customer = tx.customer();
    // Bucket = cohort × offset, flattened; a customer is counted once per bucket.
    Distinct active = new Distinct(months * months, customer.dictionary().length, sel.length);
    double[][] revenue = new double[months][months];
    int[] size = new int[months];
    for (int m : firstMonth) if (m != Integer.MAX_VALUE) size[m - first]++;
    for (int i = 0; i < sel.length; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0) Progress.check(cancelled);
      int c = customer.code(sel[i]);
      if (c == TextColumn.MISSING) continue;
      int cohort = firstMonth[c] - first;
      int offset = month[i] - firstMonth[c];
      active.add(cohort * months + offset, c);
      revenue[cohort][offset] += tx.revenue(sel[i]);
    }
    int[] counts = active.counts();
    List<Cohort> cohorts = new ArrayList<>();
    for (int k = 0; k < months; k++) {
      if (size[k] == 0) continue;
      int len = months - k;
      int[] act = Arrays.copyOfRange(counts, k * months, k * months + len);
      double[] ret = new double[len];
      for (int j = 0; j < len; j++) ret[j] = (double) act[j] / size[k];
      cohorts.add(new Cohort(Calendar.label(first + k), size[k], ret, act, Arrays.copyOf(revenue[k], len)));
    }
    List<String> labels = new ArrayList<>(months);
    for (int m = 0; m < months; m++) labels.add(Calendar.label(first + m));
    Progress.report(progress, 1.0);
    return new CohortTable(cohorts, labels);
  }
}
