package dev.segmentlab.core.segments;

import java.util.Locale;

/** Turns column headers into the short words used in customer-table segment names. */
final class FeatureWords {
  private FeatureWords() {}

  /**
   * A short lower-case noun for a column header: units in brackets go ("Annual Income (k$)" → "income",
   * "Spending Score (1-100)" and "monetary" → "spending", "Age" → "age"); otherwise the header with brackets,
   * underscores and camel case smoothed out; the raw header if nothing is left.
   */
  static String clean(String header) {
    String s = header.replaceAll("\\([^)]*\\)|\\[[^]]*\\]", " ")
        .replaceAll("([a-z])([A-Z])", "$1 $2")
        .replaceAll("[_\\-./]+", " ")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .trim();
    if (s.contains("income") || s.contains("salary")) return "income";
    if (s.contains("spend") || s.equals("monetary")) return "spending";
    if (s.matches("(.* )?age( .*)?")) return "age";
    // "score" and "annual" qualify the noun rather than name it; drop them when something is left
    String shorter = s.replaceAll("\\b(score|annual)\\b", " ").replaceAll("\\s+", " ").trim();
    if (!shorter.isEmpty()) s = shorter;
    return s.isEmpty() ? header.trim() : s;
  }

  /** "High income", "Low spending", "Young", "Older", "Recent", "Lapsed"… for a cleaned noun and a direction. */
  static String phrase(String noun, boolean high) {
    switch (noun) {
      case "age":
        return high ? "Older" : "Young";
      case "recency":
        // recency counts days since the last order: a high value means the customer has lapsed
        return high ? "Lapsed" : "Recent";
      default:
        return (high ? "High " : "Low ") + noun;
    }
  }
}
