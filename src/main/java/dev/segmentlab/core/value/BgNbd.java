package dev.segmentlab.core.value;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way"): while
 * alive a customer buys at a Poisson rate λ ~ Gamma(r, α), and after each purchase drops out with probability
 * p ~ Beta(a, b). Fitted by maximum likelihood as in the {@code lifetimes} library's {@code BetaGeoFitter}: the
 * likelihood of its section 7, over ln r, ln α, ln a, ln b, with time rescaled so the oldest customer's age is 1
 * (α is scaled back).
 *
 * <p>Time is in the periods of the data (days for transactions). On data where few customers visibly drop out
 * (Online Retail), a and b are barely identified: {@link Fit#dropoutIdentified()} says so.
 */
public final class BgNbd {
  private BgNbd() {}

  /** The four parameters; all positive and finite. α is in periods. */
  public record Params(double r, double alpha, double a, double b) {
    public Params {
      for (double v : new double[] {r, alpha, a, b}) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("BG/NBD parameters must be positive and finite");
      }
    }
  }

  /**
   * @param params the maximum-likelihood parameters
   * @param logLikelihood the summed log-likelihood at them, in the data's periods
   * @param evaluations likelihood evaluations used (all starts)
   * @param dropoutLogLikelihoodGain how much the log-likelihood falls when a is pinned near 0 (dropout after
   *     a purchase made almost impossible) and r, α, b are refitted; NaN when not checked
   */
  public record Fit(Params params, double logLikelihood, int evaluations, double dropoutLogLikelihoodGain) {
    /** Whether the data pins down the dropout parameters a and b: pinning a near 0 costs more than 1.92 (χ²₁ 95 %). */
    public boolean dropoutIdentified() { return !(dropoutLogLikelihoodGain < 1.92); }
  }

  /** Fits r, α, a, b; checks whether a and b are identified. */
  public static Fit fit(PurchaseSummary s) {
    return fit(s.frequency(), s.recency(), s.age(), true);
  }

  /**
   * @param x repeat purchases (whole numbers)
   * @param tx recency, same periods as T
   * @param T age
   * @param checkDropout whether to refit with a pinned near 0 to measure {@link Fit#dropoutLogLikelihoodGain()}
   * @throws IllegalArgumentException for no customers or mismatched arrays
   */
  public static Fit fit(double[] x, double[] tx, double[] T, boolean checkDropout) {
    Data d = new Data(x, tx, T);
    // lifetimes starts from ln θ = 0.1; the second start keeps the best of two where the surface is flat in a
    double[][] starts = {{0.1, 0.1, 0.1, 0.1}, {Math.log(0.5), 0, Math.log(0.5), Math.log(2)}};
    LogSpaceMinimizer.Result best = null;
    int evals = 0;
    for (double[] s : starts) {
      LogSpaceMinimizer.Result r = LogSpaceMinimizer.minimize(p -> -d.meanLogLikelihood(
          Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3])), s, 4000);
      evals += r.evaluations();
      if (best == null || r.value() < best.value()) best = r;
    }
    double[] p = best.logParams();
    Params params = new Params(Math.exp(p[0]), Math.exp(p[1]) / d.scale, Math.exp(p[2]), Math.exp(p[3]));
    double ll = logLikelihood(params, x, tx, T);
    double gain = Double.NaN;
    if (checkDropout) {
      double pinned = Math.log(1e-6);
      LogSpaceMinimizer.Result r = LogSpaceMinimizer.minimize(q -> -d.meanLogLikelihood(
          Math.exp(q[0]), Math.exp(q[1]), Math.exp(pinned), Math.exp(q[2])), new double[] {p[0], p[1], p[3]}, 3000);
      evals += r.evaluations();
      gain = (r.value() - best.value()) * x.length;
      if (gain < 0) gain = 0;
    }
    return new Fit(params, ll, evals, gain);
  }

  /** Σ ln L over customers in the data's own periods (as published: −9,582.4 for CDNOW in weeks). */
  public static double logLikelihood(Params p, double[] x, double[] tx, double[] T) {
    return new Data(x, tx, T, 1).meanLogLikelihood(p.r(), p.alpha(), p.a(), p.b()) * x.length;
  }

  /**
   * P(alive | x, tₓ, T): the chance the customer has not dropped out (Fader, Hardie &amp; Lee, note 021); 1 for a
   * customer with no repeat purchase.
   */
  public static double probabilityAlive(Params p, double x, double tx, double T) {
    if (x == 0) return 1;
    double logDiv = (p.r() + x) * Math.log((p.alpha() + T) / (p.alpha() + tx)) + Math.log(p.a() / (p.b() + x - 1));
    return 1 / (1 + Math.exp(logDiv));
  }

  /**
   * E[purchases in (T, T + t] | x, tₓ, T], equation (10) of the paper, with ₂F₁ by {@link Hypergeometric}.
   *
   * @param t the horizon, in the data's periods (≥ 0)
   */
  public static double expectedPurchases(Params p, double t, double x, double tx, double T) {
    if (t == 0) return 0;
    double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
    double ha = r + x, hb = b + x, hc = a + b + x - 1, z = t / (alpha + T + t);
    double lnHyp = Hypergeometric.log2F1(ha, hb, hc, z);
    double first = (a + b + x - 1) / (a - 1);
    double second = -Math.expm1(lnHyp + (r + x) * Math.log((alpha + T) / (alpha + t + T)));
    double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0);
    return first * second / denominator;
  }

  /** E[purchases in (0, t]] of a new customer, equation (9). */
  public static double expectedPurchasesNew(Params p, double t) {
    double lnHyp = Hypergeometric.log2F1(p.r(), p.b(), p.a() + p.b() - 1, t / (p.alpha() + t));
    return (p.a() + p.b() - 1) / (p.a() - 1) * -Math.expm1(lnHyp + p.r() * Math.log(p.alpha() / (p.alpha() + t)));
  }

  /**
   * The data prepared once for many likelihood evaluations: the log-gamma differences of whole-number x are
   * sums of logs, built per distinct x, so an evaluation costs a few logs per customer.
   */
  private static final class Data {
    final int n, maxX, customers;
    final int[] x;
    final double[] tx, T, weight;
    final double scale;
    final double[] lr, lb, lab; // work arrays: ln Γ(θ + k) − ln Γ(θ) for k = 0..maxX

    Data(double[] x, double[] tx, double[] T) {
      this(x, tx, T, 1 / max(T));
    }

    Data(double[] xs, double[] tx, double[] T, double scale) {
      int total = xs.length;
      if (total == 0) throw new IllegalArgumentException("BG/NBD needs at least one customer");
      if (tx.length != total || T.length != total) throw new IllegalArgumentException("one x, tx and T per customer");
      this.scale = scale;
      // customers with the same (x, tx, T) share one likelihood term, counted with a weight (lifetimes' weights)
      Integer[] order = new Integer[total];
      for (int i = 0; i < total; i++) {
        if (xs[i] != Math.rint(xs[i]) || xs[i] < 0) throw new IllegalArgumentException("frequency must be a whole number >= 0");
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> xs[i])
          .thenComparingDouble(i -> tx[i]).thenComparingDouble(i -> T[i]));
      int[] xw = new int[total];
      double[] txw = new double[total], tw = new double[total], w = new double[total];
      int u = -1, m = 0;
      for (int k = 0; k < total; k++) {
        int i = order[k];
        if (u >= 0 && xw[u] == xs[i] && txw[u] == tx[i] * scale && tw[u] == T[i] * scale) {
          w[u]++;
          continue;
        }
        u++;
        xw[u] = (int) xs[i];
        txw[u] = tx[i] * scale;
        tw[u] = T[i] * scale;
        w[u] = 1;
        m = Math.max(m, xw[u]);
      }
      n = u + 1;
      customers = total;
      x = Arrays.copyOf(xw, n);
      this.tx = Arrays.copyOf(txw, n);
      this.T = Arrays.copyOf(tw, n);
      weight = Arrays.copyOf(w, n);
      maxX = m;
      lr = new double[m + 1];
      lb = new double[m + 1];
      lab = new double[m + 1];
    }

    private static double max(double[] v) {
      double m = 0;
      for (double d : v) m = Math.max(m, d);
      if (!(m > 0)) throw new IllegalArgumentException("BG/NBD needs a customer with age T > 0");
      return m;
    }

    double meanLogLikelihood(double r, double alpha, double a, double b) {
      risingLogs(lr, r);
      risingLogs(lb, b);
      risingLogs(lab, a + b);
      double lnA = Math.log(a), lnAlpha = Math.log(alpha);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        int xi = x[i];
        double a1 = lr[xi] + r * lnAlpha;
        double a2 = lb[xi] - lab[xi];
        double a3 = -(r + xi) * Math.log(alpha + T[i]);
        double ll;
        if (xi > 0) {
          double a4 = lnA - Math.log(b + xi - 1) - (r + xi) * Math.log(tx[i] + alpha);
          double hi = Math.max(a3, a4);
          ll = hi + Math.log(Math.exp(a3 - hi) + Math.exp(a4 - hi));
        } else {
          ll = a3;
        }
        sum += weight[i] * (a1 + a2 + ll);
      }
      return sum / customers;
    }

    /** out[k] = ln Γ(θ + k) − ln Γ(θ) = Σ_{j<k} ln(θ + j); exact for whole-number k. */
    private void risingLogs(double[] out, double theta) {
      out[0] = 0;
      for (int k = 1; k <= maxX; k++) out[k] = out[k - 1] + Math.log(theta + k - 1);
    }
  }
}
