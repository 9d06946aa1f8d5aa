package dev.segmentlab.core.features;

import java.util.Arrays;

/**
 * Classic RFM scores: quintiles 1–5 of recency, frequency and monetary, with the recency score reversed (the most
 * recent fifth scores 5). Ties are broken by customer order (pandas' {@code rank(method="first")} before
 * {@code qcut}), since frequency has thousands of customers at 1 and equal-frequency bins would otherwise fail.
 */
public record RfmScores(int[] r, int[] f, int[] m) {

  public static RfmScores of(CustomerFeatures cf) {
    return new RfmScores(reverse(quintiles(cf.column("recency"))), quintiles(cf.column("frequency")),
        quintiles(cf.column("monetary")));
  }

  /** The RFM cell as text, e.g. "545". */
  public String cell(int customer) { return "" + r[customer] + f[customer] + m[customer]; }

  static int[] quintiles(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(v[a], v[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] s = new int[n];
    for (int rank = 0; rank < n; rank++) s[order[rank]] = Math.min(5, 1 + (int) ((long) rank * 5 / n));
    return s;
  }

  private static int[] reverse(int[] s) {
    int[] o = new int[s.length];
    for (int i = 0; i < s.length; i++) o[i] = 6 - s[i];
    return o;
  }
}
