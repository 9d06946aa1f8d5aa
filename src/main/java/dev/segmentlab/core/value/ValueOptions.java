package dev.segmentlab.core.value;

/**
 * How customer value is computed.
 *
 * @param months CLV horizon in months (1..120; default 12)
 * @param monthlyDiscount discount rate per month (0..1; default 0.01 = 1 %)
 * @param periodsPerMonth periods (days) in a month of the CLV sum (lifetimes: 30 for days, 4.345 for weeks)
 * @param holdoutWeeks weeks held out by the holdout check (1..52; default 13)
 */
public record ValueOptions(int months, double monthlyDiscount, double periodsPerMonth, int holdoutWeeks) {
  public ValueOptions {
    if (months < 1 || months > 120) throw new IllegalArgumentException("CLV months must be 1..120, not " + months);
    if (!(monthlyDiscount >= 0 && monthlyDiscount < 1)) throw new IllegalArgumentException("monthly discount rate must be in [0, 1), not " + monthlyDiscount);
    if (!(periodsPerMonth > 0)) throw new IllegalArgumentException("periods per month must be positive");
    if (holdoutWeeks < 1 || holdoutWeeks > 52) throw new IllegalArgumentException("holdout weeks must be 1..52, not " + holdoutWeeks);
  }

  /** 12 months, 1 % a month, 30-day months, 13 holdout weeks. */
  public static ValueOptions defaults() { return new ValueOptions(12, 0.01, 30, 13); }

  public ValueOptions withHoldoutWeeks(int weeks) { return new ValueOptions(months, monthlyDiscount, periodsPerMonth, weeks); }
}
