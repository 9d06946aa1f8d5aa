package dev.segmentlab.core.segments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the segment layer needs from one clustering run, defined here so that this package does not depend
 * on the clustering code.
 *
 * <p>Rows are customers in the same order in every array; {@code raw} holds the features in their original units
 * (days, orders, currency, years…), {@code scaled} the standardized matrix k-means saw, and {@code centroids} the
 * cluster centres in that scaled space.
 *
 * <p>The constructor copies every array, so later changes by the caller do not leak in. Accessors hand out the
 * internal arrays without copying (they can be large); callers must not modify them. Being arrays, the
 * components make {@code equals} and {@code hashCode} compare identity, not contents.
 *
 * @param mode         where the features came from: RFM built from transactions, or columns of a customer table
 * @param customerIds  one id per customer, non-null, length n &ge; 1
 * @param labels       segment of each customer, each in {@code 0..k-1}, length n
 * @param k            number of segments, &ge; 1; a segment may be empty
 * @param featureNames one name per feature column, length d &ge; 1; in RFM mode the names {@code recency},
 *                     {@code frequency} and {@code monetary} (any case) are recognised
 * @param raw          n &times; d features in original units, finite
 * @param scaled       n &times; d standardized features, finite
 * @param centroids    k &times; d centres in the scaled space, finite
 * @param revenue      revenue per customer (currency, &ge; 0 expected), length n; {@code null} when unknown
 *                     (customer-table mode)
 * @param countries    country per customer, length n, entries may be {@code null}; the array may be {@code null}
 */
public record SegmentInput(
    Mode mode,
    String[] customerIds,
    int[] labels,
    int k,
    String[] featureNames,
    double[][] raw,
    double[][] scaled,
    double[][] centroids,
    double[] revenue,
    String[] countries) {

  /** Where the feature matrix came from; decides how segments are named and whether revenue is shown. */
  public enum Mode {
    /** Recency, frequency, monetary (and perhaps more) built from transaction lines. */
    TRANSACTIONS,
    /** Columns picked from a table with one row per customer (e.g. Mall Customers). */
    CUSTOMER_TABLE
  }

  /**
   * Validates and copies.
   *
   * @throws NullPointerException     if a required argument is null
   * @throws IllegalArgumentException if lengths disagree, a label is outside {@code 0..k-1}, or a value is not finite
   */
  public SegmentInput {
    Objects.requireNonNull(mode, "mode");
    int n = Objects.requireNonNull(customerIds, "customerIds").length;
    if (n == 0) throw new IllegalArgumentException("need at least one customer");
    if (k < 1) throw new IllegalArgumentException("k must be >= 1, was " + k);
    int d = Objects.requireNonNull(featureNames, "featureNames").length;
    if (d == 0) throw new IllegalArgumentException("need at least one feature");
    for (String f : featureNames) Objects.requireNonNull(f, "feature name");
    customerIds = customerIds.clone();
    featureNames = featureNames.clone();
    labels = Objects.requireNonNull(labels, "labels").clone();
    if (labels.length != n) throw new IllegalArgumentException("labels: " + labels.length + " rows, not " + n);
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is outside 0.." + (k - 1));
      }
    }
    raw = copy(raw, n, d, "raw");
    scaled = copy(scaled, n, d, "scaled");
    centroids = copy(centroids, k, d, "centroids");
    if (revenue != null) {
      if (revenue.length != n) throw new IllegalArgumentException("revenue: " + revenue.length + " rows, not " + n);
      revenue = revenue.clone();
      for (double v : revenue) if (!Double.isFinite(v)) throw new IllegalArgumentException("revenue is not finite");
    }
    if (countries != null) {
      if (countries.length != n) {
        throw new IllegalArgumentException("countries: " + countries.length + " rows, not " + n);
      }
      countries = countries.clone();
    }
  }

  /**
   * Input for transactions (RFM) mode, where revenue is the monetary column.
   *
   * @param countries may be {@code null}
   * @throws IllegalArgumentException as the constructor, or if no feature is called {@code monetary}
   */
  public static SegmentInput forTransactions(String[] customerIds, int[] labels, int k, String[] featureNames,
      double[][] raw, double[][] scaled, double[][] centroids, String[] countries) {
    int m = indexOf(featureNames, "monetary");
    if (m < 0) throw new IllegalArgumentException("no feature called 'monetary' in " + Arrays.toString(featureNames));
    double[] revenue = new double[raw.length];
    for (int i = 0; i < raw.length; i++) revenue[i] = raw[i][m];
    return new SegmentInput(Mode.TRANSACTIONS, customerIds, labels, k, featureNames, raw, scaled, centroids,
        revenue, countries);
  }

  /** Input for customer-table mode: no revenue, no countries. Throws as the constructor. */
  public static SegmentInput forCustomerTable(String[] customerIds, int[] labels, int k, String[] featureNames,
      double[][] raw, double[][] scaled, double[][] centroids) {
    return new SegmentInput(Mode.CUSTOMER_TABLE, customerIds, labels, k, featureNames, raw, scaled, centroids,
        null, null);
  }

  /** Number of customers (rows). */
  public int size() {
    return customerIds.length;
  }

  /** Number of features (columns). */
  public int dimension() {
    return featureNames.length;
  }

  /** Customers per segment, indexed by segment id; entries may be 0. */
  public int[] segmentSizes() {
    int[] sizes = new int[k];
    for (int l : labels) sizes[l]++;
    return sizes;
  }

  /** Column {@code j} of the raw matrix as a fresh array. */
  double[] rawColumn(int j) {
    double[] c = new double[raw.length];
    for (int i = 0; i < raw.length; i++) c[i] = raw[i][j];
    return c;
  }

  /** Index of the feature with this name ignoring case, or -1. */
  public int featureIndex(String name) {
    return indexOf(featureNames, name);
  }

  private static int indexOf(String[] names, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (int j = 0; j < names.length; j++) {
      if (names[j] != null && names[j].trim().toLowerCase(Locale.ROOT).equals(wanted)) return j;
    }
    return -1;
  }

  private static double[][] copy(double[][] m, int rows, int cols, String what) {
    Objects.requireNonNull(m, what);
    if (m.length != rows) throw new IllegalArgumentException(what + ": " + m.length + " rows, not " + rows);
    double[][] c = new double[rows][];
    for (int i = 0; i < rows; i++) {
      if (m[i] == null || m[i].length != cols) {
        throw new IllegalArgumentException(what + ": row " + i + " does not have " + cols + " columns");
      }
      c[i] = m[i].clone();
      for (double v : c[i]) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + ": row " + i + " is not finite");
      }
    }
    return c;
  }
}
