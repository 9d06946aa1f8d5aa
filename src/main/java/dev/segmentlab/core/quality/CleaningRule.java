package dev.segmentlab.core.quality;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The cleaning rules, in the order they are applied. */
public enum CleaningRule {
  MISSING_CUSTOMER("missing customer id", "Rows without a customer id cannot be attributed to a customer.", true),
  CANCELLATIONS("cancellations", "Invoices starting with C (cancelled orders and returns).", true),
  NON_POSITIVE("non-positive quantity or price", "Quantity ≤ 0 or unit price ≤ 0 (returns, adjustments, free items).", true),
  DUPLICATES("duplicates", "Exact duplicate lines; the first is kept.", true),
  NON_PRODUCT("non-product codes", "Postage, fees, manual adjustments and vouchers (POST, DOT, M, BANK CHARGES, …).", false),
  BAD_DEBT("bad-debt adjustments", "Invoices starting with A (bad-debt adjustments).", false);

  private final String label;
  private final String description;
  private final boolean defaultOn;

  CleaningRule(String label, String description, boolean defaultOn) {
    this.label = label;
    this.description = description;
    this.defaultOn = defaultOn;
  }

  /** Short name shown in the waterfall and written as {@code rule} in JSON. */
  public String label() { return label; }

  /** One sentence for the tooltip. */
  public String description() { return description; }

  /** Whether the rule is on by default (rules 1–4, the seeds' choice). */
  public boolean defaultOn() { return defaultOn; }

  /** The key used on the command line and in workspaces, e.g. {@code missing_customer}. */
  public String key() { return name().toLowerCase(Locale.ROOT); }

  /** Rules 1–4. */
  public static Set<CleaningRule> defaults() {
    Set<CleaningRule> s = EnumSet.noneOf(CleaningRule.class);
    for (CleaningRule r : values()) if (r.defaultOn) s.add(r);
    return s;
  }

  /** Parses a key or label, case-insensitively. */
  public static CleaningRule parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (CleaningRule r : values()) if (r.key().equals(k) || r.label.replace(' ', '_').equals(k)) return r;
    throw new IllegalArgumentException("Unknown cleaning rule '" + s + "'. Known: missing_customer, cancellations, "
        + "non_positive, duplicates, non_product, bad_debt.");
  }
}
