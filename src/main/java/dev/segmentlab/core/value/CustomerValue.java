package dev.segmentlab.core.value;

import java.util.Map;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Both models fitted on one summary and what they predict per customer: P(alive), expected purchases in the next
 * 30, 90 and 365 days, expected spend per purchase and the discounted CLV, as {@code lifetimes}' {@code
 * customer_lifetime_value(freq="D")}: Σ over months i = 1..M of E[spend] × (E[X(30 i)] − E[X(30 (i − 1))]) /
 * (1 + d)^i.
 */
public final class CustomerValue {
  private CustomerValue() {}

  /**
   * The fitted models. Time is in days (the summary's periods).
   *
   * @param fitSeconds wall-clock time of both fits
   * @param fitCpuSeconds CPU time of the fitting thread (what the fits cost on a busy machine), or NaN
   */
  public record Model(BgNbd.Fit purchases, GammaGamma.Fit spend, ValueOptions options, int customers,
      double fitSeconds, double fitCpuSeconds) {

    /** One line for an analyst on the dropout parameters, or null when the data pins them down. */
    public String dropoutNote() {
      if (purchases.dropoutIdentified()) return null;
      return String.format(Locale.ROOT, "The dropout parameters a and b are barely identified on this data "
          + "(pinning a near 0 lowers the log-likelihood by only %.2f): judge the fit by its predictions, not by a and b.",
          purchases.dropoutLogLikelihoodGain());
    }
  }

  /**
   * Per-customer predictions, in the summary's row order.
   *
   * @param clv the discounted value of the next {@code months} months, in the data's money
   */
  public record Values(String[] ids, double[] pAlive, double[] purchases30, double[] purchases90,
      double[] purchases365, double[] spend, double[] clv) {

    public int size() { return ids.length; }

    public double totalPurchases90() {
      double s = 0;
      for (double v : purchases90) s += v;
      return s;
    }

    public double totalClv() {
      double s = 0;
      for (double v : clv) s += v;
      return s;
    }
  }

  /**
   * Fits BG/NBD on every customer and Gamma-Gamma on the repeat customers.
   *
   * @throws IllegalArgumentException when the data cannot be fitted (no repeat customer, all ages 0)
   */
  public static Model fit(PurchaseSummary s, ValueOptions o) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
    long t0 = System.nanoTime();
    BgNbd.Fit bg = BgNbd.fit(s);
    GammaGamma.Fit gg = GammaGamma.fit(s);
    double wall = (System.nanoTime() - t0) / 1e9;
    return new Model(bg, gg, o, s.size(), wall, cpu ? (threads.getCurrentThreadCpuTime() - c0) / 1e9 : Double.NaN);
  }

  /** The predictions for every customer of a summary (usually the one fitted on). */
  public static Values predict(Model m, PurchaseSummary s) {
    int n = s.size();
    double[] alive = new double[n], e30 = new double[n], e90 = new double[n], e365 = new double[n];
    double[] spend = new double[n], clv = new double[n];
    BgNbd.Params p = m.purchases().params();
    for (int i = 0; i < n; i++) {
      double x = s.frequency()[i], tx = s.recency()[i], t = s.age()[i];
      alive[i] = BgNbd.probabilityAlive(p, x, tx, t);
      e30[i] = BgNbd.expectedPurchases(p, 30, x, tx, t);
      e90[i] = BgNbd.expectedPurchases(p, 90, x, tx, t);
      e365[i] = BgNbd.expectedPurchases(p, 365, x, tx, t);
      spend[i] = GammaGamma.expectedSpend(m.spend().params(), x, s.monetary()[i]);
      clv[i] = clv(m, x, tx, t, spend[i]);
    }
    return new Values(s.ids(), alive, e30, e90, e365, spend, clv);
  }

  /** The discounted value of the next months of one customer, given the expected spend per purchase. */
  public static double clv(Model m, double x, double tx, double t, double expectedSpend) {
    ValueOptions o = m.options();
    BgNbd.Params p = m.purchases().params();
    double total = 0, before = 0;
    for (int i = 1; i <= o.months(); i++) {
      double cumulative = BgNbd.expectedPurchases(p, i * o.periodsPerMonth(), x, tx, t);
      total += expectedSpend * (cumulative - before) / Math.pow(1 + o.monthlyDiscount(), i);
      before = cumulative;
    }
    return total;
  }

  /** Sum of CLV per segment: {@code labels} by customer id (ids without a label are skipped). */
  public static double[] byGroup(Values v, Map<String, Integer> labels, int groups) {
    double[] out = new double[groups];
    for (int i = 0; i < v.size(); i++) {
      Integer g = labels.get(v.ids()[i]);
      if (g != null) out[g] += v.clv()[i];
    }
    return out;
  }
}
