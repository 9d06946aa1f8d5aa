package dev.segmentlab.core.quality;

import java.util.Locale;

/**
 * What cleaning does with cancellations (invoices starting with C): net them against the purchases they undo, or
 * drop them as the seeds' pandas pipeline does.
 */
public enum Returns {
  /**
   * The default: each cancellation line is matched to the same customer's earlier purchases of the same stock code
   * (latest first) and takes their quantity back; what no purchase covers is subtracted from the customer's spend.
   * An order whose every line was taken back does not count as an order; customers whose net spend is &le; 0 are
   * left out of the features (and counted).
   */
  NET,
  /** Cancellation lines are removed and the purchases they undo are kept (the seeds: 4,338 customers). */
  DROP;

  /** The key on the command line, in JSON and in workspaces: {@code net} or {@code drop}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code net} or {@code drop}, case-insensitively.
   *
   * @throws IllegalArgumentException with a one-line message for anything else
   */
  public static Returns parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (Returns r : values()) if (r.key().equals(k)) return r;
    throw new IllegalArgumentException("--returns must be net or drop, not '" + s + "'.");
  }
}
