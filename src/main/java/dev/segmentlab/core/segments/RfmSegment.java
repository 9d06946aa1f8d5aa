package dev.segmentlab.core.segments;

/**
 * The RFM segment names, in the spirit of the segment table of the R {@code rfm} package, as an ordered rule
 * table over a segment's {@link RfmScore}. Rules are tried top to bottom and the first that matches names the
 * segment; together they cover all 125 score patterns.
 *
 * <table>
 *   <caption>Rules (first match wins)</caption>
 *   <tr><th>#</th><th>Name</th><th>Rule</th></tr>
 *   <tr><td>1</td><td>Champions</td><td>R &ge; 4, F &ge; 4, M &ge; 4</td></tr>
 *   <tr><td>2</td><td>Loyal Customers</td><td>R &ge; 3, F &ge; 3, M &ge; 3</td></tr>
 *   <tr><td>3</td><td>Potential Loyalist</td><td>R &ge; 4, F &ge; 2</td></tr>
 *   <tr><td>4</td><td>New Customers</td><td>R &ge; 4, F = 1</td></tr>
 *   <tr><td>5</td><td>Promising</td><td>R = 3, F = 1</td></tr>
 *   <tr><td>6</td><td>Need Attention</td><td>R = 3, F &ge; 2</td></tr>
 *   <tr><td>7</td><td>Can't Lose Them</td><td>R &le; 2, F &ge; 4, M &ge; 4</td></tr>
 *   <tr><td>8</td><td>At Risk</td><td>R &le; 2, F &ge; 3</td></tr>
 *   <tr><td>9</td><td>About To Sleep</td><td>R = 2, F &le; 2</td></tr>
 *   <tr><td>10</td><td>Lost</td><td>R = 1, F = 1</td></tr>
 *   <tr><td>11</td><td>Hibernating</td><td>R = 1, F = 2</td></tr>
 * </table>
 *
 * <p>Why this order: the valuable patterns (Champions, Can't Lose Them) are tested before the broader rules that
 * would also match them, and the recency score splits the rest first because it is what the action depends on
 * (nurture recent customers, win back lapsed ones).
 */
public enum RfmSegment {
  CHAMPIONS("Champions", "Bought recently, buy often and spend well.",
      "Reward them: early access, loyalty perks, ask for reviews; no discounts needed."),
  LOYAL_CUSTOMERS("Loyal Customers", "Buy regularly and spend well; respond to promotions.",
      "Upsell higher-value products; invite them to a loyalty programme."),
  POTENTIAL_LOYALIST("Potential Loyalist", "Recent customers with a few orders and average spend.",
      "Offer membership or a loyalty programme; recommend related products."),
  NEW_CUSTOMERS("New Customers", "Bought recently, but rarely so far.",
      "Onboard them well: welcome series, first-repeat-purchase offer."),
  PROMISING("Promising", "Fairly recent shoppers who have not bought much yet.",
      "Build awareness: free shipping or a trial offer on the next order."),
  NEED_ATTENTION("Need Attention", "Average recency, frequency and spend; drifting.",
      "Make limited-time offers based on their past purchases."),
  CANT_LOSE_THEM("Can't Lose Them", "Used to buy often and spend big, but not for a long time.",
      "Win them back personally: talk to them, make your best offer."),
  AT_RISK("At Risk", "Bought often in the past, but not recently.",
      "Send personalised reactivation emails; offer renewals and helpful resources."),
  ABOUT_TO_SLEEP("About To Sleep", "Below-average recency and frequency; will be lost if not reactivated.",
      "Share popular products and a discount to reconnect."),
  LOST("Lost", "One order, long ago: among the longest since their last purchase.",
      "Try one low-cost revival campaign, otherwise leave them out of spending."),
  HIBERNATING("Hibernating", "Last order long ago, few orders, low spend.",
      "Offer relevant products and special discounts; keep contact costs low.");

  private final String displayName;
  private final String description;
  private final String action;

  RfmSegment(String displayName, String description, String action) {
    this.displayName = displayName;
    this.description = description;
    this.action = action;
  }

  /** The name shown to the analyst, e.g. {@code "Can't Lose Them"}. */
  public String displayName() {
    return displayName;
  }

  /** One line on who these customers are. */
  public String description() {
    return description;
  }

  /** One line on what to do with them. */
  public String action() {
    return action;
  }

  /**
   * Applies the rule table to a score.
   *
   * @throws NullPointerException if {@code s} is null
   */
  public static RfmSegment of(RfmScore s) {
    int r = s.r(), f = s.f(), m = s.m();
    if (r >= 4 && f >= 4 && m >= 4) return CHAMPIONS;
    if (r >= 3 && f >= 3 && m >= 3) return LOYAL_CUSTOMERS;
    if (r >= 4) return f >= 2 ? POTENTIAL_LOYALIST : NEW_CUSTOMERS;
    if (r == 3) return f == 1 ? PROMISING : NEED_ATTENTION;
    if (f >= 4 && m >= 4) return CANT_LOSE_THEM;
    if (f >= 3) return AT_RISK;
    if (r == 2) return ABOUT_TO_SLEEP;
    return f == 1 ? LOST : HIBERNATING;
  }
}
