package dev.segmentlab.core.value;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.quality.CleanedData;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Each customer's purchase days and spend per day, from the cleaned transaction lines: the common ground of the
 * model summary ({@link #summary}), the holdout counts ({@link #purchaseDays}) and the lookup's timeline.
 *
 * <p>A purchase day is a calendar day (of the invoice date as written in the file) with at least one kept line of
 * the customer, as {@code lifetimes}' {@code summary_data_from_transaction_data(freq="D")} counts them; its spend
 * is Σ quantity × unit price of those lines. Customers are in numeric id order when all ids are numbers.
 */
public final class PurchaseDays {
  private final String[] ids;
  private final int[] start;     // customer i's days are days[start[i] .. start[i+1])
  private final long[] days;     // epoch day, ascending within a customer
  private final double[] spend;  // spend on that day
  private final long lastDay;

  private PurchaseDays(String[] ids, int[] start, long[] days, double[] spend, long lastDay) {
    this.ids = ids;
    this.start = start;
    this.days = days;
    this.spend = spend;
    this.lastDay = lastDay;
  }

  /**
   * Groups the cleaned lines by customer and day.
   *
   * @throws IllegalArgumentException when no kept line has a customer id
   */
  public static PurchaseDays of(CleanedData data) {
    Transactions tx = data.transactions();
    TextColumn cust = tx.customer();
    String[] dict = cust.dictionary();
    int[] count = new int[dict.length];
    int[] codes = cust.codes();
    for (int r : data.rows()) if (codes[r] != TextColumn.MISSING) count[codes[r]]++;
    Integer[] present = IntStream.range(0, dict.length).filter(c -> count[c] > 0).boxed().toArray(Integer[]::new);
    if (present.length == 0) throw new IllegalArgumentException("No customer is left after cleaning: there is nothing to model.");
    Arrays.sort(present, idOrder(dict));
    int n = present.length;
    int[] index = new int[dict.length];
    int[] rowStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      index[present[i]] = i;
      rowStart[i + 1] = rowStart[i] + count[present[i]];
    }
    // per customer: (day << 32 | position) so one sort orders the lines by day
    long[] keyed = new long[rowStart[n]];
    double[] lineSpend = new double[rowStart[n]];
    int[] fill = Arrays.copyOf(rowStart, n);
    long[] dates = tx.invoiceDate();
    long last = Long.MIN_VALUE;
    for (int r : data.rows()) {
      if (codes[r] == TextColumn.MISSING) continue;
      int i = index[codes[r]];
      int pos = fill[i]++;
      long day = Math.floorDiv(dates[r], 86_400L);
      last = Math.max(last, day);
      keyed[pos] = (day << 32) | (pos - rowStart[i]);
      lineSpend[pos] = tx.revenue(r);
    }
    int[] start = new int[n + 1];
    long[] days = new long[keyed.length];
    double[] spend = new double[keyed.length];
    int out = 0;
    for (int i = 0; i < n; i++) {
      start[i] = out;
      Arrays.sort(keyed, rowStart[i], rowStart[i + 1]);
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        long day = keyed[k] >> 32;
        double s = lineSpend[rowStart[i] + (int) (keyed[k] & 0xffffffffL)];
        if (out > start[i] && days[out - 1] == day) {
          spend[out - 1] += s;
        } else {
          days[out] = day;
          spend[out++] = s;
        }
      }
    }
    start[n] = out;
    return new PurchaseDays(ids(present, dict), start, Arrays.copyOf(days, out), Arrays.copyOf(spend, out), last);
  }

  private static String[] ids(Integer[] present, String[] dict) {
    String[] ids = new String[present.length];
    for (int i = 0; i < ids.length; i++) ids[i] = dict[present[i]];
    return ids;
  }

  private static Comparator<Integer> idOrder(String[] dict) {
    boolean numeric = true;
    for (String s : dict) {
      if (!isNumber(s)) { numeric = false; break; }
    }
    if (numeric) return Comparator.comparingDouble((Integer c) -> Double.parseDouble(dict[c])).thenComparing(c -> dict[c]);
    return Comparator.comparing((Integer c) -> dict[c]);
  }

  private static boolean isNumber(String s) {
    try {
      return s != null && Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public int customers() { return ids.length; }

  /** Customer ids (a copy). */
  public String[] ids() { return ids.clone(); }

  public String id(int i) { return ids[i]; }

  /** The last purchase day of any customer. */
  public LocalDate lastDay() { return LocalDate.ofEpochDay(lastDay); }

  /** Customer i's purchase days, ascending. */
  public LocalDate[] days(int i) {
    LocalDate[] d = new LocalDate[start[i + 1] - start[i]];
    for (int k = 0; k < d.length; k++) d[k] = LocalDate.ofEpochDay(days[start[i] + k]);
    return d;
  }

  /** Customer i's spend on each of {@link #days(int)}. */
  public double[] spend(int i) { return Arrays.copyOfRange(spend, start[i], start[i + 1]); }

  /**
   * The model summary at the end of a day: purchases after {@code end} are ignored and customers whose first
   * purchase is after it are left out.
   *
   * @param end the last day of the (calibration) data, or null for the last purchase day
   */
  public PurchaseSummary summary(LocalDate end) {
    long e = end == null ? lastDay : end.toEpochDay();
    int n = 0;
    for (int i = 0; i < ids.length; i++) if (days[start[i]] <= e) n++;
    String[] out = new String[n];
    double[] x = new double[n], rec = new double[n], age = new double[n], m = new double[n];
    int j = 0;
    for (int i = 0; i < ids.length; i++) {
      long first = days[start[i]];
      if (first > e) continue;
      int k = start[i] + 1;
      double repeat = 0;
      long lastSeen = first;
      for (; k < start[i + 1] && days[k] <= e; k++) {
        repeat += spend[k];
        lastSeen = days[k];
      }
      int c = k - start[i] - 1;
      out[j] = ids[i];
      x[j] = c;
      rec[j] = lastSeen - first;
      age[j] = e - first;
      m[j] = c == 0 ? 0 : repeat / c;
      j++;
    }
    return new PurchaseSummary(out, x, rec, age, m, LocalDate.ofEpochDay(e));
  }

  /** Purchase days of customer i in (after, upTo]. */
  public int purchaseDays(int i, LocalDate after, LocalDate upTo) {
    long a = after.toEpochDay(), b = upTo.toEpochDay();
    int c = 0;
    for (int k = start[i]; k < start[i + 1]; k++) if (days[k] > a && days[k] <= b) c++;
    return c;
  }
}
