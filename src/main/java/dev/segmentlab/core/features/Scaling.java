package dev.segmentlab.core.features;

import java.util.Locale;

/** How transformed features are put on a common scale before k-means. */
public enum Scaling {
  NONE("none"),
  /** (x − mean) / population standard deviation, as scikit-learn's StandardScaler. */
  STANDARD("standard"),
  /** (x − median) / IQR, as scikit-learn's RobustScaler: outliers pull less. */
  ROBUST("robust"),
  /** (x − min) / (max − min), into [0, 1]. */
  MINMAX("min-max");

  private final String label;

  Scaling(String label) { this.label = label; }

  public String label() { return label; }

  public static Scaling parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (Scaling v : values()) if (v.name().toLowerCase(Locale.ROOT).equals(k)) return v;
    if (k.equals("zscore") || k.equals("std")) return STANDARD;
    throw new IllegalArgumentException("Unknown scaling '" + s + "'. Use none, standard, robust or min-max.");
  }

  @Override public String toString() { return label; }
}
