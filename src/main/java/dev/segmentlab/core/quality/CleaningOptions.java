package dev.segmentlab.core.quality;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Objects;

/**
 * Which rules are on, the stock codes that are not products (rule 5), and what becomes of cancellations
 * ({@link Returns}: netted against purchases by default, or dropped as the seeds do). A code ending in {@code *}
 * is a prefix; codes compare case-insensitively.
 */
public record CleaningOptions(Set<CleaningRule> enabled, List<String> nonProductCodes, Returns returns) {
  /** The seeds' list of non-product stock codes. */
  public static final List<String> DEFAULT_NON_PRODUCT = List.of("POST", "DOT", "M", "C2", "D", "S",
      "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "B", "gift_0001_*", "DCGS*");

  public CleaningOptions {
    Objects.requireNonNull(returns, "returns");
    enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    nonProductCodes = List.copyOf(nonProductCodes);
    for (String c : nonProductCodes) {
      if (c == null || c.isBlank()) throw new IllegalArgumentException("A non-product code is blank.");
    }
  }

  /** Rules and codes with returns {@link Returns#NET netted} (the default). */
  public CleaningOptions(Set<CleaningRule> enabled, List<String> nonProductCodes) {
    this(enabled, nonProductCodes, Returns.NET);
  }

  /** Rules 1–4 on, the default non-product list, returns netted. */
  public static CleaningOptions defaults() {
    return new CleaningOptions(CleaningRule.defaults(), DEFAULT_NON_PRODUCT);
  }

  /** The seeds' cleaning: rules 1–4, the default non-product list, cancellations dropped (4,338 customers). */
  public static CleaningOptions seeds() {
    return defaults().withReturns(Returns.DROP);
  }

  /** The same rules with another treatment of cancellations. */
  public CleaningOptions withReturns(Returns r) { return new CleaningOptions(enabled, nonProductCodes, r); }

  public boolean isOn(CleaningRule r) { return enabled.contains(r); }

  public CleaningOptions with(CleaningRule r, boolean on) {
    Set<CleaningRule> s = enabled.isEmpty() ? EnumSet.noneOf(CleaningRule.class) : EnumSet.copyOf(enabled);
    if (on) s.add(r); else s.remove(r);
    return new CleaningOptions(s, nonProductCodes, returns);
  }

  public CleaningOptions withNonProductCodes(List<String> codes) { return new CleaningOptions(enabled, codes, returns); }

  /** Whether a stock code is on the non-product list. */
  public boolean isNonProduct(String code) {
    if (code == null) return false;
    String c = code.trim().toUpperCase(Locale.ROOT);
    for (String p : nonProductCodes) {
      String u = p.trim().toUpperCase(Locale.ROOT);
      if (u.endsWith("*") ? c.startsWith(u.substring(0, u.length() - 1)) : c.equals(u)) return true;
    }
    return false;
  }
}
