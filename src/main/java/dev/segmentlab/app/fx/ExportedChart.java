package dev.segmentlab.app.fx;

import java.util.Arrays;
import java.util.Optional;

/**
 * The charts that can leave the app as PNG ("Save as PNG…" and "Save all charts…"): each with the node id its view
 * gives it and the file name it is saved under. One list for every step, so that the views need not know about
 * exporting and the composition root holds no table of ids.
 */
public enum ExportedChart {
  CLEANING_WATERFALL("waterfallChart", "cleaning-waterfall"),
  MISSING_VALUES("missingChart", "missing-values"),
  MISSING_BY_MONTH("missingByMonthChart", "missing-customers-by-month"),
  MISSING_BY_COUNTRY("missingByCountryChart", "missing-customers-by-country"),
  OUTLIER_BOX_PLOT("boxPlot", "outlier-box-plot"),
  OUTLIER_HISTOGRAM("outlierHistogram", "outlier-histogram"),
  MONTHLY("monthlyChart", "monthly"),
  WEEKDAY("weekdayChart", "weekday"),
  HOUR("hourChart", "hour"),
  COUNTRIES("countryChart", "countries"),
  BASKET_ITEMS("basketChart", "basket-items"),
  BASKET_REVENUE("basketRevenueChart", "basket-revenue"),
  REVENUE_PER_CUSTOMER("revenuePerCustomerChart", "revenue-per-customer"),
  COHORT_RETENTION("cohortHeatmap", "cohort-retention"),
  FEATURE_BEFORE("rawHistogram", "feature-before"),
  FEATURE_AFTER("transformedHistogram", "feature-after"),
  ELBOW("elbowChart", "elbow"),
  SILHOUETTE("silhouetteChart", "silhouette"),
  CALINSKI_HARABASZ("chChart", "calinski-harabasz"),
  DAVIES_BOULDIN("dbChart", "davies-bouldin"),
  STABILITY("stabilityChart", "stability"),
  SCATTER("scatterPane", "scatter"),
  SILHOUETTE_PLOT("silhouettePlot", "silhouette-plot"),
  SNAKE_PLOT("snakePlot", "snake-plot"),
  HEATMAP("heatmap", "heatmap");

  private final String nodeId;
  private final String fileName;

  ExportedChart(String nodeId, String fileName) {
    this.nodeId = nodeId;
    this.fileName = fileName;
  }

  /** The id the chart's view gives its node. */
  public String nodeId() { return nodeId; }

  /** The file name it is saved under, without ".png". */
  public String fileName() { return fileName; }

  /** The exported chart a node with this id is, if any. */
  public static Optional<ExportedChart> byNodeId(String id) {
    return id == null ? Optional.empty() : Arrays.stream(values()).filter(c -> c.nodeId.equals(id)).findFirst();
  }
}
