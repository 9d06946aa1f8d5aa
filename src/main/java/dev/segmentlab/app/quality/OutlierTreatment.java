package dev.segmentlab.app.quality;

import dev.segmentlab.core.features.OutlierHandling;
import dev.segmentlab.core.quality.OutlierRule;

/** What clustering should later do with outlying values; the Features step reads the choice. */
public enum OutlierTreatment {
  KEEP("Keep", "Outliers stay as they are. Scaling and a log transform in the Features step soften them; "
      + "k-means may still give a few extreme customers a cluster of their own."),
  CAP("Cap at percentiles", "Each clustered customer feature is capped at its 1st and 99th percentiles over the "
      + "customers (winsorising): every customer stays and keeps a segment, extremes stop pulling the centroids. "
      + "The Features step says how many customers were capped."),
  EXCLUDE_FROM_FITTING("Exclude customers", "Customers with a clustered feature outside the rule above (computed "
      + "over the customers) are left out of clustering and get no segment. The Features step says how many."),
  REMOVE("Remove rows", "Rows whose field above lies outside the rule are removed before the customer features are "
      + "built (in a customer table a row is a customer). The Features step says how many rows went.");

  private final String label;
  private final String explanation;

  OutlierTreatment(String label, String explanation) {
    this.label = label;
    this.explanation = explanation;
  }

  public String label() { return label; }

  /** The core's treatment with the rule and field it uses. */
  public OutlierHandling.Choice choice(OutlierRule rule, String field) {
    switch (this) {
      case KEEP: return OutlierHandling.Choice.KEEP;
      case CAP: return OutlierHandling.Choice.of(OutlierHandling.Kind.CAP, rule, field);
      case EXCLUDE_FROM_FITTING:
        return rule == null ? OutlierHandling.Choice.KEEP : OutlierHandling.Choice.of(OutlierHandling.Kind.EXCLUDE, rule, field);
      default:
        return rule == null || field == null ? OutlierHandling.Choice.KEEP
            : OutlierHandling.Choice.of(OutlierHandling.Kind.REMOVE_ROWS, rule, field);
    }
  }

  /** One or two sentences for the label beside the chooser. */
  public String explanation() { return explanation; }

  @Override public String toString() { return label; }
}
