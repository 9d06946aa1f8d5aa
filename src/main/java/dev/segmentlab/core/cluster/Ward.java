package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.Parallel;
import dev.segmentlab.core.concurrent.RunControl;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ward's agglomerative clustering: starting from single points, repeatedly merge the two clusters whose union
 * increases the within-cluster sum of squares least. Exact by the nearest-neighbour chain (Murtagh), which for a
 * reducible linkage such as Ward's gives the same hierarchy as the textbook O(n³) loop in O(n²) time and O(n)
 * memory: clusters are kept as centroid and size, and the Ward distance {@code na nb / (na + nb) |ca − cb|²} is
 * computed on demand instead of being stored in an n × n matrix.
 *
 * <p>Up to {@link Options#exactLimit()} customers the hierarchy is exact. Beyond it, the customers are first
 * grouped into {@link Options#microClusters()} k-means micro-clusters and Ward runs on those (weighted by their
 * sizes), which callers must say ({@link Result#approximate()}).
 */
public final class Ward {
  private Ward() {}

  /**
   * @param exactLimit largest number of points clustered exactly (default 20,000: about 4 s of the chain on one
   *     core and 0.5 MB of memory)
   * @param microClusters micro-clusters used beyond the limit (default 2,000)
   * @param seed seed of the micro-clusters' k-means
   */
  public record Options(int exactLimit, int microClusters, long seed) {
    public static final int DEFAULT_EXACT_LIMIT = 20_000;
    public static final int DEFAULT_MICRO_CLUSTERS = 2_000;

    public Options {
      if (exactLimit < 2) throw new IllegalArgumentException("the exact limit must be at least 2");
      if (microClusters < 2 || microClusters > exactLimit) {
        throw new IllegalArgumentException("micro-clusters must be 2.." + exactLimit);
      }
    }

    public static Options defaults() {
      return new Options(DEFAULT_EXACT_LIMIT, DEFAULT_MICRO_CLUSTERS, KMeans.Options.DEFAULT_SEED);
    }
  }

  /**
   * @param dendrogram the merge tree over the leaves (points, or micro-clusters when approximate)
   * @param leafOfPoint each point's leaf (the identity when exact)
   * @param approximate whether Ward ran on k-means micro-clusters
   */
  public record Result(Dendrogram dendrogram, int[] leafOfPoint, boolean approximate) {
    public Result {
      leafOfPoint = leafOfPoint.clone();
    }

    @Override public int[] leafOfPoint() { return leafOfPoint.clone(); }

    /** Each point's cluster with k clusters, numbered by {@code ordering} (as k-means numbers its clusters). */
    public int[] labels(Points x, int k, Ordering ordering) {
      int[] leafLabels = dendrogram.cut(k);
      int[] labels = new int[leafOfPoint.length];
      for (int i = 0; i < labels.length; i++) labels[i] = leafLabels[leafOfPoint[i]];
      return renumber(x, labels, k, ordering);
    }
  }

  /** Exact Ward on the calling thread. */
  public static Result fit(double[][] x) {
    return fit(Points.of(x), Options.defaults(), RunControl.none());
  }

  /**
   * Builds the hierarchy.
   *
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public static Result fit(Points x, Options o, RunControl rc) {
    Objects.requireNonNull(x, "x");
    int n = x.size(), d = x.dimension();
    if (n <= o.exactLimit()) {
      int[] identity = new int[n];
      for (int i = 0; i < n; i++) identity[i] = i;
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      return new Result(chain(x.data().clone(), ones, n, d, 0, rc), identity, false);
    }
    int m = Math.min(o.microClusters(), x.distinctRows());
    KMeansResult micro = KMeans.fit(x, KMeans.Options.of(m).withRestarts(1).withSeed(o.seed()), rc.withoutProgress());
    double[] centres = new double[m * d];
    double[] w = new double[m];
    double[][] c = micro.centroids();
    int[] sizes = micro.sizes();
    for (int j = 0; j < m; j++) {
      System.arraycopy(c[j], 0, centres, j * d, d);
      w[j] = sizes[j];
    }
    return new Result(chain(centres, w, m, d, micro.wcss(), rc), micro.labelsRef(), true);
  }

  /**
   * The nearest-neighbour chain over weighted centroids (row-major, modified in place). Ties go to the cluster
   * already on the chain, then to the lower index, which keeps the chain from cycling.
   */
  static Dendrogram chain(double[] c, double[] w, int n, int d, double baseWcss, RunControl rc) {
    int merges = n - 1;
    int[] ma = new int[merges], mb = new int[merges];
    double[] inc = new double[merges];
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] chain = new int[n];
    int top = 0;
    for (int m = 0; m < merges; m++) {
      if ((m & 255) == 0) {
        Parallel.checkCancelled(rc.cancelledCheck());
        rc.progress((double) m / merges);
      }
      if (top == 0) {
        int first = 0;
        while (!active[first]) first++;
        chain[top++] = first;
      }
      while (true) {
        int a = chain[top - 1];
        int prev = top >= 2 ? chain[top - 2] : -1;
        int best = prev;
        double bestD = prev >= 0 ? ward(c, w, a, prev, d) : Double.POSITIVE_INFINITY;
        for (int b = 0; b < n; b++) {
          if (b == a || !active[b]) continue;
          double dist = ward(c, w, a, b, d);
          if (dist < bestD || (dist == bestD && b < best && best != prev)) {
            bestD = dist;
            best = b;
          }
        }
        if (best == prev) { // reciprocal nearest neighbours: merge them
          top -= 2;
          int lo = Math.min(a, prev), hi = Math.max(a, prev);
          ma[m] = lo;
          mb[m] = hi;
          inc[m] = bestD;
          double wl = w[lo], wh = w[hi], ws = wl + wh;
          for (int f = 0; f < d; f++) c[lo * d + f] = (wl * c[lo * d + f] + wh * c[hi * d + f]) / ws;
          w[lo] = ws;
          active[hi] = false;
          break;
        }
        chain[top++] = best;
      }
    }
    rc.progress(1);
    return linkage(n, ma, mb, inc, baseWcss);
  }

  /** The increase of the within sum of squares when clusters a and b merge. */
  private static double ward(double[] c, double[] w, int a, int b, int d) {
    double s = 0;
    for (int f = 0; f < d; f++) {
      double t = c[a * d + f] - c[b * d + f];
      s += t * t;
    }
    return w[a] * w[b] / (w[a] + w[b]) * s;
  }

  /**
   * Merges sorted by increase (stable) and renamed to scipy's ids; the chain found them by slots, where a merged
   * cluster took the slot of its lower member.
   */
  private static Dendrogram linkage(int n, int[] slotA, int[] slotB, double[] inc, double baseWcss) {
    int merges = slotA.length;
    // Ward is monotone, so sorting by increase puts every merge after those that formed its members; rounding
    // can break that by an ulp, so a merge's key is at least its members' keys (in chain order, members first).
    double[] key = new double[merges];
    double[] keyOfSlot = new double[n];
    for (int m = 0; m < merges; m++) {
      key[m] = Math.max(inc[m], Math.max(keyOfSlot[slotA[m]], keyOfSlot[slotB[m]]));
      keyOfSlot[slotA[m]] = key[m];
    }
    Integer[] order = new Integer[merges];
    for (int m = 0; m < merges; m++) order[m] = m;
    Arrays.sort(order, (p, q) -> Double.compare(key[p], key[q]));
    int[] nodeOfSlot = new int[n];
    for (int i = 0; i < n; i++) nodeOfSlot[i] = i;
    int[] left = new int[merges], right = new int[merges], size = new int[merges];
    double[] height = new double[merges], increase = new double[merges];
    int[] sizeOfNode = new int[n + merges];
    Arrays.fill(sizeOfNode, 0, n, 1);
    // Replaying in sorted order is valid: a merge's members were formed by merges of no larger increase
    // (Ward is monotone), which the stable sort puts earlier.
    for (int r = 0; r < merges; r++) {
      int m = order[r];
      int a = nodeOfSlot[slotA[m]], b = nodeOfSlot[slotB[m]];
      left[r] = Math.min(a, b);
      right[r] = Math.max(a, b);
      increase[r] = inc[m];
      height[r] = Math.sqrt(2 * inc[m]);
      sizeOfNode[n + r] = sizeOfNode[a] + sizeOfNode[b];
      size[r] = sizeOfNode[n + r];
      nodeOfSlot[slotA[m]] = n + r;
    }
    return new Dendrogram(n, left, right, height, increase, size, baseWcss);
  }

  /** Labels renumbered by an ordering, as k-means renumbers its clusters. */
  public static int[] renumber(Points x, int[] labels, int k, Ordering ordering) {
    int d = x.dimension();
    int[] sizes = new int[k];
    double[] mean = Criteria.means(x, labels, k, sizes);
    double[][] c = new double[k][];
    for (int j = 0; j < k; j++) c[j] = Arrays.copyOfRange(mean, j * d, j * d + d);
    Integer[] order = KMeans.rank(c, sizes, labels, ordering);
    int[] newId = new int[k];
    for (int r = 0; r < k; r++) newId[order[r]] = r;
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) out[i] = newId[labels[i]];
    return out;
  }
}
