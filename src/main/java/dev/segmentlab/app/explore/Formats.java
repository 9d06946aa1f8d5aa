package dev.segmentlab.app.explore;

/** How the Explore step writes numbers: grouped counts, whole-unit money, compact axis labels. */
final class Formats {
  private Formats() {}

  static String count(long n) { return String.format("%,d", n); }

  static String money(double v) { return String.format("%,.0f", v); }

  static String money2(double v) { return String.format("%,.2f", v); }

  /** A fraction in [0, 1] as a whole percentage, "44%". */
  static String percent(double fraction) { return String.format("%.0f%%", 100 * fraction); }

  /** A fraction as a percentage with one decimal, "2.3%". */
  static String percent1(double fraction) { return String.format("%.1f%%", 100 * fraction); }

  /** About three significant digits with a k / M suffix: 0.85, 12.5, 430, 1.2k, 35k, 1.8M. */
  static String compact(double v) {
    double a = Math.abs(v);
    if (a >= 1e6) return trim(v / 1e6) + "M";
    if (a >= 1e3) return trim(v / 1e3) + "k";
    return trim(v);
  }

  private static String trim(double v) {
    double a = Math.abs(v);
    String s = a >= 100 ? String.format("%.0f", v) : a >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s;
  }
}
