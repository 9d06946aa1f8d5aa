package dev.segmentlab.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything a findings report says about one run, as plain values: the HTML, PDF and PPTX renderings all read
 * this and nothing else, so the three say the same thing. Built by {@link ReportBuilder}.
 *
 * @param title report title (the data file's name)
 * @param summary the executive summary, one sentence per entry
 * @param data the file read and how it was cleaned
 * @param explore highlights of the transactions (monthly revenue, countries, cohorts, baskets); null for a customer table
 * @param choice how k was chosen
 * @param segments one section per segment, in segment order
 * @param reproduce what is needed to make the same run again
 */
public record ReportModel(String title, List<String> summary, Data data, Explore explore, KChoice choice,
    List<Segment> segments, Reproduce reproduce) {

  public ReportModel {
    Objects.requireNonNull(title, "title");
    summary = List.copyOf(summary);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(choice, "choice");
    segments = List.copyOf(segments);
    Objects.requireNonNull(reproduce, "reproduce");
  }

  /** Customers clustered (the sum of the segment sizes). */
  public int customers() { return segments.stream().mapToInt(Segment::size).sum(); }

  /** True in transactions mode (revenue, countries and products known). */
  public boolean hasRevenue() { return explore != null; }

  /**
   * The data section.
   *
   * @param file file name (no folder)
   * @param format CSV, XLSX, …
   * @param mode {@code transactions} or {@code customers} (a customer table)
   * @param rows rows read
   * @param rejected rows that could not be read
   * @param customersInFile distinct customer ids in the file
   * @param firstDate first invoice date (yyyy-MM-dd), or "" for a customer table
   * @param lastDate last invoice date, or ""
   * @param cleaning the cleaning rules applied in order with the rows each removed (empty for a customer table)
   * @param rowsAfterCleaning rows kept
   * @param customers customers clustered
   */
  public record Data(String file, String format, String mode, int rows, int rejected, int customersInFile,
      String firstDate, String lastDate, List<CleaningStep> cleaning, int rowsAfterCleaning, int customers) {
    public Data { cleaning = List.copyOf(cleaning); }
  }

  /** One cleaning rule: its label, the rows it removed and the rows left after it. */
  public record CleaningStep(String rule, int removed, int remaining) {}

  /**
   * Highlights of the cleaned transactions.
   *
   * @param monthly revenue by calendar month
   * @param countries top countries by revenue
   * @param cohorts retention by month of first purchase (at most 13 cohorts)
   * @param revenue total revenue of the cleaned rows (the file's currency)
   * @param invoices orders
   * @param products distinct products
   * @param averageBasketRevenue revenue per order
   * @param medianBasketItems median units per order
   * @param medianBasketProducts median distinct products per order
   */
  public record Explore(List<Month> monthly, List<Country> countries, List<CohortRow> cohorts, double revenue,
      int invoices, int products, double averageBasketRevenue, double medianBasketItems, double medianBasketProducts) {
    public Explore {
      monthly = List.copyOf(monthly);
      countries = List.copyOf(countries);
      cohorts = List.copyOf(cohorts);
    }
  }

  /** One month: {@code yyyy-MM}, revenue, orders, customers; partial when the data covers only part of it. */
  public record Month(String month, double revenue, int orders, int customers, boolean partial) {}

  /** One country's revenue and share of the total (0..1). */
  public record Country(String country, double revenue, double share, int customers) {}

  /** One cohort: first-purchase month, customers, retention by month since (0..1, month 0 = 1). */
  public record CohortRow(String cohort, int size, List<Double> retention) {
    public CohortRow { retention = List.copyOf(retention); }
  }

  /**
   * How k was chosen.
   *
   * @param points the sweep, one per k
   * @param knee the knee of the WCSS curve, or null
   * @param bestSilhouette the k with the best silhouette, or null
   * @param chosen the k used
   * @param meanAri mean adjusted Rand index across re-runs (0..1), or null when stability was not measured
   * @param explanation the choice in words
   */
  public record KChoice(List<KPoint> points, Integer knee, Integer bestSilhouette, int chosen, Double meanAri,
      String explanation) {
    public KChoice { points = List.copyOf(points); }
  }

  /** One k of the sweep; NaN where a criterion is undefined (e.g. silhouette at k = 1). */
  public record KPoint(int k, double wcss, double silhouette, double calinskiHarabasz, double daviesBouldin) {}

  /**
   * One segment.
   *
   * @param id segment id 0..k-1
   * @param name the name shown
   * @param colour {@code #rrggbb}
   * @param size customers
   * @param share size / customers (0..1)
   * @param revenue summed revenue, NaN when unknown
   * @param revenueShare revenue / total (0..1), NaN when unknown
   * @param figures one per clustered feature
   * @param description who these customers are
   * @param action what to do about them ("" when there is no advice)
   * @param topProducts products with most revenue in the segment (at most 5)
   * @param topCountries countries with most customers in the segment (at most 3)
   * @param stability mean Jaccard similarity across re-runs (0..1), or null
   * @param unstable whether the segment is flagged unstable
   * @param predictedRevenue the predicted revenue of the next 12 months (Σ of the customers' CLV, BG/NBD +
   *     Gamma-Gamma), NaN when unknown (a customer table, or the models could not be fitted)
   * @param predictedShare predictedRevenue / the total over all segments (0..1), NaN when unknown
   */
  public record Segment(int id, String name, String colour, int size, double share, double revenue,
      double revenueShare, List<Figure> figures, String description, String action, List<Ranked> topProducts,
      List<Ranked> topCountries, Double stability, boolean unstable, double predictedRevenue, double predictedShare) {
    public Segment {
      figures = List.copyOf(figures);
      topProducts = List.copyOf(topProducts);
      topCountries = List.copyOf(topCountries);
    }

    /** A segment without a predicted revenue. */
    public Segment(int id, String name, String colour, int size, double share, double revenue,
        double revenueShare, List<Figure> figures, String description, String action, List<Ranked> topProducts,
        List<Ranked> topCountries, Double stability, boolean unstable) {
      this(id, name, colour, size, share, revenue, revenueShare, figures, description, action, topProducts,
          topCountries, stability, unstable, Double.NaN, Double.NaN);
    }

    /** Whether the predicted revenue of the next 12 months is known. */
    public boolean hasPredictedRevenue() { return Double.isFinite(predictedRevenue); }
  }

  /**
   * One feature of a segment.
   *
   * @param feature feature name
   * @param mean segment mean, original units
   * @param median segment median
   * @param overallMean mean over all customers
   * @param snake mean standardised value (the snake plot's y)
   * @param relative segment mean ÷ overall mean − 1 (the heatmap's cell)
   */
  public record Figure(String feature, double mean, double median, double overallMean, double snake, double relative) {}

  /** A label with a value: a product with its revenue, a country with its customers. */
  public record Ranked(String label, double value) {}

  /**
   * What is needed to make the same run again.
   *
   * @param file the data file's path as given
   * @param sha256 the file's SHA-256 (hex)
   * @param bytes the file's size
   * @param version SegmentLab version
   * @param rules cleaning rules on
   * @param features features clustered
   * @param transform transform label
   * @param scaling scaling label
   * @param kMin smallest k swept
   * @param kMax largest k swept
   * @param k chosen k
   * @param restarts k-means restarts
   * @param seed random seed
   * @param stabilityRuns re-runs for stability (0 = not measured)
   * @param created when the report was made (ISO-8601, UTC)
   */
  public record Reproduce(String file, String sha256, long bytes, String version, List<String> rules,
      List<String> features, String transform, String scaling, int kMin, int kMax, int k, int restarts, long seed,
      int stabilityRuns, String created) {
    public Reproduce {
      rules = List.copyOf(rules);
      features = List.copyOf(features);
    }

    /** The command line that repeats the run. */
    public String command() {
      return "segmentlab segment \"" + file + "\" --k " + k + " --k-min " + kMin + " --k-max " + kMax
          + " --features " + String.join(",", features) + " --transform " + transform + " --scale " + scaling
          + " --restarts " + restarts + " --seed " + seed + " --stability " + stabilityRuns;
    }
  }
}
