package dev.segmentlab.core.segments;

/**
 * Suggested actions in customer-table mode, read from the segment's medians of spending and income against all
 * customers' (the two columns a marketer acts on); empty when the table has no spending column, since advice on
 * other columns alone would be guesswork.
 */
final class CustomerTableActions {
  private CustomerTableActions() {}

  static String of(SegmentInput input, SegmentDescriber.Medians m, int s) {
    int spending = column(input, "spending");
    if (spending < 0) return "";
    int income = column(input, "income");
    boolean spendsMore = m.segment()[s][spending] > m.overall()[spending];
    boolean spendsLess = m.segment()[s][spending] < m.overall()[spending];
    if (income < 0) {
      if (spendsMore) return "Spend more than the median customer: reward and retain them (loyalty perks, early access).";
      if (spendsLess) return "Spend less than the median customer: activate them with offers matched to what they buy.";
      return "";
    }
    boolean richer = m.segment()[s][income] > m.overall()[income];
    if (spendsMore && richer) {
      return "Higher income and higher spending: keep them with loyalty perks and new premium lines.";
    }
    if (spendsMore) {
      return "Spend more than their income suggests: value bundles and loyalty points; do not push premium lines.";
    }
    if (spendsLess && richer) {
      return "Untapped: higher income but lower spending; target them with premium products and personal offers.";
    }
    if (spendsLess) return "Lower income and lower spending: promotions and discounts; keep contact costs low.";
    return "";
  }

  private static int column(SegmentInput input, String noun) {
    String[] names = input.featureNames();
    for (int j = 0; j < names.length; j++) if (FeatureWords.clean(names[j]).equals(noun)) return j;
    return -1;
  }
}
