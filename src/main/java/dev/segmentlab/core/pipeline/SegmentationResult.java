package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Stability;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.model.FittedClustering;
import dev.segmentlab.core.model.KMeansModel;
import dev.segmentlab.core.model.SegmentModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Segments for one k, with everything needed to show, export or re-create them. Shared by the CLI, the
 * Segments step and the Export step.
 *
 * @param features every feature per customer (original units)
 * @param matrix the clustered matrix (chosen features, transforms, scaling)
 * @param sweepOptions the k range, restarts, seed and numbering used
 * @param sweep the k sweep
 * @param k the chosen k
 * @param solution labels and centroids for k (centroids in scaled units)
 * @param analysis profiles, charts and suggested names for k
 * @param stability stability across seeds, or null
 * @param names the segment names shown (suggested or edited), one per segment
 * @param colours the segment colours as {@code #rrggbb}, one per segment
 * @param fitted the fitted clustering of any method whose labels and cluster means {@code solution} holds, or null
 *     for k-means ({@code solution}'s centroids)
 */
public record SegmentationResult(CustomerFeatures features, FeatureMatrix matrix, KSweep.Options sweepOptions,
    KSweep.Result sweep, int k, KMeansResult solution, SegmentAnalysis analysis, Stability.Result stability,
    List<String> names, List<String> colours, FittedClustering fitted) {

  /** A k-means result (the form before other methods). */
  public SegmentationResult(CustomerFeatures features, FeatureMatrix matrix, KSweep.Options sweepOptions,
      KSweep.Result sweep, int k, KMeansResult solution, SegmentAnalysis analysis, Stability.Result stability,
      List<String> names, List<String> colours) {
    this(features, matrix, sweepOptions, sweep, k, solution, analysis, stability, names, colours, null);
  }

  public SegmentationResult {
    names = List.copyOf(names);
    colours = List.copyOf(colours);
    if (names.size() != k || colours.size() != k) throw new IllegalArgumentException("one name and colour per segment");
  }

  /** The segment of each customer (row order of {@link FeatureMatrix#ids()}); a copy: in loops use {@code solution().label(i)}. */
  public int[] labels() { return solution.labels(); }

  /** Centroid of segment {@code s} in original feature units. */
  public double[] rawCentroid(int s) { return matrix.toRaw(solution.centroid(s)); }

  /** The same segments with their stability across re-runs. */
  public SegmentationResult withStability(Stability.Result newStability) {
    return new SegmentationResult(features, matrix, sweepOptions, sweep, k, solution, analysis, newStability, names,
        colours, fitted);
  }

  /** The fitted clustering: {@code fitted} when set, else k-means with {@code solution}'s centroids. */
  public FittedClustering clustering() {
    return fitted != null ? fitted : KMeansModel.of(solution);
  }

  /** The method's key ({@code kmeans}, {@code gmm}, {@code ward}, {@code dbscan}). */
  public String method() {
    return clustering().method();
  }

  /** The same segments as fitted by another method (its labels and means already in {@code solution}). */
  public SegmentationResult withFitted(FittedClustering newFitted) {
    return new SegmentationResult(features, matrix, sweepOptions, sweep, k, solution, analysis, stability, names,
        colours, newFitted);
  }

  /**
   * The fitted model of these segments: the matrix's preparation, the centroids, and the names, colours and
   * descriptions shown. {@code model().assign(features())} gives {@link #labels()} back.
   */
  public SegmentModel model() {
    List<String> descriptions = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      descriptions.add(s < analysis.names().size() ? analysis.names().get(s).description() : "");
    }
    return new SegmentModel(matrix.preparation(), clustering(), names, colours, descriptions);
  }

  /** The same result with other names/colours (after the analyst edits them). */
  public SegmentationResult withLabels(List<String> newNames, List<String> newColours) {
    return new SegmentationResult(features, matrix, sweepOptions, sweep, k, solution, analysis, stability, newNames,
        newColours, fitted);
  }
}
