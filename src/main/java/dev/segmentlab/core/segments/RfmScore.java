package dev.segmentlab.core.segments;

/**
 * Recency, frequency and monetary scores of a segment, each 1 (worst) to 5 (best). Recency is reversed: a segment
 * that bought recently scores 5.
 *
 * @param r recency score, 1..5
 * @param f frequency score, 1..5
 * @param m monetary score, 1..5
 */
public record RfmScore(int r, int f, int m) {
  /** @throws IllegalArgumentException if a score is outside 1..5 */
  public RfmScore {
    if (r < 1 || r > 5 || f < 1 || f > 5 || m < 1 || m > 5) {
      throw new IllegalArgumentException("scores must be in 1..5: " + r + f + m);
    }
  }

  /** The usual compact form, e.g. {@code "R5 F4 M4"}. */
  @Override
  public String toString() {
    return "R" + r + " F" + f + " M" + m;
  }
}
