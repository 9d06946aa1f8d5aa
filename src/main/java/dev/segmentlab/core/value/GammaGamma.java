package dev.segmentlab.core.value;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import java.util.Arrays;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Hardie's note 025):
 * each purchase's value is Gamma(p, ν) and ν ~ Gamma(q, γ) across customers (γ is written v, as in
 * {@code lifetimes}). Fitted by maximum likelihood on the customers with a repeat purchase and a positive mean
 * spend, over ln p, ln q, ln v.
 *
 * <p>Why several starts: on Online Retail a start from p = q = v = 1 stalls on a ridge (p runs off past 10⁶ at a
 * log-likelihood of −19,909 instead of −19,072.5), so the fit also starts from points whose implied mean spend
 * p·v/(q − 1) equals the observed mean, and keeps the best.
 */
public final class GammaGamma {
  private GammaGamma() {}

  /** The three parameters; positive and finite. v is in money. */
  public record Params(double p, double q, double v) {
    public Params {
      for (double t : new double[] {p, q, v}) {
        if (!(t > 0) || !Double.isFinite(t)) throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite");
      }
    }

    /** The population mean spend per purchase p·v/(q − 1); NaN when q ≤ 1 (the mean does not exist). */
    public double populationMean() { return q > 1 ? p * v / (q - 1) : Double.NaN; }
  }

  /**
   * @param params the best of the starts
   * @param logLikelihood the summed log-likelihood at them (over {@code customers})
   * @param customers the repeat customers it was fitted on
   * @param starts the log-likelihood reached from each start, in start order
   */
  public record Fit(Params params, double logLikelihood, int customers, List<Double> starts) {
    public Fit {
      starts = List.copyOf(starts);
    }
  }

  /** Fits on the customers of a summary with x &gt; 0 and m &gt; 0. */
  public static Fit fit(PurchaseSummary s) {
    return fit(s.frequency(), s.monetary());
  }

  /**
   * @param x repeat purchases per customer
   * @param m mean spend per repeat purchase; customers with x = 0 or m ≤ 0 are left out
   * @throws IllegalArgumentException when fewer than 2 customers remain
   */
  public static Fit fit(double[] x, double[] m) {
    Data d = new Data(x, m);
    double mean = d.meanSpend();
    double[][] starts = {{1, 1, 1}, {1, 2, mean}, {2, 3, mean}, {5, 5, mean * 4 / 5}, {10, 10, mean * 9 / 10}};
    LogSpaceMinimizer.Result best = null;
    List<Double> reached = new ArrayList<>();
    for (double[] s : starts) {
      double[] ln = {Math.log(s[0]), Math.log(s[1]), Math.log(s[2])};
      LogSpaceMinimizer.Result r = LogSpaceMinimizer.minimize(
          t -> -d.meanLogLikelihood(Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2])), ln, 3000);
      reached.add(-r.value() * d.n);
      if (best == null || r.value() < best.value()) best = r;
    }
    double[] t = best.logParams();
    Params params = new Params(Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2]));
    return new Fit(params, d.meanLogLikelihood(params.p(), params.q(), params.v()) * d.n, d.n, reached);
  }

  /** Σ ln L over the customers with x &gt; 0 and m &gt; 0. */
  public static double logLikelihood(Params p, double[] x, double[] m) {
    Data d = new Data(x, m);
    return d.meanLogLikelihood(p.p(), p.q(), p.v()) * d.n;
  }

  /**
   * E[spend per purchase | x, m] (note 025, equation 5): a weighted mean of the customer's own mean spend and
   * the population mean; the population mean for x = 0. NaN when q ≤ 1.
   */
  public static double expectedSpend(Params p, double x, double m) {
    double w = p.p() * x / (p.p() * x + p.q() - 1);
    return (1 - w) * p.populationMean() + w * (x > 0 ? m : 0);
  }

  private static final class Data {
    final int n;
    final double[] x, lnX, m, lnM;

    Data(double[] xs, double[] ms) {
      if (xs.length != ms.length) throw new IllegalArgumentException("one x and m per customer");
      int c = 0;
      for (int i = 0; i < xs.length; i++) if (xs[i] > 0 && ms[i] > 0 && Double.isFinite(ms[i])) c++;
      if (c < 2) throw new IllegalArgumentException("Gamma-Gamma needs at least 2 customers with a repeat purchase (has " + c + ")");
      n = c;
      x = new double[c];
      lnX = new double[c];
      m = new double[c];
      lnM = new double[c];
      // sorted by x, so customers with the same x follow each other and share their log-gammas
      Integer[] order = new Integer[c];
      int j = 0;
      for (int i = 0; i < xs.length; i++) if (xs[i] > 0 && ms[i] > 0 && Double.isFinite(ms[i])) order[j++] = i;
      Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
      for (j = 0; j < c; j++) {
        int i = order[j];
        x[j] = xs[i];
        lnX[j] = Math.log(xs[i]);
        m[j] = ms[i];
        lnM[j] = Math.log(ms[i]);
      }
    }

    double meanSpend() {
      double s = 0;
      for (double v : m) s += v;
      return s / n;
    }

    double meanLogLikelihood(double p, double q, double v) {
      double lnV = Math.log(v), lgQ = Gamma.logGamma(q);
      double sum = 0;
      double lastX = -1, lg = 0;
      for (int i = 0; i < n; i++) {
        double px = p * x[i];
        if (x[i] != lastX) {
          lastX = x[i];
          lg = Gamma.logGamma(px + q) - Gamma.logGamma(px);
        }
        sum += lg - lgQ + q * lnV + (px - 1) * lnM[i] + px * lnX[i] - (px + q) * Math.log(x[i] * m[i] + v);
      }
      return sum / n;
    }
  }
}
