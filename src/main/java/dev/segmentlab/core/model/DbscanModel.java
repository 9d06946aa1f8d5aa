package dev.segmentlab.core.model;

import dev.segmentlab.core.cluster.Dbscan;
import dev.segmentlab.core.cluster.Points;

/**
 * DBSCAN as a model: a new point joins the cluster of its nearest core point when that lies within eps, else the
 * "Unassigned" segment (the last one, when the fit had noise). Its distance is the squared distance to that core
 * point (to the nearest core point for unassigned ones).
 */
public final class DbscanModel implements FittedClustering {
  public static final String METHOD = "dbscan";

  private final double[][] corePoints;
  private final int[] coreLabels;
  private final double eps;
  private final int segments;
  private final boolean hasUnassigned;
  private final double[][] centres;

  /**
   * @param corePoints the core points (prepared space)
   * @param coreLabels each core point's cluster, 0..clusters-1
   * @param eps the radius
   * @param centres one mean per segment (the unassigned segment last, when there is one)
   * @param hasUnassigned whether the last segment is the unassigned one
   */
  public DbscanModel(double[][] corePoints, int[] coreLabels, double eps, double[][] centres, boolean hasUnassigned) {
    if (corePoints.length != coreLabels.length) throw new IllegalArgumentException("one label per core point");
    if (centres.length == 0) throw new IllegalArgumentException("DBSCAN found no segment");
    this.corePoints = copy(corePoints);
    this.coreLabels = coreLabels.clone();
    this.eps = eps;
    this.centres = copy(centres);
    this.segments = centres.length;
    this.hasUnassigned = hasUnassigned;
  }

  /** The model of a fit on {@code x}. */
  public static DbscanModel of(Points x, Dbscan.Result r, double[][] centres) {
    boolean[] core = r.core();
    int[] labels = r.labels();
    int m = 0;
    for (boolean c : core) if (c) m++;
    double[][] pts = new double[m][];
    int[] l = new int[m];
    for (int i = 0, q = 0; i < core.length; i++) {
      if (core[i]) {
        pts[q] = x.row(i);
        l[q++] = labels[i];
      }
    }
    return new DbscanModel(pts, l, r.eps(), centres, r.unassigned() > 0);
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
    return c;
  }

  @Override public String method() { return METHOD; }
  @Override public int k() { return segments; }
  @Override public int dims() { return centres[0].length; }
  @Override public double[][] centres() { return copy(centres); }

  public double eps() { return eps; }

  /** The core points; a copy. */
  public double[][] corePoints() { return copy(corePoints); }

  /** Each core point's segment; a copy. */
  public int[] coreLabels() { return coreLabels.clone(); }

  /** The index of the "Unassigned" segment, or −1 when the fit had no noise. */
  public int unassignedSegment() { return hasUnassigned ? segments - 1 : -1; }

  @Override public Labels assign(double[][] x) {
    int[] labels = new int[x.length];
    double[] dist = new double[x.length];
    int[] sizes = new int[segments];
    double e2 = eps * eps;
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != dims()) throw new IllegalArgumentException("point " + i + " has " + x[i].length + " values");
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int c = 0; c < corePoints.length; c++) {
        double s = 0;
        for (int f = 0; f < x[i].length; f++) {
          double t = x[i][f] - corePoints[c][f];
          s += t * t;
        }
        if (s < bestD) {
          bestD = s;
          best = c;
        }
      }
      int label = best >= 0 && bestD <= e2 ? coreLabels[best] : (hasUnassigned ? segments - 1 : nearestCentre(x[i]));
      labels[i] = label;
      dist[i] = bestD;
      sizes[label]++;
    }
    return new Labels(labels, dist, sizes);
  }

  private int nearestCentre(double[] p) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centres.length; c++) {
      double s = 0;
      for (int f = 0; f < p.length; f++) s += (p[f] - centres[c][f]) * (p[f] - centres[c][f]);
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    return best;
  }
}
