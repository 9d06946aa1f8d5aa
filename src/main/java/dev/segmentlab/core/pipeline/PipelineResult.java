package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Stability;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.segments.SegmentAnalysis;
import java.util.Map;

/**
 * Everything a run produced.
 *
 * @param dataset the file read
 * @param cleaned the rows kept (null in customer-table mode)
 * @param segmentation the segments for the chosen k
 * @param timings stage → seconds
 */
public record PipelineResult(Dataset dataset, CleanedData cleaned, SegmentationResult segmentation,
    Map<String, Double> timings) {

  public PipelineResult {
    timings = Map.copyOf(timings);
  }

  public CustomerFeatures customerFeatures() { return segmentation.features(); }
  public FeatureMatrix matrix() { return segmentation.matrix(); }
  public KSweep.Result sweep() { return segmentation.sweep(); }
  public int k() { return segmentation.k(); }
  public KMeansResult solution() { return segmentation.solution(); }
  public SegmentAnalysis analysis() { return segmentation.analysis(); }
  public Stability.Result stability() { return segmentation.stability(); }
}
