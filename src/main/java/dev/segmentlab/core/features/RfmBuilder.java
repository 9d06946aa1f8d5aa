package dev.segmentlab.core.features;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.ReturnsNetting;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Computes RFM and the other transaction features per customer, in one pass over the cleaned rows grouped by
 * customer (a counting sort, no hashing of pairs).
 *
 * <ul>
 *   <li>snapshot = the day after the last invoice date of the cleaned rows, at midnight (or as given)</li>
 *   <li>recency = whole days from the customer's last invoice to the snapshot (floor)</li>
 *   <li>frequency = distinct invoices; monetary = Σ quantity × unit price</li>
 *   <li>tenure = whole days from the first invoice to the snapshot</li>
 *   <li>avg_order_value = monetary / frequency; avg_items_per_order = Σ quantity / frequency</li>
 *   <li>distinct_products = distinct stock codes</li>
 *   <li>return_rate = the customer's cancellation rows ÷ all the customer's rows, on the raw (uncleaned) data</li>
 * </ul>
 *
 * <p>When the returns were netted ({@link dev.segmentlab.core.quality.Returns#NET}) the quantities are the netted
 * ones: a line taken back whole is not a purchase (no order, no date, no product), the value no purchase covered
 * is subtracted from monetary, and customers whose net spend is &le; 0 are left out.
 */
public final class RfmBuilder {
  private RfmBuilder() {}

  /** Every feature key this builder computes, in order. */
  public static final List<String> ALL = List.of("recency", "frequency", "monetary", "tenure", "avg_order_value",
      "distinct_products", "avg_items_per_order", "return_rate");

  /** Default clustering features. */
  public static final List<String> RFM = List.of("recency", "frequency", "monetary");

  /**
   * @param snapshot the snapshot date-time, or null for the day after the last cleaned invoice
   * @throws IllegalArgumentException when no cleaned row has a customer
   */
  public static CustomerFeatures build(CleanedData data, LocalDateTime snapshot) {
    Transactions tx = data.transactions();
    int[] rows = data.rows();
    TextColumn cust = tx.customer();
    int dictSize = cust.dictionary().length;
    // dense customer index by code, in id order
    ReturnsNetting netting = data.netting();
    double[] q = data.quantity(), p = tx.unitPrice();
    int[] count = new int[dictSize];
    for (int r : rows) {
      int c = cust.code(r);
      if (c != TextColumn.MISSING && (netting == null || (q[r] > 0 && !netting.isExcluded(c)))) count[c]++;
    }
    Integer[] present = IntStream.range(0, dictSize).filter(c -> count[c] > 0).boxed().toArray(Integer[]::new);
    if (present.length == 0) {
      throw new IllegalArgumentException("No customer is left after cleaning: check the cleaning rules and the customer id column.");
    }
    String[] dict = cust.dictionary();
    Arrays.sort(present, IdOrder.comparator(dict));
    int n = present.length;
    int[] index = new int[dictSize];
    Arrays.fill(index, -1);
    int[] codes = new int[n];
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      index[present[i]] = i;
      codes[i] = present[i];
      ids[i] = dict[present[i]];
    }
    // group the rows by customer (counting sort)
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) start[i + 1] = start[i] + count[codes[i]];
    int[] grouped = new int[start[n]];
    int[] fill = Arrays.copyOf(start, n);
    long maxDate = Long.MIN_VALUE;
    long[] dates = tx.invoiceDate();
    for (int r : rows) {
      int c = cust.code(r);
      if (c == TextColumn.MISSING || index[c] < 0 || (netting != null && q[r] <= 0)) continue;
      grouped[fill[index[c]]++] = r;
      if (dates[r] > maxDate) maxDate = dates[r];
    }
    long snap = snapshot != null ? Transactions.toEpochSeconds(snapshot)
        : (Math.floorDiv(maxDate, 86_400L) + 1) * 86_400L;

    double[] recency = new double[n], frequency = new double[n], monetary = new double[n], tenure = new double[n];
    double[] aov = new double[n], products = new double[n], items = new double[n];
    int[] invoiceStamp = new int[tx.invoice().dictionary().length + 1];
    int[] productStamp = new int[tx.stockCode().dictionary().length + 1];
    int[] countryCount = new int[tx.country().dictionary().length + 1];
    String[] countries = new String[n];
    for (int i = 0; i < n; i++) {
      int stamp = i + 1;
      long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
      int inv = 0, prod = 0;
      double money = 0, qty = 0;
      int bestCountry = -1;
      for (int k = start[i]; k < start[i + 1]; k++) {
        int r = grouped[k];
        long d = dates[r];
        if (d < first) first = d;
        if (d > last) last = d;
        int ic = tx.invoice().code(r) + 1;
        if (invoiceStamp[ic] != stamp) { invoiceStamp[ic] = stamp; inv++; }
        int pc = tx.stockCode().code(r) + 1;
        if (productStamp[pc] != stamp) { productStamp[pc] = stamp; prod++; }
        money += q[r] * p[r];
        qty += q[r];
        int cc = tx.country().code(r) + 1;
        countryCount[cc]++;
        if (bestCountry < 0 || countryCount[cc] > countryCount[bestCountry]) bestCountry = cc;
      }
      for (int k = start[i]; k < start[i + 1]; k++) countryCount[tx.country().code(grouped[k]) + 1] = 0;
      if (netting != null) money -= netting.unmatched()[codes[i]];
      recency[i] = Math.floorDiv(snap - last, 86_400L);
      tenure[i] = Math.floorDiv(snap - first, 86_400L);
      frequency[i] = inv;
      monetary[i] = money;
      aov[i] = money / inv;
      products[i] = prod;
      items[i] = qty / inv;
      countries[i] = bestCountry <= 0 ? null : tx.country().dictionary()[bestCountry - 1];
    }
    double[] returnRate = returnRate(tx, index, n);
    return new CustomerFeatures(ids, ALL, new double[][] {recency, frequency, monetary, tenure, aov, products,
        items, returnRate}, countries, Transactions.toDateTime(snap), codes);
  }

  /** Share of each customer's raw rows that are cancellations. */
  private static double[] returnRate(Transactions tx, int[] index, int n) {
    int[] all = new int[n], cancelled = new int[n];
    String[] inv = tx.invoice().dictionary();
    boolean[] isCancel = new boolean[inv.length];
    for (int c = 0; c < inv.length; c++) isCancel[c] = !inv[c].isEmpty() && (inv[c].charAt(0) == 'C' || inv[c].charAt(0) == 'c');
    int[] cc = tx.customer().codes();
    int[] ic = tx.invoice().codes();
    for (int r = 0; r < cc.length; r++) {
      if (cc[r] == TextColumn.MISSING) continue;
      int i = index[cc[r]];
      if (i < 0) continue;
      all[i]++;
      if (ic[r] != TextColumn.MISSING && isCancel[ic[r]]) cancelled[i]++;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = all[i] == 0 ? 0 : cancelled[i] / (double) all[i];
    return out;
  }
}
