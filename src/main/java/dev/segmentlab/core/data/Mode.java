package dev.segmentlab.core.data;

import java.util.Locale;

/** How a file is read: one row per transaction line, or one row per customer. */
public enum Mode {
  /** Invoice lines (Online Retail): customer features are computed from them. */
  TRANSACTIONS,
  /** One row per customer with numeric columns (Mall Customers): the columns are the features. */
  CUSTOMERS;

  /** The JSON value: {@code transactions} or {@code customers}. */
  public String key() { return name().toLowerCase(Locale.ROOT); }
}
