package dev.segmentlab.core.features;

import java.util.Locale;

/** A per-feature transform applied before scaling, to tame skew. */
public enum Transform {
  NONE("none"),
  /** log(1 + x), with x clipped at 0 first (as the seeds' pipeline does), since monetary can be negative. */
  LOG1P("log1p"),
  /** Cube root: keeps the sign, so it works on negative values too. */
  CBRT("cube-root");

  private final String label;

  Transform(String label) { this.label = label; }

  public String label() { return label; }

  public double apply(double x) {
    switch (this) {
      case LOG1P: return Math.log1p(Math.max(0, x));
      case CBRT: return Math.cbrt(x);
      default: return x;
    }
  }

  /** Inverse of {@link #apply} (for values within its range). */
  public double invert(double y) {
    switch (this) {
      case LOG1P: return Math.expm1(y);
      case CBRT: return y * y * y;
      default: return y;
    }
  }

  public static Transform parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Transform t : values()) if (t.label.equals(k) || t.name().toLowerCase(Locale.ROOT).equals(k.replace("-", ""))) return t;
    if (k.equals("cbrt")) return CBRT;
    if (k.equals("log")) return LOG1P;
    throw new IllegalArgumentException("Unknown transform '" + s + "'. Use none, log1p or cube-root.");
  }

  @Override public String toString() { return label; }
}
