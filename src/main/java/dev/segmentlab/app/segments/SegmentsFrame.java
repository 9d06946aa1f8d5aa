package dev.segmentlab.app.segments;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.concurrent.Parallel;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.Segmentation;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentPalette;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Everything a k change shows, computed in one job off the FX thread: the solution, its profiles and suggested
 * names, the silhouette bars and the scatter. The FX thread then only applies it (work of order k).
 *
 * @param matrix the matrix it was computed on
 * @param features the features it was computed on
 * @param solution labels and centroids
 * @param analysis profiles, charts and suggested names
 * @param silhouettes per segment, silhouette values sorted descending; null when k was not swept
 * @param scatter the scatter, with the suggested names and default colours (the carried ones replace them)
 */
record SegmentsFrame(FeatureMatrix matrix, CustomerFeatures features, KMeansResult solution, SegmentAnalysis analysis,
    double[][] silhouettes, ScatterData scatter) {

  List<String> suggestedNames() {
    List<String> out = new ArrayList<>();
    for (SegmentName n : analysis.names()) out.add(n.name());
    return out;
  }

  int k() { return solution.k(); }

  /** Computes the frame for a solution; polls {@code cancelled} between the steps. */
  static SegmentsFrame compute(FeatureMatrix m, CustomerFeatures cf, KMeansResult s, KSweep.Point pt,
      ScatterModel scatter, ScatterModel.Axes axes, BooleanSupplier cancelled) {
    SegmentAnalysis analysis = Segmentation.analyse(cf, m, s);
    Parallel.checkCancelled(cancelled);
    double[][] sil = pt == null ? null : silhouettes(pt, s.k());
    Parallel.checkCancelled(cancelled);
    String[] colours = new String[s.k()];
    for (int i = 0; i < colours.length; i++) colours[i] = SegmentPalette.colour(i);
    String[] names = analysis.names().stream().map(SegmentName::name).toArray(String[]::new);
    ScatterData d = scatter.prepare(m, s, axes, colours, names);
    Parallel.checkCancelled(cancelled);
    return new SegmentsFrame(m, cf, s, analysis, sil, d);
  }

  /** Per segment, its customers' silhouette values sorted descending (one pass, one sort per segment). */
  static double[][] silhouettes(KSweep.Point pt, int k) {
    var detail = pt.silhouetteDetail();
    if (detail == null || detail.values() == null) return null;
    KMeansResult s = pt.solution();
    double[] v = detail.values();
    int[] rowsOf = detail.rows();
    int[] count = new int[k];
    for (int i = 0; i < v.length; i++) count[s.label(rowsOf == null ? i : rowsOf[i])]++;
    double[][] out = new double[k][];
    for (int c = 0; c < k; c++) out[c] = new double[count[c]];
    int[] fill = new int[k];
    for (int i = 0; i < v.length; i++) {
      int c = s.label(rowsOf == null ? i : rowsOf[i]);
      out[c][fill[c]++] = v[i];
    }
    for (double[] o : out) {
      Arrays.sort(o);
      for (int a = 0, b = o.length - 1; a < b; a++, b--) { double t = o[a]; o[a] = o[b]; o[b] = t; }
    }
    return out;
  }
}
