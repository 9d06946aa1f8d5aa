package dev.segmentlab.core.segments;

import java.util.Arrays;
import java.util.Objects;

/**
 * Minimum-cost assignment (Hungarian algorithm, Kuhn–Munkres with potentials, O(n² m)) on a rectangular cost
 * matrix. With r rows and c columns, min(r, c) pairs are made, each row and column used at most once, and the
 * sum of their costs is minimal. Small and self-contained because the matrices here are k × k' centroids.
 */
public final class Hungarian {
  private Hungarian() {}

  /**
   * Solves the assignment problem.
   *
   * @param cost r × c matrix of finite costs (any sign), r, c &ge; 0; all rows of equal length
   * @return for each row, its column, or -1 when the row is left out (only if r &gt; c)
   * @throws IllegalArgumentException if the matrix is ragged or holds a non-finite value
   * @throws NullPointerException     if the matrix or a row is null
   */
  public static int[] solve(double[][] cost) {
    Objects.requireNonNull(cost, "cost");
    int rows = cost.length;
    if (rows == 0) return new int[0];
    int cols = Objects.requireNonNull(cost[0], "row 0").length;
    for (int i = 0; i < rows; i++) {
      if (Objects.requireNonNull(cost[i], "row " + i).length != cols) {
        throw new IllegalArgumentException("row " + i + " has " + cost[i].length + " columns, not " + cols);
      }
      for (double v : cost[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException("cost is not finite");
    }
    int[] result = new int[rows];
    Arrays.fill(result, -1);
    if (cols == 0) return result;
    if (rows <= cols) return solveWide(cost, rows, cols);
    // the potential method needs rows <= columns: solve the transpose and invert the answer
    double[][] t = new double[cols][rows];
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j][i] = cost[i][j];
    int[] colToRow = solveWide(t, cols, rows);
    for (int j = 0; j < cols; j++) result[colToRow[j]] = j;
    return result;
  }

  /** Total cost of an assignment as returned by {@link #solve}; rows assigned -1 cost nothing. */
  public static double cost(double[][] cost, int[] assignment) {
    double sum = 0;
    for (int i = 0; i < assignment.length; i++) if (assignment[i] >= 0) sum += cost[i][assignment[i]];
    return sum;
  }

  /** n ≤ m. Arrays are 1-based with index 0 as the virtual start column, as in the classic formulation. */
  private static int[] solveWide(double[][] a, int n, int m) {
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1];   // p[j] = row matched to column j, 0 = none
    int[] way = new int[m + 1];
    double[] minv = new double[m + 1];
    boolean[] used = new boolean[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = p[j0];
        int j1 = 0;
        double delta = Double.POSITIVE_INFINITY;
        for (int j = 1; j <= m; j++) {
          if (used[j]) continue;
          double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do { // walk the augmenting path back to the start column
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] rowToCol = new int[n];
    Arrays.fill(rowToCol, -1);
    for (int j = 1; j <= m; j++) if (p[j] != 0) rowToCol[p[j] - 1] = j - 1;
    return rowToCol;
  }
}
