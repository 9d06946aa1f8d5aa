package dev.segmentlab.core.segments;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a segment's description from its own numbers, so that the text can never contradict the profile
 * beside it: for each chosen feature the segment's median against all customers' median, then the segment's rank
 * among the non-empty segments, e.g.
 * {@code "Compared with the median customer: more recent, more orders, higher spend. Last bought 12 days ago
 * (median; all customers 50), 5 orders (2), £1,900 (£650): 2nd of 5 in spend, highest orders of the 5, most
 * recent of the 5."}
 *
 * <p>Ranks use medians (as the profile table shows them), competition ranking for ties ("joint highest"). A
 * superlative ("highest", "lowest", "most recent", "least recent") is written only for the segment that holds that
 * rank; the others get an ordinal ("3rd of 5 in spend"). Recency counts days since the last order, so its ranks
 * run from the most recent (fewest days) down.
 */
public final class SegmentDescriber {
  private SegmentDescriber() {}

  /** Medians of each feature per segment ({@code null} row for an empty segment) and over all customers. */
  record Medians(double[][] segment, double[] overall) {
    static Medians of(SegmentInput input) {
      int d = input.dimension();
      int[] sizes = input.segmentSizes();
      double[][] seg = new double[input.k()][];
      double[] all = new double[d];
      for (int s = 0; s < input.k(); s++) if (sizes[s] > 0) seg[s] = new double[d];
      for (int j = 0; j < d; j++) {
        double[] column = input.rawColumn(j);
        all[j] = Stats.median(column);
        for (int s = 0; s < input.k(); s++) {
          if (seg[s] != null) seg[s][j] = Stats.median(Stats.select(column, input.labels(), s));
        }
      }
      return new Medians(seg, all);
    }

    int nonEmpty() {
      int n = 0;
      for (double[] row : segment) if (row != null) n++;
      return n;
    }
  }

  /**
   * The segment's place in one feature: {@code rank} 1 = highest median (recency: fewest days), {@code tied} how
   * many non-empty segments share that median (itself included), {@code of} the non-empty segments.
   */
  record Rank(int rank, int tied, int of) {
    boolean top() { return rank == 1; }
    boolean bottom() { return rank + tied - 1 == of; }
  }

  static Rank rank(Medians m, int s, int j, boolean fewerIsFirst) {
    double v = m.segment()[s][j];
    int better = 0, same = 0;
    for (double[] row : m.segment()) {
      if (row == null) continue;
      double o = row[j];
      if (o == v) same++;
      else if (fewerIsFirst ? o < v : o > v) better++;
    }
    return new Rank(better + 1, same, m.nonEmpty());
  }

  /** Whether the feature is RFM recency (days since the last order: fewer is better). */
  static boolean isRecency(String feature) {
    return feature.trim().equalsIgnoreCase("recency");
  }

  /** The noun of a feature in a rank phrase: "spend", "orders", or the customer-table word ("income"). */
  static String noun(String feature) {
    String f = feature.trim().toLowerCase(Locale.ROOT);
    return switch (f) {
      case "monetary" -> "spend";
      case "frequency" -> "orders";
      case "avg_order_value" -> "order value";
      case "avg_items_per_order" -> "items per order";
      case "distinct_products" -> "distinct products";
      case "return_rate" -> "return rate";
      default -> FeatureWords.clean(feature);
    };
  }

  /** "highest spend of the 5", "2nd of 5 in spend", "most recent of the 5", "joint lowest age of the 5". */
  static String rankPhrase(String feature, Rank r) {
    String joint = r.tied() > 1 ? "joint " : "";
    if (isRecency(feature)) {
      if (r.top()) return joint + "most recent of the " + r.of();
      if (r.bottom()) return joint + "least recent of the " + r.of();
      return joint + ordinal(r.rank()) + " most recent of " + r.of();
    }
    String noun = noun(feature);
    if (r.top()) return joint + "highest " + noun + " of the " + r.of();
    if (r.bottom()) return joint + "lowest " + noun + " of the " + r.of();
    return joint + ordinal(r.rank()) + " of " + r.of() + " in " + noun;
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
        : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
    return n + suffix;
  }

  /** A median in words: "last bought 12 days ago", "5 orders", "£1,900", "income 54". */
  static String figure(String feature, double v, String currency, boolean first) {
    String f = feature.trim().toLowerCase(Locale.ROOT);
    return switch (f) {
      case "recency" -> (first ? "Last bought " : "last bought ") + number(v) + " days ago";
      case "frequency" -> number(v) + (v == 1 ? " order" : " orders");
      case "monetary" -> money(v, currency);
      case "avg_order_value" -> money(v, currency) + " per order";
      case "tenure" -> "first bought " + number(v) + " days ago";
      case "return_rate" -> number(100 * v) + " % returned";
      default -> (first ? feature.trim() : feature.trim()) + " " + number(v);
    };
  }

  /** The overall median as written in brackets: the bare number (with currency for money). */
  static String bracket(String feature, double v, String currency) {
    String f = feature.trim().toLowerCase(Locale.ROOT);
    return switch (f) {
      case "monetary", "avg_order_value" -> money(v, currency);
      case "return_rate" -> number(100 * v) + " %";
      default -> number(v);
    };
  }

  /** Whole numbers with thousands separators; one decimal below 100 when the value has one. */
  static String number(double v) {
    DecimalFormat f = new DecimalFormat(Math.abs(v) < 100 ? "#,##0.#" : "#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    String s = f.format(v);
    return s.equals("-0") ? "0" : s;
  }

  static String money(double v, String currency) {
    String s = number(Math.abs(v));
    return (v < 0 ? "-" : "") + currency + s;
  }

  /** "more recent" / "less recent" / "as recent"; "more orders"…; "higher spend"… against all customers. */
  static String direction(String feature, double segment, double overall) {
    int c = Double.compare(segment, overall);
    if (isRecency(feature)) return c < 0 ? "more recent" : c > 0 ? "less recent" : "as recent";
    String f = feature.trim().toLowerCase(Locale.ROOT);
    if (f.equals("frequency")) return c > 0 ? "more orders" : c < 0 ? "fewer orders" : "as many orders";
    String noun = noun(feature);
    return c > 0 ? "higher " + noun : c < 0 ? "lower " + noun : "the same " + noun;
  }

  /**
   * The numbers part of a description: the medians against all customers and the ranks, e.g. {@code "Last bought
   * 12 days ago (median; all customers 50), 5 orders (2), £1,900 (£650): 2nd of 5 in spend, …"} (no final stop).
   *
   * @param order feature indices in the order to write them
   */
  static String numbers(SegmentInput input, Medians m, int s, int[] order, String currency) {
    String[] features = input.featureNames();
    List<String> figures = new ArrayList<>();
    List<String> ranks = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      int j = order[i];
      String fig = figure(features[j], m.segment()[s][j], currency, i == 0);
      String all = bracket(features[j], m.overall()[j], currency);
      figures.add(fig + (i == 0 ? " (median; all customers " + all + ")" : " (" + all + ")"));
    }
    int[] rankOrder = rankOrder(input, order);
    if (m.nonEmpty() > 1) {
      for (int j : rankOrder) ranks.add(rankPhrase(features[j], rank(m, s, j, isRecency(features[j]))));
    }
    return String.join(", ", figures) + (ranks.isEmpty() ? "" : ": " + String.join(", ", ranks));
  }

  /** Ranks are written value first in RFM mode (spend, orders, recency, then the rest); else in column order. */
  private static int[] rankOrder(SegmentInput input, int[] order) {
    List<Integer> out = new ArrayList<>();
    for (String key : new String[] {"monetary", "frequency", "recency"}) {
      int j = input.featureIndex(key);
      if (j >= 0 && input.mode() == SegmentInput.Mode.TRANSACTIONS) out.add(j);
    }
    for (int j : order) if (!out.contains(j)) out.add(j);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Features in display order: recency, frequency, monetary first in RFM mode, then the rest in column order. */
  static int[] displayOrder(SegmentInput input) {
    List<Integer> out = new ArrayList<>();
    if (input.mode() == SegmentInput.Mode.TRANSACTIONS) {
      for (String key : new String[] {"recency", "frequency", "monetary"}) {
        int j = input.featureIndex(key);
        if (j >= 0) out.add(j);
      }
    }
    for (int j = 0; j < input.dimension(); j++) if (!out.contains(j)) out.add(j);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** "Compared with the median customer: more recent, fewer orders, higher spend." over the display order. */
  static String lead(SegmentInput input, Medians m, int s, int[] order) {
    List<String> words = new ArrayList<>();
    for (int j : order) words.add(direction(input.featureNames()[j], m.segment()[s][j], m.overall()[j]));
    return "Compared with the median customer: " + String.join(", ", words) + ".";
  }

  /** The whole RFM-mode description of segment {@code s}. */
  static String rfmDescription(SegmentInput input, Medians m, int s, String currency) {
    int[] order = displayOrder(input);
    return lead(input, m, s, order) + " " + numbers(input, m, s, order, currency) + ".";
  }
}
