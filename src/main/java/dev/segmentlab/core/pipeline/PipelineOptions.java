package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeans;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleaningOptions;
import java.util.List;

/**
 * One run from a file to named segments.
 *
 * @param read how to read the file
 * @param cleaning the cleaning rules (transactions mode)
 * @param features the features to cluster on; empty = RFM in transactions mode, every numeric column of a customer table
 * @param transform transform for every feature
 * @param scaling scaling after the transform
 * @param kMin smallest k of the sweep (≥ 1)
 * @param kMax largest k of the sweep (≤ 30)
 * @param k the chosen k, or 0 for automatic (the knee)
 * @param restarts k-means restarts per k (≥ 1)
 * @param seed random seed
 * @param stabilityRuns re-runs with other seeds for stability, 0 = skip
 * @param fitKMax when true kMax is a default the user did not set: it is lowered to the distinct customers − 1
 *     instead of failing on a small file
 */
public record PipelineOptions(ReadOptions read, CleaningOptions cleaning, List<String> features,
    Transform transform, Scaling scaling, int kMin, int kMax, int k, int restarts, long seed, int stabilityRuns,
    boolean fitKMax) {

  /** With a kMax the user chose (a misfit fails). */
  public PipelineOptions(ReadOptions read, CleaningOptions cleaning, List<String> features,
      Transform transform, Scaling scaling, int kMin, int kMax, int k, int restarts, long seed, int stabilityRuns) {
    this(read, cleaning, features, transform, scaling, kMin, kMax, k, restarts, seed, stabilityRuns, false);
  }

  public PipelineOptions {
    features = List.copyOf(features);
    if (kMin < 1) throw new OptionException("kMin", kMin, "The smallest k to try must be at least 1, not " + kMin + ".");
    if (kMax < kMin) {
      throw new OptionException("kMax", kMax, "The largest k to try (" + kMax + ") must not be below the smallest (" + kMin + ").");
    }
    if (kMax > KSweep.MAX_K) {
      throw new OptionException("kMax", kMax, "The largest k to try can be at most " + KSweep.MAX_K + ", not " + kMax + ".");
    }
    if (k < 0) throw new OptionException("k", k, "k must be at least 1 (or auto), not " + k + ".");
    if (restarts < 1) throw new OptionException("restarts", restarts, "The restarts per k must be at least 1, not " + restarts + ".");
    if (stabilityRuns < 0) throw new OptionException("stabilityRuns", stabilityRuns, "The stability re-runs must be 0 or more.");
  }

  /**
   * The largest k to sweep on this data: kMax, or (when kMax is a default the user did not set) kMax lowered to
   * the distinct customers − 1.
   *
   * @param distinctCustomers customers with distinct feature values (k-means cannot make more segments)
   * @throws OptionException naming the option that does not fit
   */
  public int kMaxFor(int distinctCustomers) {
    int max = fitKMax ? Math.max(kMin, Math.min(kMax, distinctCustomers - 1)) : kMax;
    withKMax(max).checkFits(distinctCustomers);
    return max;
  }

  /** The same options with another number of stability re-runs (0 = skip). */
  public PipelineOptions withStabilityRuns(int runs) {
    return new PipelineOptions(read, cleaning, features, transform, scaling, kMin, kMax, k, restarts, seed, runs,
        fitKMax);
  }

  /** The same options with another kMax (set by the user). */
  public PipelineOptions withKMax(int newKMax) {
    return new PipelineOptions(read, cleaning, features, transform, scaling, kMin, newKMax, k, restarts, seed,
        stabilityRuns, false);
  }

  /**
   * Checks the k range and k against the data.
   *
   * @param distinctCustomers customers with distinct feature values (k-means cannot make more segments)
   * @throws OptionException naming the option that does not fit
   */
  public void checkFits(int distinctCustomers) {
    if (k > distinctCustomers) {
      throw new OptionException("k", k, "k is larger than the number of customers: there are " + distinctCustomers
          + " customers (those with the same features counted once); choose " + distinctCustomers
          + " or fewer, or open a file with more customers.");
    }
    if (kMax > distinctCustomers) {
      throw new OptionException("kMax", kMax, "The largest k to try is larger than the number of distinct customers ("
          + distinctCustomers + "). Lower it.");
    }
  }

  /** The seeds' recipe: default cleaning, RFM, log1p, standard scaling, k = 2..10 with the knee, 10 restarts, seed 42. */
  public static PipelineOptions defaults() {
    return new PipelineOptions(ReadOptions.defaults(), CleaningOptions.seeds(), List.of(),
        Transform.LOG1P, Scaling.STANDARD, 2, 10, 0, KMeans.Options.DEFAULT_RESTARTS, KMeans.Options.DEFAULT_SEED, 0);
  }

  /** Feature options for the features chosen (or the mode's defaults). */
  public FeatureOptions featureOptions(List<String> defaults) {
    return FeatureOptions.of(features.isEmpty() ? defaults : features, transform, scaling);
  }
}
