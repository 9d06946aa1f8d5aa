package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.model.Labels;
import dev.segmentlab.core.model.SegmentModel;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.data.Role;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.ValueFeatures;
import dev.segmentlab.core.segments.SegmentAnalysis;
import dev.segmentlab.core.segments.SegmentPalette;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.segmentlab.core.data.Datasets;

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
   * @param rc its progress: 0..1
   * @throws IllegalArgumentException when the workspace has no saved model, or the new file lacks a feature
   * @throws DataException when the file cannot be used
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public static Assignment assign(Path file, Workspace ws, RunControl rc) {
    SegmentModel model = WorkspaceRunner.model(ws);
    Stages stages = Stages.plain();
    Dataset d = stages.load(file, readerOptions(file, ws), rc.slice(0, 0.8));
    boolean savedFromTransactions = ws.columnMapping() != null
        && ws.columnMapping().containsKey(Role.INVOICE.key());
    if (savedFromTransactions != (d.transactions() != null)) {
      throw new IllegalArgumentException(d.report().file() + " is " + (d.transactions() != null
          ? "a transactions file" : "a customer table") + ", but the workspace was made from " + (savedFromTransactions
          ? "transactions" : "a customer table") + " (features " + String.join(", ", model.features())
          + "). Assign a file of the same kind, or segment this one on its own with 'segment'.");
    }
    CleanedData cleaned = stages.clean(d, WorkspaceRunner.cleaningOptions(ws), rc);
    CustomerFeatures cf = ValueFeatures.ensure(stages.features(d, cleaned).features(), cleaned, model.features());
    rc.checkCancelled();
    SegmentModel.Assignment a = model.assign(cf);
    rc.progress(0.9);
    Labels labels = a.labels();
    int k = model.k();
    KMeansResult solution = new KMeansResult(k, labels.labels(), model.clustering().centres(), labels.totalDistance(),
        1, labels.sizes());
    SegmentAnalysis analysis = Segmentation.analyse(cf, a.matrix(), solution);
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      String suggested = s < analysis.names().size() ? analysis.names().get(s).name() : "Segment " + s;
      names.add(ws.segmentNames().getOrDefault(s, suggested));
      colours.add(ws.segmentColours().getOrDefault(s, SegmentPalette.colour(s)));
    }
    SegmentationResult seg = new SegmentationResult(cf, a.matrix(),
        Segmentation.sweepOptions(ws.kMin(), ws.kMax(), ws.restarts(), ws.seed(), Segmentation.ordering(cf)),
        null, k, solution, analysis, null, names, colours);
    rc.progress(1);
    return new Assignment(seg, d, cleaned, labels.sizes());
  }

  /** The workspace's mapping when the new file has every mapped column, else detection from the headers. */
  private static ReadOptions readerOptions(Path file, Workspace ws) {
    ReadOptions saved = WorkspaceRunner.readerOptions(ws);
    if (saved.mapping() == null) return ReadOptions.defaults();
    List<String> sheets = Datasets.sheets(file);
    String sheet = ws.sheet() != null && sheets.contains(ws.sheet()) ? ws.sheet() : null;
    List<String> headers = Datasets.preview(file, sheet, 1).headers();
    boolean fits = headers.containsAll(saved.mapping().values());
    return new ReadOptions(sheet, fits ? saved.mapping() : null, null);
  }
}
