package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.Parallel;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One k-means run from given centres: Lloyd's iterations with Hamerly's (2010) bounds, which skip most
 * point-to-centre distances once clusters settle. The assignments are those of plain Lloyd (the bounds only
 * prove that a point's nearest centre has not changed), and the stopping rule is scikit-learn's: stop when no
 * label changed, or when the summed squared centre shift is at most {@code tolAbs}; in the latter case labels
 * are recomputed once against the final centres. Each cluster's sum is kept up to date as points change cluster
 * rather than summed afresh each iteration, so a centre may differ from a fresh mean in its last bits.
 */
final class Hamerly {
  record Run(int[] labels, double[] centres, double wcss, int iterations) {}

  private final double[] x;
  /** Weight of each point, or null for 1 each (see {@link #run}). */
  private final double[] w;
  private final int n;
  private final int d;
  private final int k;
  private final double[] c;
  private final int[] label;
  private final double[] upper;
  private final double[] lower;
  private final double[] half;
  private final double[] shift;
  /**
   * Per cluster, the (weighted) sum of its points' coordinates and their count, kept up to date as points change
   * cluster (most iterations move few), so that moving the centres needs no pass over all points: about 13% of
   * the k sweep's k-means time under C1.
   */
  private final double[] sums;
  private final double[] counts;
  private boolean tracking;
  /** Whether a scan has moved a point to another cluster since the flag was last cleared. */
  private boolean changed;
  /** The last centre move, applied to the bounds by the next {@link #assign}. */
  private int farthestMoved;
  private double maxShift;
  private double secondShift;

  private Hamerly(double[] x, double[] w, int n, int d, double[] centres) {
    this.x = x;
    this.w = w;
    this.n = n;
    this.d = d;
    this.k = centres.length / d;
    this.c = centres.clone();
    this.label = new int[n];
    this.upper = new double[n];
    this.lower = new double[n];
    this.half = new double[k];
    this.shift = new double[k];
    this.sums = new double[k * d];
    this.counts = new double[k];
  }

  static Run run(double[] x, int n, int d, double[] centres, int maxIterations, double tolAbs,
      BooleanSupplier cancelled) {
    return run(x, null, n, d, centres, maxIterations, tolAbs, cancelled);
  }

  /**
   * A run on weighted points: a point of weight m moves the centres and counts in the WCSS as m identical points
   * would (a bootstrap sample's repeated customers, held once). Null weights are 1 each, with the same results
   * bit for bit as unweighted arithmetic.
   */
  static Run run(double[] x, double[] w, int n, int d, double[] centres, int maxIterations, double tolAbs,
      BooleanSupplier cancelled) {
    return new Hamerly(x, w, n, d, centres).iterate(maxIterations, tolAbs, cancelled);
  }

  private Run iterate(int maxIterations, double tolAbs, BooleanSupplier cancelled) {
    boolean strict = false;
    int it = 0;
    for (int i = 0; i < n; i++) scan(i);
    sumClusters();
    tracking = true;
    changed = true; // the first labels are all new
    while (it < maxIterations) {
      Parallel.checkCancelled(cancelled);
      if (it > 0) {
        changed = false;
        assign();
      }
      it++;
      double moved = moveCentres();
      if (!changed) {
        strict = true;
        break;
      }
      if (moved <= tolAbs) break;
      updateBounds();
    }
    if (!strict) { // labels against the final centres; the bounds spare most points a full scan
      updateBounds();
      assign();
    }
    double wcss = 0;
    for (int i = 0; i < n; i++) wcss += (w == null ? 1 : w[i]) * Seeding.sq(x, i, c, label[i], d);
    return new Run(label, c, wcss, it);
  }

  /**
   * Hamerly's assignment step, with the bounds first moved by the last centre shifts (one pass over the points
   * instead of two): a full scan only where the bounds cannot rule out a closer centre.
   */
  private void assign() {
    int far = farthestMoved;
    double max1 = maxShift;
    double max2 = secondShift;
    // The fields in locals: C1 reloads a field at each use in a loop, and this loop is the k sweep's hottest
    // (about 8% faster under C1).
    int[] label = this.label;
    double[] upper = this.upper;
    double[] lower = this.lower;
    double[] half = this.half;
    double[] shift = this.shift;
    double[] x = this.x;
    double[] c = this.c;
    boolean three = d == 3;
    for (int i = 0; i < n; i++) {
      int a = label[i];
      double u = upper[i] + shift[a];
      double l = lower[i] - (a == far ? max2 : max1);
      lower[i] = l;
      double h = half[a];
      double m = h > l ? h : l; // not Math.max: C1 would call it, not inline it (no NaN can occur here)
      if (u <= m) {
        upper[i] = u;
        continue;
      }
      if (three) { // RFM: the distance written out (C1 would not inline a call)
        int p = i * 3;
        int q = a * 3;
        double e0 = x[p] - c[q];
        double e1 = x[p + 1] - c[q + 1];
        double e2 = x[p + 2] - c[q + 2];
        u = Math.sqrt(e0 * e0 + e1 * e1 + e2 * e2);
      } else {
        u = Math.sqrt(Seeding.sq(x, i, c, a, d));
      }
      upper[i] = u;
      if (u <= m) continue;
      scan(i);
    }
  }

  /** Exact nearest and second-nearest centre; ties go to the lower index, as in Lloyd. */
  private void scan(int i) {
    double d1 = Double.POSITIVE_INFINITY;
    double d2 = Double.POSITIVE_INFINITY;
    int best = 0;
    // Two copies of the loop on purpose: one loop testing d inside ran the k sweep 12% slower under C1.
    double[] c = this.c;
    int k = this.k;
    if (d == 3) { // RFM: the distance written out (C1 would not inline a call)
      double[] x = this.x;
      double p0 = x[i * 3];
      double p1 = x[i * 3 + 1];
      double p2 = x[i * 3 + 2];
      for (int j = 0, q = 0; j < k; j++, q += 3) {
        double u = p0 - c[q];
        double v = p1 - c[q + 1];
        double w = p2 - c[q + 2];
        double s = u * u + v * v + w * w;
        if (s < d1) {
          d2 = d1;
          d1 = s;
          best = j;
        } else if (s < d2) {
          d2 = s;
        }
      }
    } else {
      for (int j = 0; j < k; j++) {
        double s = Seeding.sq(x, i, c, j, d);
        if (s < d1) {
          d2 = d1;
          d1 = s;
          best = j;
        } else if (s < d2) {
          d2 = s;
        }
      }
    }
    int old = label[i];
    if (old != best) {
      changed = true;
      if (tracking) move(i, old, best);
    }
    label[i] = best;
    upper[i] = Math.sqrt(d1);
    lower[i] = Math.sqrt(d2);
  }

  /**
   * The clusters' sums and counts from the labels, once per run (a weight of 1 gives the same sums bit for bit
   * as adding the coordinates).
   */
  private void sumClusters() {
    for (int i = 0; i < n; i++) {
      int a = label[i];
      double wi = w == null ? 1 : w[i];
      counts[a] += wi;
      for (int f = 0; f < d; f++) sums[a * d + f] += wi * x[i * d + f];
    }
  }

  /** Point i leaves cluster {@code from} for {@code to}. */
  private void move(int i, int from, int to) {
    double wi = w == null ? 1 : w[i];
    counts[from] -= wi;
    counts[to] += wi;
    for (int f = 0, p = i * d; f < d; f++) {
      double v = wi * x[p + f];
      sums[from * d + f] -= v;
      sums[to * d + f] += v;
    }
  }

  /** Moves centres to their means; returns the summed squared shift. Empty clusters get the farthest points. */
  private double moveCentres() {
    double[] sums = this.sums;
    double[] counts = this.counts;
    boolean empty = false;
    for (int j = 0; j < k; j++) empty |= counts[j] == 0;
    if (empty) { // the relocation moves centres only: the labels and their sums stay as they are
      sums = sums.clone();
      counts = counts.clone();
      relocateEmpty(sums, counts);
    }
    double total = 0;
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int f = 0; f < d; f++) {
        double v = counts[j] > 0 ? sums[j * d + f] / counts[j] : c[j * d + f];
        double t = v - c[j * d + f];
        s += t * t;
        c[j * d + f] = v;
      }
      shift[j] = Math.sqrt(s);
      total += s;
    }
    return total;
  }

  /**
   * scikit-learn's rule: each empty cluster takes one of the points farthest from their current centre (the
   * worst-served customers), and that point's contribution leaves its old cluster. Called when at least one
   * cluster is empty.
   */
  private void relocateEmpty(double[] sums, double[] counts) {
    double[] dist = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      dist[i] = Seeding.sq(x, i, c, label[i], d);
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> p.equals(q) ? 0 : dist[p] != dist[q] ? Double.compare(dist[q], dist[p]) : p - q);
    int next = 0;
    for (int j = 0; j < k; j++) {
      if (counts[j] != 0) continue;
      int p = order[next++];
      int from = label[p];
      double wp = w == null ? 1 : w[p];
      counts[from] -= wp;
      counts[j] = wp;
      for (int f = 0; f < d; f++) {
        sums[from * d + f] -= wp * x[p * d + f];
        sums[j * d + f] = wp * x[p * d + f];
      }
    }
  }

  /**
   * Records how far the centres moved, for {@link #assign} to apply to the bounds, and each centre's half
   * distance to its nearest other centre.
   */
  private void updateBounds() {
    int far = 0;
    double max1 = -1;
    double max2 = 0;
    for (int j = 0; j < k; j++) {
      if (shift[j] > max1) {
        max2 = Math.max(max1, 0);
        max1 = shift[j];
        far = j;
      } else if (shift[j] > max2) {
        max2 = shift[j];
      }
    }
    farthestMoved = far;
    maxShift = max1;
    secondShift = max2;
    for (int j = 0; j < k; j++) {
      double m = Double.POSITIVE_INFINITY;
      for (int o = 0; o < k; o++) if (o != j) m = Math.min(m, Seeding.sq(c, j, c, o, d));
      half[j] = 0.5 * Math.sqrt(m);
    }
  }
}
