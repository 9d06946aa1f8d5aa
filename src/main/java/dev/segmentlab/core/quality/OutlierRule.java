package dev.segmentlab.core.quality;

/**
 * How an outlier is defined.
 *
 * @param method IQR fences, z-score, or robust z (median and MAD)
 * @param threshold IQR multiplier k (1.5 or 3) or the |z| above which a value is an outlier (e.g. 3, 3.5)
 */
public record OutlierRule(Method method, double threshold) {
  public enum Method { IQR, Z_SCORE, ROBUST_Z }

  public OutlierRule {
    if (method == null) throw new IllegalArgumentException("method is required");
    if (!(threshold > 0)) throw new IllegalArgumentException("the threshold must be positive, not " + threshold);
  }

  public static OutlierRule iqr(double k) { return new OutlierRule(Method.IQR, k); }
  public static OutlierRule zScore(double z) { return new OutlierRule(Method.Z_SCORE, z); }
  public static OutlierRule robustZ(double z) { return new OutlierRule(Method.ROBUST_Z, z); }

  @Override public String toString() {
    switch (method) {
      case IQR: return "IQR × " + threshold;
      case Z_SCORE: return "|z| > " + threshold;
      default: return "|robust z| > " + threshold;
    }
  }
}
