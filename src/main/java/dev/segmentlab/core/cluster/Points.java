package dev.segmentlab.core.cluster;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable n &times; d matrix of finite feature values (one row per customer), stored row-major in one
 * {@code double[]} so the clustering loops run over primitive memory without per-row indirection.
 *
 * <p>Build it once per feature matrix and pass the same instance to {@link KMeans}, {@link KSweep},
 * {@link Criteria} and {@link Stability}; the distinct-row count is computed on first use and cached.
 */
public final class Points {
  private final double[] data;
  private final int n;
  private final int d;
  private volatile int distinct = -1;

  private Points(double[] data, int n, int d) {
    this.data = data;
    this.n = n;
    this.d = d;
  }

  /**
   * Copies a rectangular array of rows.
   *
   * @param rows at least one row, every row of the same length (at least 1), all values finite
   * @throws IllegalArgumentException if empty, ragged, or a value is NaN or infinite
   */
  public static Points of(double[][] rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.length == 0) throw new IllegalArgumentException("there are no customers (rows) to cluster");
    int d = rows[0].length;
    double[] data = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, row 0 has " + d);
      }
      System.arraycopy(rows[i], 0, data, i * d, d);
    }
    return ofRowMajor(data, rows.length, d);
  }

  /**
   * Copies a row-major matrix: value (i, j) is {@code data[i * d + j]}.
   *
   * @param n number of rows (at least 1)
   * @param d number of features per row (at least 1)
   * @throws IllegalArgumentException if the sizes do not match or a value is NaN or infinite
   */
  public static Points ofRowMajor(double[] data, int n, int d) {
    Objects.requireNonNull(data, "data");
    if (n < 1) throw new IllegalArgumentException("there are no customers (rows) to cluster");
    if (d < 1) throw new IllegalArgumentException("there are no features (columns) to cluster on");
    if ((long) n * d != data.length) {
      throw new IllegalArgumentException(data.length + " values do not make " + n + " rows of " + d + " features");
    }
    double[] copy = data.clone();
    for (int i = 0; i < copy.length; i++) {
      if (!Double.isFinite(copy[i])) {
        throw new IllegalArgumentException("feature " + (i % d) + " of row " + (i / d) + " is " + copy[i]
            + "; transform or remove it before clustering");
      }
    }
    return new Points(copy, n, d);
  }

  /** Wraps without copying or checking; for matrices built inside this package. */
  static Points wrap(double[] data, int n, int d) {
    return new Points(data, n, d);
  }

  /** Number of rows (customers). */
  public int size() {
    return n;
  }

  /** Number of features per row. */
  public int dimension() {
    return d;
  }

  /** Value of feature {@code j} of row {@code i}. */
  public double get(int i, int j) {
    Objects.checkIndex(j, d);
    return data[Objects.checkIndex(i, n) * d + j];
  }

  /** A copy of row {@code i}. */
  public double[] row(int i) {
    return Arrays.copyOfRange(data, Objects.checkIndex(i, n) * d, i * d + d);
  }

  /** A copy as an array of rows. */
  public double[][] toArray() {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) rows[i] = row(i);
    return rows;
  }

  /** Number of distinct rows: the largest k for which k-means can give k non-empty clusters. */
  public int distinctRows() {
    int c = distinct;
    if (c < 0) {
      Set<Row> seen = new HashSet<>(n * 2);
      for (int i = 0; i < n; i++) seen.add(new Row(i));
      c = seen.size();
      distinct = c;
    }
    return c;
  }

  /** The rows at the given indices (repeats allowed), as a new matrix. */
  Points select(int[] rows) {
    double[] out = new double[rows.length * d];
    for (int r = 0; r < rows.length; r++) System.arraycopy(data, rows[r] * d, out, r * d, d);
    return new Points(out, rows.length, d);
  }

  /** The backing array; callers must not modify it. */
  double[] data() {
    return data;
  }

  private final class Row {
    final int i;

    Row(int i) {
      this.i = i;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Row r)) return false;
      for (int f = 0; f < d; f++) if (data[i * d + f] != data[r.i * d + f]) return false; // so -0.0 == 0.0
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int j = i * d; j < i * d + d; j++) {
        long bits = Double.doubleToLongBits(data[j] == 0.0 ? 0.0 : data[j]);
        h = 31 * h + (int) (bits ^ (bits >>> 32));
      }
      return h;
    }
  }

  /** A copy of every row: results hand out arrays that callers may modify. */
  static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
    return c;
  }
}
