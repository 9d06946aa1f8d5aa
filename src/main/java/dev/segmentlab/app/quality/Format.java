package dev.segmentlab.app.quality;

/** Number formatting shared by the Quality step's ViewModels and views. */
final class Format {
  private Format() {}

  /** Thousands separators; whole numbers without decimals, others with two (or more when tiny). */
  static String number(double v) {
    if (Double.isNaN(v)) return "—";
    if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format("%,.0f", v);
    if (Math.abs(v) < 0.01) return String.format("%.4g", v);
    return String.format("%,.2f", v);
  }
}
