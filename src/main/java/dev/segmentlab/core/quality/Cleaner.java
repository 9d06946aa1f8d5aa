package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Applies the cleaning rules in order and counts what each removes. Works on the columnar arrays (tens of
 * milliseconds for Online Retail), so the Quality step can re-run it on every toggle.
 */
public final class Cleaner {
  private Cleaner() {}

  /** Cleans with a never-cancelled check. */
  public static CleanedData clean(Transactions tx, CleaningOptions options) {
    return clean(tx, options, () -> false);
  }

  /**
   * @throws CancellationException when {@code cancelled} turns true
   */
  public static CleanedData clean(Transactions tx, CleaningOptions options, BooleanSupplier cancelled) {
    int n = tx.size();
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) rows[i] = i;
    int size = n;
    List<CleaningReport.Step> steps = new ArrayList<>();
    for (CleaningRule rule : CleaningRule.values()) {
      if (!options.isOn(rule)) continue;
      if (cancelled.getAsBoolean()) throw new CancellationException("Cleaning cancelled");
      int before = size;
      size = apply(rule, tx, options, rows, size);
      steps.add(new CleaningReport.Step(rule, before - size, size));
    }
    int[] kept = Arrays.copyOf(rows, size);
    int customers = distinctCustomers(tx.customer(), kept);
    boolean removesCancellations = options.isOn(CleaningRule.CANCELLATIONS) || options.isOn(CleaningRule.NON_POSITIVE);
    // with both rules off the cancellation lines stay among the kept rows and subtract themselves: nothing to net
    if (options.returns() == Returns.DROP || !removesCancellations) {
      return new CleanedData(tx, kept, options, new CleaningReport(steps, n, size, customers));
    }
    if (cancelled.getAsBoolean()) throw new CancellationException("Cleaning cancelled");
    ReturnsNetting netting = ReturnsNetting.of(tx, kept, cancellationsToNet(tx, options));
    return new CleanedData(tx, kept, options,
        new CleaningReport(steps, n, size, customers - netting.excludedCustomers()), netting);
  }

  /**
   * The cancellation lines (invoice starting with C, negative quantity, with a customer) that only the
   * cancellation and non-positive rules removed: the other rules (duplicates, bad debt, non-product codes) still
   * decide which cancellations count.
   */
  private static int[] cancellationsToNet(Transactions tx, CleaningOptions options) {
    int n = tx.size();
    int[] rows = new int[n];
    int size = 0;
    String[] dict = tx.invoice().dictionary();
    boolean[] isCancel = new boolean[dict.length];
    for (int c = 0; c < dict.length; c++) isCancel[c] = !dict[c].isEmpty() && Character.toUpperCase(dict[c].charAt(0)) == 'C';
    double[] q = tx.quantity();
    for (int r = 0; r < n; r++) {
      int ic = tx.invoice().code(r);
      if (ic != TextColumn.MISSING && isCancel[ic] && q[r] < 0 && !tx.customer().isMissing(r)) rows[size++] = r;
    }
    for (CleaningRule rule : CleaningRule.values()) {
      if (!options.isOn(rule) || rule == CleaningRule.CANCELLATIONS || rule == CleaningRule.NON_POSITIVE) continue;
      size = apply(rule, tx, options, rows, size);
    }
    return Arrays.copyOf(rows, size);
  }

  /** Keeps the rows of {@code rows[0, size)} that the rule does not remove; returns the new size. */
  private static int apply(CleaningRule rule, Transactions tx, CleaningOptions o, int[] rows, int size) {
    switch (rule) {
      case MISSING_CUSTOMER: {
        int[] c = tx.customer().codes();
        int k = 0;
        for (int i = 0; i < size; i++) if (c[rows[i]] != TextColumn.MISSING) rows[k++] = rows[i];
        return k;
      }
      case CANCELLATIONS:
        return keepUnlessInvoiceStarts(tx.invoice(), rows, size, 'C');
      case BAD_DEBT:
        return keepUnlessInvoiceStarts(tx.invoice(), rows, size, 'A');
      case NON_POSITIVE: {
        double[] q = tx.quantity(), p = tx.unitPrice();
        int k = 0;
        for (int i = 0; i < size; i++) {
          int r = rows[i];
          if (q[r] > 0 && p[r] > 0) rows[k++] = r;
        }
        return k;
      }
      case NON_PRODUCT: {
        TextColumn sc = tx.stockCode();
        boolean[] drop = new boolean[sc.dictionary().length];
        for (int c = 0; c < drop.length; c++) drop[c] = o.isNonProduct(sc.dictionary()[c]);
        int k = 0;
        for (int i = 0; i < size; i++) {
          int code = sc.code(rows[i]);
          if (code == TextColumn.MISSING || !drop[code]) rows[k++] = rows[i];
        }
        return k;
      }
      case DUPLICATES:
        return DuplicateFinder.keepFirst(tx, rows, size);
      default:
        throw new IllegalStateException(rule.name());
    }
  }

  private static int keepUnlessInvoiceStarts(TextColumn invoice, int[] rows, int size, char letter) {
    String[] dict = invoice.dictionary();
    boolean[] drop = new boolean[dict.length];
    char lower = Character.toLowerCase(letter);
    for (int c = 0; c < dict.length; c++) {
      String s = dict[c];
      drop[c] = !s.isEmpty() && (s.charAt(0) == letter || s.charAt(0) == lower);
    }
    int k = 0;
    for (int i = 0; i < size; i++) {
      int code = invoice.code(rows[i]);
      if (code == TextColumn.MISSING || !drop[code]) rows[k++] = rows[i];
    }
    return k;
  }

  /** Distinct non-blank values of a text column over some rows. */
  public static int distinctCustomers(TextColumn customer, int[] rows) {
    boolean[] seen = new boolean[customer.dictionary().length];
    int n = 0;
    for (int r : rows) {
      int c = customer.code(r);
      if (c != TextColumn.MISSING && !seen[c]) { seen[c] = true; n++; }
    }
    return n;
  }
}
