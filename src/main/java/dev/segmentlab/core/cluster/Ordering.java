package dev.segmentlab.core.cluster;

import java.util.Objects;

/**
 * How clusters are numbered after fitting, so that "segment 0" means the same thing from run to run
 * (k-means itself returns clusters in arbitrary order).
 *
 * <ul>
 *   <li>{@link #BY_SIZE_DESC} (default): cluster 0 is the largest.</li>
 *   <li>{@link #byKeyDesc(double[])}: cluster 0 has the highest mean of a per-row key; the pipeline passes
 *       Monetary so that segment 0 is the highest-spending one.</li>
 * </ul>
 * Ties (equal size or equal mean key) are broken by the centroids' coordinates compared lexicographically,
 * smallest first, which makes the numbering a function of the partition alone.
 */
public final class Ordering {
  /** Largest cluster first. */
  public static final Ordering BY_SIZE_DESC = new Ordering(null);

  private final double[] key;

  private Ordering(double[] key) {
    this.key = key;
  }

  /**
   * Highest mean key first.
   *
   * @param key one finite value per row of the matrix being clustered (in the matrix's row order), e.g. the
   *     customers' Monetary value before any transform; copied
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static Ordering byKeyDesc(double[] key) {
    double[] copy = Objects.requireNonNull(key, "key").clone();
    for (int i = 0; i < copy.length; i++) {
      if (!Double.isFinite(copy[i])) {
        throw new IllegalArgumentException("the ordering key of row " + i + " is " + copy[i]);
      }
    }
    return new Ordering(copy);
  }

  /** The same ordering for a subset of the rows (their keys, in the order given). */
  public Ordering subset(int[] rows) {
    if (key == null) return this;
    double[] k = new double[rows.length];
    for (int q = 0; q < rows.length; q++) k[q] = key[rows[q]];
    return new Ordering(k);
  }

  /** True for {@link #byKeyDesc(double[])}. */
  public boolean byKey() {
    return key != null;
  }

  /** The key, or null for {@link #BY_SIZE_DESC}; not a copy, never modified. */
  double[] key() {
    return key;
  }

  @Override
  public String toString() {
    return key == null ? "BY_SIZE_DESC" : "BY_KEY_DESC(" + key.length + " values)";
  }
}
