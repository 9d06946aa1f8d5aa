package dev.segmentlab.app.quality;

/** What clustering should later do with outlying values; the Features step reads the choice. */
public enum OutlierTreatment {
  KEEP("Keep", "Outliers stay as they are. Scaling and a log transform in the Features step soften them; "
      + "k-means may still give a few extreme customers a cluster of their own."),
  CAP("Cap at percentiles", "Values beyond the 1st and 99th percentiles are set to those percentiles "
      + "(winsorising): every customer stays, extremes stop pulling the centroids."),
  EXCLUDE_FROM_FITTING("Exclude from fitting", "Outlying customers are left out while k-means finds the centroids, "
      + "then assigned to the nearest one: they still get a segment."),
  REMOVE("Remove", "Outlying customers are dropped from the segmentation altogether and get no segment.");

  private final String label;
  private final String explanation;

  OutlierTreatment(String label, String explanation) {
    this.label = label;
    this.explanation = explanation;
  }

  public String label() { return label; }

  /** One or two sentences for the label beside the chooser. */
  public String explanation() { return explanation; }

  @Override public String toString() { return label; }
}
