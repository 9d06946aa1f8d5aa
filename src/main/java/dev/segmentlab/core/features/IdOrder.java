package dev.segmentlab.core.features;

import java.math.BigDecimal;
import java.util.Comparator;

/** Orders customer ids numerically when they all are numbers (as pandas' groupby on a float id does), else as text. */
final class IdOrder {
  private IdOrder() {}

  static Comparator<Integer> comparator(String[] dict) {
    boolean numeric = true;
    for (String s : dict) {
      if (!isNumber(s)) { numeric = false; break; }
    }
    if (numeric) {
      BigDecimal[] v = new BigDecimal[dict.length];
      for (int i = 0; i < dict.length; i++) v[i] = new BigDecimal(dict[i].trim());
      return (a, b) -> v[a].compareTo(v[b]);
    }
    return (a, b) -> dict[a].compareTo(dict[b]);
  }

  static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 30) return false;
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') { if (++dots > 1) return false; }
      else if (c < '0' || c > '9') { if (!(i == 0 && c == '-' && s.length() > 1)) return false; }
    }
    return true;
  }
}
