package dev.segmentlab.app.segments;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis ticks (steps of 1, 2 or 5 times a power of ten) and their labels, for the canvas charts. */
final class Ticks {
  private Ticks() {}

  /** About {@code target} ticks inside [lo, hi], on multiples of a nice step. */
  static List<Double> of(double lo, double hi, int target) {
    List<Double> out = new ArrayList<>();
    if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) return out;
    double step = step((hi - lo) / Math.max(1, target));
    for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
      out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return out;
  }

  static double step(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  /** A tick label: whole numbers with thousands separators, else up to two decimals, k/M for large ones. */
  static String label(double v) {
    double a = Math.abs(v);
    if (a >= 1e6) return trim(String.format("%.1f", v / 1e6)) + "M";
    if (a >= 1e4) return trim(String.format("%.1f", v / 1e3)) + "k";
    if (v == Math.rint(v)) return String.format("%,.0f", v);
    return trim(String.format("%.2f", v));
  }

  /** A value in a tooltip: thousands separators, two decimals below 1,000. */
  static String value(double v) {
    return Math.abs(v) >= 1000 ? String.format("%,.0f", v) : String.format("%,.2f", v);
  }

  private static String trim(String s) {
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
