package dev.segmentlab.core.model;

/**
 * Ward's clusters cut at k, as a model: a new point goes to the cluster with the nearest mean (squared Euclidean
 * distance), which is the cluster whose WCSS it raises least per point. The training points keep their
 * hierarchy's labels; a point near a boundary may be labelled differently when assigned afresh.
 */
public final class WardModel implements FittedClustering {
  public static final String METHOD = "ward";

  private final KMeansModel nearest;
  private final boolean approximate;

  /**
   * @param means k cluster means in the prepared space
   * @param approximate whether the hierarchy ran on k-means micro-clusters
   */
  public WardModel(double[][] means, boolean approximate) {
    this.nearest = new KMeansModel(means);
    this.approximate = approximate;
  }

  @Override public String method() { return METHOD; }
  @Override public int k() { return nearest.k(); }
  @Override public int dims() { return nearest.dims(); }
  @Override public double[][] centres() { return nearest.centres(); }
  @Override public Labels assign(double[][] x) { return nearest.assign(x); }

  /** Whether the hierarchy ran on k-means micro-clusters rather than the customers themselves. */
  public boolean approximate() { return approximate; }
}
