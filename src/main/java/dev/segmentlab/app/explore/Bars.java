package dev.segmentlab.app.explore;

import dev.segmentlab.core.explore.CountryRevenue;
import dev.segmentlab.core.explore.Histogram;
import dev.segmentlab.core.explore.MonthCoverage;
import dev.segmentlab.core.explore.MonthlyPoint;
import dev.segmentlab.core.explore.Overview;
import dev.segmentlab.core.explore.PeriodPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/** Turns overview snapshots into labelled bars; pure, so the labels are tested without a toolkit. */
public final class Bars {
  private Bars() {}

  /** One bar per month, "2011-11", with every figure in the tip. */
  public static List<Bar> monthly(List<MonthlyPoint> points, PeriodMetric metric) {
    List<Bar> out = new ArrayList<>(points.size());
    for (MonthlyPoint p : points) {
      out.add(new Bar(p.month(), value(metric, p.revenue(), p.orders(), p.customers()),
          tip(p.month(), p.revenue(), p.orders(), p.customers())));
    }
    return out;
  }

  /**
   * One bar per month with the months the data covers only in part marked: labelled "2011-12" over
   * "partial: 9 days", drawn lighter, and said in the tip (December 2011 is not a collapse).
   */
  public static List<Bar> monthly(Overview o, PeriodMetric metric) {
    List<MonthCoverage> coverage = MonthCoverage.of(o.monthly(), o.keyFigures().firstDate(), o.keyFigures().lastDate());
    List<Bar> plain = monthly(o.monthly(), metric);
    List<Bar> out = new ArrayList<>(plain.size());
    for (int i = 0; i < plain.size(); i++) {
      Bar b = plain.get(i);
      MonthCoverage c = coverage.get(i);
      out.add(c.partial() ? new Bar(b.label() + "\n" + c.label(), b.value(), b.tip() + "\nThe data covers " + c.days()
          + " of the month's " + c.length() + " days.", true) : b);
    }
    return out;
  }

  /**
   * One bar per weekday or hour. With {@code trimEmptyEnds}, slots before the first and after the last active
   * one are left out (a shop open 07:00–20:00 shows those hours, not 24).
   */
  public static List<Bar> periods(List<PeriodPoint> points, PeriodMetric metric, boolean trimEmptyEnds) {
    int from = 0;
    int to = points.size();
    if (trimEmptyEnds) {
      while (from < to && points.get(from).orders() == 0) from++;
      while (to > from && points.get(to - 1).orders() == 0) to--;
    }
    List<Bar> out = new ArrayList<>(to - from);
    for (PeriodPoint p : points.subList(from, to)) {
      out.add(new Bar(p.label(), value(metric, p.revenue(), p.orders(), p.customers()),
          tip(p.label(), p.revenue(), p.orders(), p.customers())));
    }
    return out;
  }

  /**
   * Countries by descending revenue, labelled with their share ("Germany 2.6%"): one country often dwarfs the
   * rest, and the share keeps the short bars readable.
   */
  public static List<Bar> countries(List<CountryRevenue> countries) {
    List<Bar> out = new ArrayList<>(countries.size());
    for (CountryRevenue c : countries) {
      out.add(new Bar(c.country() + " " + Formats.percent1(c.share()), c.revenue(), tip(c.country(), c.revenue(), c.orders(), c.customers())
          + "\n" + Formats.percent1(c.share()) + " of revenue"));
    }
    return out;
  }

  /**
   * One bar per bin, labelled by its lower edge ("1.2k"); values below the first edge and above the last get a
   * bar of their own ("≤ 0", "> 1.5k") so nothing is silently dropped. On a logarithmic histogram the bins are
   * evenly spaced in log, so the category axis reads as a log axis.
   *
   * @param what the counted thing, plural ("invoices", "customers")
   * @param unit what the values are ("units", "revenue")
   */
  public static List<Bar> histogram(Histogram h, String what, String unit) {
    double[] e = h.edges();
    long[] c = h.counts();
    List<Bar> out = new ArrayList<>(c.length + 2);
    if (h.below() > 0) {
      String label = h.logarithmic() ? "≤ 0" : "< " + Formats.compact(e[0]);
      out.add(new Bar(label, h.below(), Formats.count(h.below()) + " " + what + " with " + unit + " " + label));
    }
    for (int i = 0; i < c.length; i++) {
      String range = Formats.compact(e[i]) + " – " + Formats.compact(e[i + 1]);
      out.add(new Bar(Formats.compact(e[i]), c[i], Formats.count(c[i]) + " " + what + " with " + unit + " " + range));
    }
    if (h.above() > 0) {
      String label = "> " + Formats.compact(e[c.length]);
      out.add(new Bar(label, h.above(), Formats.count(h.above()) + " " + what + " with " + unit + " " + label));
    }
    return dedupe(out);
  }

  /** Compact labels of narrow bins can coincide; a category axis needs unique names. */
  private static List<Bar> dedupe(List<Bar> bars) {
    Set<String> seen = new HashSet<>();
    List<Bar> out = new ArrayList<>(bars.size());
    for (Bar b : bars) {
      String label = b.label();
      while (!seen.add(label)) label = label + "\u200b";
      out.add(label.equals(b.label()) ? b : new Bar(label, b.value(), b.tip()));
    }
    return out;
  }

  private static double value(PeriodMetric m, double revenue, int orders, int customers) {
    switch (m) {
      case ORDERS: return orders;
      case CUSTOMERS: return customers;
      default: return revenue;
    }
  }

  private static String tip(String what, double revenue, int orders, int customers) {
    return what + "\nRevenue " + Formats.money(revenue) + "\nOrders " + Formats.count(orders)
        + "\nCustomers " + Formats.count(customers);
  }
}
