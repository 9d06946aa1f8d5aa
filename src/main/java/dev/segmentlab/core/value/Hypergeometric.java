package dev.segmentlab.core.value;

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and 0 ≤ z &lt; 1, by its power series.
 *
 * <p>Where the series fails (its terms overflow for the large a and b of a frequent buyer, or it has not
 * converged after {@link #MAX_TERMS} terms), Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z) is used, as the Python {@code lifetimes} library
 * does in {@code conditional_expected_number_of_purchases_up_to_time}. Both are evaluated in logs so a value
 * beyond the double range still has a finite log.
 */
public final class Hypergeometric {
  private Hypergeometric() {}

  /** Terms summed at most before the series counts as failed. */
  public static final int MAX_TERMS = 20_000;

  private static final double EPS = 1e-16;

  /**
   * ₂F₁(a, b; c; z).
   *
   * @param c not 0 or a negative integer
   * @param z in [0, 1)
   * @return the value; may be +∞ when it exceeds the double range (use {@link #log2F1})
   * @throws IllegalArgumentException for z outside [0, 1) or a bad c
   */
  public static double hyp2f1(double a, double b, double c, double z) {
    return Math.exp(log2F1(a, b, c, z));
  }

  /**
   * ln ₂F₁(a, b; c; z) for a positive value; NaN when the function is 0 or negative there.
   *
   * @throws IllegalArgumentException for z outside [0, 1) or c = 0, −1, −2, …
   */
  public static double log2F1(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) throw new IllegalArgumentException("2F1 needs 0 <= z < 1, not " + z);
    if (c <= 0 && c == Math.rint(c)) throw new IllegalArgumentException("2F1 needs c other than 0, -1, -2, ...; not " + c);
    if (z == 0) return 0;
    double direct = logSeries(a, b, c, z);
    if (Double.isFinite(direct)) return direct;
    double alt = logSeries(c - a, c - b, c, z);
    return alt + (c - a - b) * Math.log1p(-z);
  }

  /**
   * ln of the series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, kept as a scaled sum so that terms beyond the double range do not
   * overflow; NaN when it does not converge, the sum is not positive or cancellation left fewer than 8 digits.
   */
  static double logSeries(double a, double b, double c, double z) {
    // sum = exp(logScale) * s; the running term t is relative to the same scale
    double logScale = 0;
    double s = 1, t = 1, largest = 1;
    for (int n = 0; n < MAX_TERMS; n++) {
      t *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      s += t;
      largest = Math.max(largest, Math.abs(t));
      if (t == 0 || Math.abs(t) <= EPS * Math.abs(s)) {
        // terms of alternating sign that cancel to a sum far below the largest term leave no correct digits
        return s > 0 && largest <= 1e8 * s ? logScale + Math.log(s) : Double.NaN;
      }
      if (Math.abs(s) > 1e250 || largest > 1e250) {
        double f = Math.max(Math.abs(s), largest);
        s /= f;
        t /= f;
        largest /= f;
        logScale += Math.log(f);
      }
      if (!Double.isFinite(s)) return Double.NaN;
    }
    return Double.NaN;
  }
}
