package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.IntFunction;

/**
 * Builds the {@link Overview} of a set of transaction rows: activity by month, weekday, hour and country,
 * basket and customer distributions, key figures. Synchronous and single-threaded; about a tenth of a second for
 * the 390k cleaned rows of Online Retail.
 */
public final class OverviewBuilder {
  /** Country label for rows with a blank country. */
  public static final String UNKNOWN_COUNTRY = "(unknown)";
  private static final int CHECK_EVERY = 1 << 16;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /**
   * @param topCountries how many countries to list, ≥ 1
   * @param bins bins of the basket histograms, ≥ 1
   * @param clipQuantile quantile in (0, 1] where basket histograms stop; larger baskets count as overflow
   * @param logBins bins of the log-spaced revenue-per-customer histogram, ≥ 1
   */
  public record Options(int topCountries, int bins, double clipQuantile, int logBins) {
    /** 10 countries, 30 bins clipped at the 99th percentile, 30 log bins. */
    public static final Options DEFAULT = new Options(10, 30, 0.99, 30);

    public Options {
      if (topCountries < 1) throw new IllegalArgumentException("topCountries must be >= 1, was " + topCountries);
      if (bins < 1 || logBins < 1) throw new IllegalArgumentException("bins and logBins must be >= 1");
      if (!(clipQuantile > 0 && clipQuantile <= 1)) {
        throw new IllegalArgumentException("clipQuantile must be in (0, 1], was " + clipQuantile);
      }
    }
  }

  private OverviewBuilder() {}

  /** {@link #build(Transactions, int[], Predicate, IntPredicate, Options, RunControl)} for all customers with default options. */
  public static Overview build(Transactions tx, int[] rows, Predicate<String> nonProduct) {
    return build(tx, rows, nonProduct, null, Options.DEFAULT, RunControl.none());
  }

  /**
   * Builds the overview.
   *
   * @param tx the transactions
   * @param rows strictly ascending indices of the rows to use (the cleaned rows)
   * @param nonProduct true for a normalised (trimmed, upper-case) stock code that is not a product (postage,
   *     fees); such rows count towards revenue and orders but not towards products
   * @param customers the segment to restrict to, or {@code null} for every row (see {@link CustomerFilter})
   * @param options bins and list lengths
   * @param rc its progress: receives fractions in [0, 1]; its cancellation check: polled during the work
   * @return the overview; empty lists and zero figures when no row is selected
   * @throws IllegalArgumentException if {@code rows} are not ascending valid indices
   * @throws java.util.concurrent.CancellationException if {@code cancelled} answers true
   */
  public static Overview build(Transactions tx, int[] rows, Predicate<String> nonProduct, IntPredicate customers,
      Options options, RunControl rc) {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Progress.checkRows(rows, tx.size());
    int[] sel = CustomerFilter.select(tx.customer(), rows, customers);
    StockCodes codes = StockCodes.of(tx.stockCode(), nonProduct);
    Progress.report(progress, 0.0);
    Progress.check(cancelled);
    Periods periods = periods(tx, sel, cancelled);
    Progress.report(progress, 0.4);
    Baskets baskets = baskets(tx, sel, codes, cancelled);
    Progress.report(progress, 0.8);
    List<CountryRevenue> countries = countries(tx, sel, periods.total, options.topCountries());
    Overview o = new Overview(keyFigures(tx, sel, periods.total, baskets),
        periods.monthly, periods.weekdays, periods.hours, countries,
        new Distribution(Summary.of(baskets.units), Histogram.linear(baskets.units, options.bins(), options.clipQuantile())),
        new Distribution(Summary.of(baskets.products), Histogram.linear(baskets.products, options.bins(), options.clipQuantile())),
        new Distribution(Summary.of(baskets.revenue), Histogram.linear(baskets.revenue, options.bins(), options.clipQuantile())),
        new Distribution(Summary.of(baskets.customerRevenue), Histogram.logarithmic(baskets.customerRevenue, options.logBins())));
    Progress.report(progress, 1.0);
    return o;
  }

  private record Periods(List<MonthlyPoint> monthly, List<PeriodPoint> weekdays, List<PeriodPoint> hours,
      double total) {}

  private static Periods periods(Transactions tx, int[] sel, BooleanSupplier cancelled) {
    long[] date = tx.invoiceDate();
    int[] month = new int[sel.length];
    Calendar cal = new Calendar();
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (int i = 0; i < sel.length; i++) {
      month[i] = cal.month(date[sel[i]]);
      first = Math.min(first, month[i]);
      last = Math.max(last, month[i]);
    }
    int months = sel.length == 0 ? 0 : last - first + 1;
    Slots byMonth = new Slots(months, tx, sel.length);
    Slots byWeekday = new Slots(7, tx, sel.length);
    Slots byHour = new Slots(24, tx, sel.length);
    double total = 0;
    for (int i = 0; i < sel.length; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0) Progress.check(cancelled);
      int r = sel[i];
      double rev = tx.revenue(r);
      total += rev;
      byMonth.add(month[i] - first, r, rev);
      byWeekday.add(Calendar.weekday(date[r]), r, rev);
      byHour.add(Calendar.hour(date[r]), r, rev);
    }
    List<MonthlyPoint> monthly = new ArrayList<>(months);
    int[] mo = byMonth.orders.counts();
    int[] mc = byMonth.customers.counts();
    for (int m = 0; m < months; m++) {
      monthly.add(new MonthlyPoint(Calendar.label(first + m), byMonth.revenue[m], mo[m], mc[m]));
    }
    return new Periods(monthly, byWeekday.points(i -> Calendar.WEEKDAYS[i]),
        byHour.points(i -> String.format("%02d:00", i)), total);
  }

  /** Revenue, orders and customers per slot of one dimension. */
  private static final class Slots {
    final double[] revenue;
    final Distinct orders;
    final Distinct customers;
    private final TextColumn invoice;
    private final TextColumn customer;

    Slots(int slots, Transactions tx, int rows) {
      revenue = new double[slots];
      invoice = tx.invoice();
      customer = tx.customer();
      orders = new Distinct(slots, invoice.dictionary().length, rows);
      customers = new Distinct(slots, customer.dictionary().length, rows);
    }

    void add(int slot, int row, double rev) {
      revenue[slot] += rev;
      orders.add(slot, invoice.code(row));
      customers.add(slot, customer.code(row));
    }

    List<PeriodPoint> points(IntFunction<String> label) {
      int[] o = orders.counts();
      int[] c = customers.counts();
      List<PeriodPoint> out = new ArrayList<>(revenue.length);
      for (int i = 0; i < revenue.length; i++) out.add(new PeriodPoint(i, label.apply(i), revenue[i], o[i], c[i]));
      return out;
    }
  }

  private static List<CountryRevenue> countries(Transactions tx, int[] sel, double total, int top) {
    TextColumn country = tx.country();
    int unknown = country.dictionary().length;
    Slots slots = new Slots(unknown + 1, tx, sel.length);
    boolean[] present = new boolean[unknown + 1];
    for (int r : sel) {
      int c = country.code(r);
      int slot = c == TextColumn.MISSING ? unknown : c;
      present[slot] = true;
      slots.add(slot, r, tx.revenue(r));
    }
    List<PeriodPoint> all = slots.points(i -> i == unknown ? UNKNOWN_COUNTRY : country.dictionary()[i]);
    List<CountryRevenue> out = new ArrayList<>();
    for (PeriodPoint p : all) {
      if (!present[p.index()]) continue;
      out.add(new CountryRevenue(p.label(), p.revenue(), total == 0 ? 0 : p.revenue() / total, p.orders(), p.customers()));
    }
    out.sort(Comparator.comparingDouble(CountryRevenue::revenue).reversed().thenComparing(CountryRevenue::country));
    return out.subList(0, Math.min(top, out.size()));
  }

  /** Per-invoice and per-customer aggregates, one value per invoice / customer present. */
  private record Baskets(double[] units, double[] products, double[] revenue, double[] customerRevenue,
      int distinctProducts) {}

  private static Baskets baskets(Transactions tx, int[] sel, StockCodes codes, BooleanSupplier cancelled) {
    TextColumn invoice = tx.invoice();
    TextColumn customer = tx.customer();
    int invoices = invoice.dictionary().length;
    double[] units = new double[invoices];
    double[] revenue = new double[invoices];
    boolean[] hasInvoice = new boolean[invoices];
    double[] custRevenue = new double[customer.dictionary().length];
    boolean[] hasCustomer = new boolean[custRevenue.length];
    boolean[] hasProduct = new boolean[codes.products.length];
    Distinct productsPerInvoice = new Distinct(invoices, codes.products.length, sel.length);
    for (int i = 0; i < sel.length; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0) Progress.check(cancelled);
      int r = sel[i];
      double rev = tx.revenue(r);
      int p = codes.product(tx, r);
      if (p >= 0) hasProduct[p] = true;
      int inv = invoice.code(r);
      if (inv != TextColumn.MISSING) {
        hasInvoice[inv] = true;
        units[inv] += tx.quantity()[r];
        revenue[inv] += rev;
        productsPerInvoice.add(inv, p);
      }
      int c = customer.code(r);
      if (c != TextColumn.MISSING) {
        hasCustomer[c] = true;
        custRevenue[c] += rev;
      }
    }
    int[] perInvoice = productsPerInvoice.counts();
    double[] productCounts = new double[invoices];
    for (int inv = 0; inv < invoices; inv++) productCounts[inv] = perInvoice[inv];
    int distinctProducts = 0;
    for (boolean b : hasProduct) if (b) distinctProducts++;
    return new Baskets(compact(units, hasInvoice), compact(productCounts, hasInvoice), compact(revenue, hasInvoice),
        compact(custRevenue, hasCustomer), distinctProducts);
  }

  private static double[] compact(double[] values, boolean[] present) {
    double[] out = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) if (present[i]) out[n++] = values[i];
    return Arrays.copyOf(out, n);
  }

  private static KeyFigures keyFigures(Transactions tx, int[] sel, double revenue, Baskets b) {
    int invoices = b.units.length;
    long[] date = tx.invoiceDate();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int r : sel) {
      min = Math.min(min, date[r]);
      max = Math.max(max, date[r]);
    }
    String first = sel.length == 0 ? "" : ISO.format(Transactions.toDateTime(min));
    String last = sel.length == 0 ? "" : ISO.format(Transactions.toDateTime(max));
    return new KeyFigures(sel.length, b.customerRevenue.length, invoices, b.distinctProducts, revenue,
        invoices == 0 ? 0 : revenue / invoices, first, last);
  }
}
