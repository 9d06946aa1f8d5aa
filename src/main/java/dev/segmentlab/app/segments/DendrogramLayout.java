package dev.segmentlab.app.segments;

import dev.segmentlab.core.cluster.Dendrogram;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The top of a dendrogram laid out for drawing: the last {@code top} merges, the clusters they join as leaves
 * (scipy's {@code truncate_mode="lastp"}), leaves at x = 0..leaves−1 in tree order, merges at their height.
 * Computed off the FX thread; immutable; sizes of order {@code top}, whatever the number of customers.
 */
record DendrogramLayout(double[] leafX, int[] leafSize, double[] mergeX, double[] mergeHeight, double[] leftX,
    double[] leftY, double[] rightX, double[] rightY, double[] cutHeights, boolean approximate) {

  /** How many of the last merges are drawn: 31 clusters at the bottom stay readable. */
  static final int TOP = 30;

  /**
   * @param d Ward's merge tree (one root)
   * @param top merges drawn (≥ 1)
   * @param approximate the leaves of {@code d} are k-means micro-clusters
   */
  static DendrogramLayout of(Dendrogram d, int top, boolean approximate) {
    int n = d.leaves(), m = d.merges();
    int t = Math.min(top, m);
    int first = m - t; // merges first..m-1 are drawn
    double[] x = new double[n + m];
    double[] y = new double[n + m];
    int leaves = t + 1;
    double[] leafX = new double[leaves];
    int[] leafSize = new int[leaves];
    int nextLeaf = 0;
    // tree order: a depth-first walk from the root, left before right
    if (m > 0) {
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(n + m - 1);
      while (!stack.isEmpty()) {
        int node = stack.pop();
        if (node >= n + first) {
          int merge = node - n;
          stack.push(d.right(merge));
          stack.push(d.left(merge));
        } else {
          x[node] = nextLeaf;
          y[node] = 0;
          leafX[nextLeaf] = nextLeaf;
          leafSize[nextLeaf] = node < n ? 1 : d.size(node - n);
          nextLeaf++;
        }
      }
    }
    double[] mergeX = new double[t], mergeH = new double[t];
    double[] lx = new double[t], ly = new double[t], rx = new double[t], ry = new double[t];
    for (int q = 0; q < t; q++) {
      int merge = first + q, l = d.left(merge), r = d.right(merge);
      double h = d.height(merge);
      x[n + merge] = (x[l] + x[r]) / 2;
      y[n + merge] = h;
      mergeX[q] = x[n + merge];
      mergeH[q] = h;
      lx[q] = x[l];
      ly[q] = y[l];
      rx[q] = x[r];
      ry[q] = y[r];
    }
    // the cut for k = 1..t+1 clusters (k = 1 above the root)
    double[] cuts = new double[t + 1];
    for (int k = 1; k <= t + 1; k++) cuts[k - 1] = k == 1 ? (m == 0 ? 0 : d.height(m - 1) * 1.05) : d.cutHeight(k);
    return new DendrogramLayout(leafX, leafSize, mergeX, mergeH, lx, ly, rx, ry, cuts, approximate);
  }

  /** Drawn merges. */
  int merges() { return mergeX.length; }

  /** Drawn leaves (clusters at the bottom of the drawing). */
  int leaves() { return leafX.length; }

  /** The tallest merge (the root's height). */
  double maxHeight() { return merges() == 0 ? 0 : mergeHeight[merges() - 1]; }

  /** The height of the cut that leaves {@code k} clusters, or NaN when the cut falls below the drawn leaves. */
  double cutHeight(int k) {
    return k < 1 || k > cutHeights.length ? Double.NaN : cutHeights[k - 1];
  }

  /**
   * The clusters below a cut at height {@code h}, counted from the drawing: the vertical links that cross the
   * line (each joins a node below the cut to a merge at or above it).
   */
  int branchesCrossing(double h) {
    int c = 0;
    for (int q = 0; q < merges(); q++) {
      if (mergeHeight[q] >= h) {
        if (leftY[q] < h) c++;
        if (rightY[q] < h) c++;
      }
    }
    return merges() == 0 || maxHeight() < h ? 1 : c;
  }
}
