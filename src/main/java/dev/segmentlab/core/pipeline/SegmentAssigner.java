package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.DatasetReader;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.CustomerTableFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentPalette;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Applies a saved segmentation to another file (next quarter's transactions): reads it, cleans it with the
 * workspace's rules, computes the same features with the same snapshot rule (the day after the new file's last
 * cleaned invoice), prepares them with the <em>saved</em> transforms, centres, scales and weights, and puts each
 * customer in the segment of the nearest saved centroid. Segment ids, names and colours are the workspace's.
 *
 * <p>Why the fitted centre and scale are stored in the workspace ({@link Workspace.Model}) rather than re-fitted
 * from the saved input: the original file need not be at hand (or unchanged) months later, and re-fitting would
 * cost a full run. Re-fitting on the new file instead would move the segment boundaries with the new
 * data, which is not "the same segmentation".
 */
public final class SegmentAssigner {
  private SegmentAssigner() {}

  /**
   * The new file's customers in the saved segments.
   *
   * @param segmentation the assignment as a result the exporters take (no sweep, no stability)
   * @param dataset the new file
   * @param cleaned its cleaned rows, or {@code null} for a customer table
   * @param counts customers per segment, segment id order (a segment may be empty)
   */
  public record Assignment(SegmentationResult segmentation, Dataset dataset, CleanedData cleaned, int[] counts) {
    public Assignment {
      counts = counts.clone();
    }

    @Override public int[] counts() { return counts.clone(); }

    /** Customers assigned. */
    public int customers() { return segmentation.matrix().rows(); }
  }

  /**
   * @param progress 0..1
   * @throws IllegalArgumentException when the workspace has no saved model, or the new file lacks a feature
   * @throws DataException when the file cannot be used
   * @throws CancellationException when cancelled
   */
  public static Assignment assign(Path file, Workspace ws, Executor executor, DoubleConsumer progress,
      BooleanSupplier cancelled) {
    Workspace.Model model = ws.model();
    if (model == null) {
      throw new IllegalArgumentException("This workspace has no saved centroids (it was saved by an older SegmentLab);"
          + " run it with 'segment --workspace' and save it again.");
    }
    Dataset d = DatasetReader.read(file, readerOptions(file, ws), executor, p -> progress.accept(0.8 * p), cancelled);
    boolean savedFromTransactions = ws.columnMapping() != null
        && ws.columnMapping().containsKey(dev.segmentlab.core.data.Role.INVOICE.key());
    if (savedFromTransactions != (d.transactions() != null)) {
      throw new IllegalArgumentException(d.report().file() + " is " + (d.transactions() != null
          ? "a transactions file" : "a customer table") + ", but the workspace was made from " + (savedFromTransactions
          ? "transactions" : "a customer table") + " (features " + String.join(", ", ws.model().features())
          + "). Assign a file of the same kind, or segment this one on its own with 'segment'.");
    }
    CleanedData cleaned = null;
    CustomerFeatures cf;
    if (d.transactions() != null) {
      cleaned = Cleaner.clean(d.transactions(), WorkspaceRunner.cleaningOptions(ws), cancelled);
      cf = RfmBuilder.build(cleaned, null);
    } else {
      cf = CustomerTableFeatures.build(d.customerTable(), d.idColumn(), List.of());
    }
    if (cancelled.getAsBoolean()) throw new CancellationException("assign cancelled");
    FeatureMatrix m = prepare(cf, model);
    progress.accept(0.9);
    double[][] centroids = model.centroids();
    int k = centroids.length;
    int[] labels = new int[m.rows()];
    int[] sizes = new int[k];
    double wcss = 0;
    double[][] x = m.scaled();
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int s = 0; s < k; s++) {
        double dist = 0;
        for (int f = 0; f < x[i].length; f++) {
          double diff = x[i][f] - centroids[s][f];
          dist += diff * diff;
        }
        if (dist < bestD) { // strict: ties go to the lower segment id
          bestD = dist;
          best = s;
        }
      }
      labels[i] = best;
      sizes[best]++;
      wcss += bestD;
    }
    KMeansResult solution = new KMeansResult(k, labels, centroids, wcss, 1, sizes);
    SegmentAnalysis analysis = Segmentation.analyse(cf, m, solution);
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      String suggested = s < analysis.names().size() ? analysis.names().get(s).name() : "Segment " + s;
      names.add(ws.segmentNames().getOrDefault(s, suggested));
      colours.add(ws.segmentColours().getOrDefault(s, SegmentPalette.colour(s)));
    }
    SegmentationResult seg = new SegmentationResult(cf, m,
        Segmentation.sweepOptions(ws.kMin(), ws.kMax(), ws.restarts(), ws.seed(), Segmentation.ordering(cf)),
        null, k, solution, analysis, null, names, colours);
    progress.accept(1);
    return new Assignment(seg, d, cleaned, sizes);
  }

  /** The saved preparation applied to new raw features. */
  static FeatureMatrix prepare(CustomerFeatures cf, Workspace.Model model) {
    int n = cf.size();
    int d = model.features().size();
    List<Transform> transforms = new ArrayList<>();
    for (String t : model.transforms()) transforms.add(Transform.parse(t));
    double[] center = model.center(), scale = model.scale(), weights = model.weights();
    double[][] raw = new double[n][d];
    double[][] scaled = new double[n][d];
    for (int f = 0; f < d; f++) {
      String name = model.features().get(f);
      double[] col = cf.column(name);
      for (int i = 0; i < n; i++) {
        raw[i][f] = col[i];
        // The formula of FeatureMatrixBuilder, so the same raw value gives bit-identical prepared values.
        scaled[i][f] = (transforms.get(f).apply(col[i]) - center[f]) / scale[f] * weights[f];
        if (!Double.isFinite(scaled[i][f])) {
          throw new IllegalArgumentException("Feature " + name + " of customer " + cf.ids()[i] + " is " + col[i]
              + ", which the saved transform " + transforms.get(f).label() + " cannot take.");
        }
      }
    }
    return new FeatureMatrix(cf.ids(), model.features(), raw, scaled, transforms, center, scale, weights,
        Scaling.parse(model.scaling()));
  }

  /** The workspace's mapping when the new file has every mapped column, else detection from the headers. */
  private static DatasetReader.Options readerOptions(Path file, Workspace ws) {
    DatasetReader.Options saved = WorkspaceRunner.readerOptions(ws);
    if (saved.mapping() == null) return DatasetReader.Options.defaults();
    List<String> sheets = DatasetReader.sheets(file);
    String sheet = ws.sheet() != null && sheets.contains(ws.sheet()) ? ws.sheet() : null;
    List<String> headers = DatasetReader.preview(file, sheet, 1).headers();
    boolean fits = headers.containsAll(saved.mapping().values());
    return new DatasetReader.Options(sheet, fits ? saved.mapping() : null, null);
  }
}
