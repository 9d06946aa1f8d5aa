package dev.segmentlab.core.cluster;

import java.util.Locale;

/** The clustering methods, keyed as the CLI, the JSON and workspaces spell them. */
public enum Method {
  KMEANS("kmeans", "k-means"),
  GMM("gmm", "Gaussian mixture"),
  WARD("ward", "Ward hierarchy"),
  DBSCAN("dbscan", "DBSCAN");

  private final String key;
  private final String label;

  Method(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The key: {@code kmeans}, {@code gmm}, {@code ward} or {@code dbscan}. */
  public String key() {
    return key;
  }

  /** A name for people. */
  public String label() {
    return label;
  }

  /**
   * @throws IllegalArgumentException naming the four keys when {@code s} is none of them
   */
  public static Method parse(String s) {
    String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (Method m : values()) if (m.key.equals(t)) return m;
    if (t.equals("k-means") || t.equals("mixture")) return t.equals("mixture") ? GMM : KMEANS;
    throw new IllegalArgumentException("the method must be kmeans, gmm, ward or dbscan, not '" + s + "'");
  }

  @Override public String toString() {
    return label;
  }
}
