package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.Parallel;
import dev.segmentlab.core.concurrent.RunControl;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * DBSCAN (Ester et al. 1996, scikit-learn's conventions): a point with at least {@code minPoints} points (itself
 * included) within {@code eps} is a core point; clusters are the core points connected through such neighbourhoods
 * plus the non-core points within eps of one of them; every other point is noise, which SegmentLab shows as an
 * "Unassigned" segment after the clusters. The {@link #kDistances k-distance} curve (each point's distance to its
 * (minPoints − 1)-th nearest other point, sorted) helps choose eps: its knee is the default.
 *
 * <p><b>Why not Commons Math's {@code DBSCANClusterer}.</b> It answers each neighbourhood query with a scan of
 * a {@code List<Clusterable>} through a {@code DistanceMeasure}, allocating a neighbour list per query, and
 * leaves noise out of its result, so the labels of the input's rows must be found again by identity. Measured on
 * Online Retail's 4,338 customers (log1p + standard RFM, eps 0.503 = the k-distance knee, minPoints 6; both find
 * the same 3 clusters) on a shared 2-core machine under heavy load: 1.9 s warm against 0.34–0.66 s for these two
 * passes over primitive arrays; and it offers no k-distance curve. Both are O(n²) in time; this one O(n) in
 * memory.
 */
public final class Dbscan {
  private Dbscan() {}

  /**
   * @param eps neighbourhood radius in the prepared space (> 0), or NaN for the knee of the k-distance curve
   * @param minPoints points within eps (the point included) that make a core point, ≥ 2 (default 2 × features)
   */
  public record Options(double eps, int minPoints) {
    public Options {
      if (!(Double.isNaN(eps) || (eps > 0 && Double.isFinite(eps)))) {
        throw new IllegalArgumentException("eps must be a positive number (was " + eps + ")");
      }
      if (minPoints < 2) throw new IllegalArgumentException("minimum points must be at least 2 (was " + minPoints + ")");
    }

    /** eps from the k-distance knee, minPoints = 2 × dims. */
    public static Options auto(int dims) {
      return new Options(Double.NaN, Math.max(2, 2 * dims));
    }
  }

  /**
   * @param labels cluster per point, 0..clusters-1, noise = {@code clusters} (the "Unassigned" segment)
   * @param clusters number of clusters found (noise not counted)
   * @param unassigned noise points
   * @param eps the radius used
   * @param minPoints the core threshold used
   * @param core whether each point is a core point
   */
  public record Result(int[] labels, int clusters, int unassigned, double eps, int minPoints, boolean[] core) {
    public Result {
      labels = labels.clone();
      core = core.clone();
    }

    @Override public int[] labels() { return labels.clone(); }
    @Override public boolean[] core() { return core.clone(); }

    /** Segments including the "Unassigned" one when there is noise. */
    public int segments() { return clusters + (unassigned > 0 ? 1 : 0); }

    int[] labelsRef() { return labels; }
  }

  /**
   * Each point's distance to its {@code (minPoints − 1)}-th nearest other point, sorted ascending: the k-distance
   * curve. Euclidean distance in the prepared space.
   */
  public static double[] kDistances(Points x, int minPoints, RunControl rc) {
    int n = x.size(), d = x.dimension(), m = Math.min(minPoints - 1, n - 1);
    double[] data = x.data();
    double[] out = new double[n];
    if (m < 1) return out;
    Parallel.forEach((n + 255) / 256, rc.executor(), rc.cancelledCheck(), b -> {
      double[] heap = new double[m]; // the m smallest squared distances, a max-heap
      for (int i = b * 256; i < Math.min(n, b * 256 + 256); i++) {
        int size = 0;
        for (int j = 0; j < n; j++) {
          if (j == i) continue;
          double s = Seeding.sq(data, i, data, j, d);
          if (size < m) {
            heap[size++] = s;
            if (size == m) heapify(heap, m);
          } else if (s < heap[0]) {
            heap[0] = s;
            siftDown(heap, 0, m);
          }
        }
        if (size < m) heapify(heap, size);
        out[i] = Math.sqrt(heap[0]);
      }
    }, null);
    Arrays.sort(out);
    return out;
  }

  /** The knee of the k-distance curve (Kneedle on the curve read from its top), or empty when it has none. */
  public static OptionalDouble kneeEps(double[] kDistances) {
    int n = kDistances.length;
    if (n < 3) return OptionalDouble.empty();
    // Kneedle wants a convex decreasing curve: the sorted k-distances read from the largest down, on at most
    // 1,000 evenly spaced points (the knee does not need every customer)
    int m = Math.min(n, 1000);
    double[] xs = new double[m], ys = new double[m];
    for (int q = 0; q < m; q++) {
      xs[q] = q;
      ys[q] = kDistances[n - 1 - (int) ((long) q * (n - 1) / (m - 1))];
    }
    OptionalDouble knee = Knee.kneedle(xs, ys, 1.0);
    if (knee.isEmpty()) return OptionalDouble.empty();
    return OptionalDouble.of(ys[(int) knee.getAsDouble()]);
  }

  /**
   * Runs DBSCAN; eps NaN takes the k-distance knee.
   *
   * @throws IllegalArgumentException when eps is NaN and the k-distance curve has no knee
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public static Result fit(Points x, Options o, RunControl rc) {
    double eps = o.eps();
    if (Double.isNaN(eps)) {
      eps = kneeEps(kDistances(x, o.minPoints(), rc)).orElseThrow(() ->
          new IllegalArgumentException("the k-distance curve has no knee: choose eps"));
    }
    int n = x.size(), d = x.dimension();
    double[] data = x.data();
    double e2 = eps * eps;
    int[] count = new int[n];
    Parallel.forEach((n + 255) / 256, rc.executor(), rc.cancelledCheck(), b -> {
      for (int i = b * 256; i < Math.min(n, b * 256 + 256); i++) {
        int c = 0;
        for (int j = 0; j < n; j++) if (Seeding.sq(data, i, data, j, d) <= e2) c++;
        count[i] = c;
      }
    }, null);
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) core[i] = count[i] >= o.minPoints();
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int[] queue = new int[n];
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      if (!core[i] || labels[i] >= 0) continue;
      Parallel.checkCancelled(rc.cancelledCheck());
      int head = 0, tail = 0;
      labels[i] = clusters;
      queue[tail++] = i;
      while (head < tail) {
        int p = queue[head++];
        for (int j = 0; j < n; j++) {
          if (labels[j] >= 0 || Seeding.sq(data, p, data, j, d) > e2) continue;
          labels[j] = clusters; // a border point joins the first cluster that reaches it, as in scikit-learn
          if (core[j]) queue[tail++] = j;
        }
      }
      clusters++;
    }
    int noise = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        labels[i] = clusters;
        noise++;
      }
    }
    return new Result(labels, clusters, noise, eps, o.minPoints(), core);
  }

  private static void heapify(double[] h, int size) {
    for (int i = size / 2 - 1; i >= 0; i--) siftDown(h, i, size);
  }

  private static void siftDown(double[] h, int i, int size) {
    while (true) {
      int l = 2 * i + 1, r = l + 1, big = i;
      if (l < size && h[l] > h[big]) big = l;
      if (r < size && h[r] > h[big]) big = r;
      if (big == i) return;
      double t = h[i];
      h[i] = h[big];
      h[big] = t;
      i = big;
    }
  }
}
