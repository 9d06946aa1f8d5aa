package dev.segmentlab.app.profiles;

import java.util.Locale;

/** Texts of the Profiles view, shared by the ViewModel, the View and the tests. */
public final class ProfileFormat {
  private ProfileFormat() {}

  /** A relative difference as a signed percentage: 1.52 → "+152%", −0.45 → "−45%", NaN → "—". */
  public static String change(double v) {
    if (Double.isNaN(v)) return "—";
    long pct = Math.round(100 * v);
    if (pct == 0) return "0%";
    return (pct > 0 ? "+" : "−") + String.format(Locale.ROOT, "%,d%%", Math.abs(pct));
  }

  /** A share 0..1 as a percentage with one decimal, NaN → "—". */
  public static String percent(double share) {
    return Double.isNaN(share) ? "—" : String.format("%.1f%%", 100 * share);
  }

  /** A value in original units: thousands separators, decimals only where they matter. */
  public static String value(double v) {
    if (Double.isNaN(v)) return "—";
    double a = Math.abs(v);
    if (a >= 100 || v == Math.rint(v)) return String.format("%,.0f", v);
    if (a >= 1) return String.format("%,.1f", v);
    return String.format("%.2f", v);
  }
}
