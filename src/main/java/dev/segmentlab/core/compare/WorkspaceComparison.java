package dev.segmentlab.core.compare;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.pipeline.SegmentAssigner;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import java.nio.file.Path;

/**
 * Two saved workspaces compared on their customers: each workspace's saved model labels the customers of its own
 * input (no sweep is re-run, so the labels are those the model gives, in any method), then {@link Comparison}.
 */
public final class WorkspaceComparison {
  private WorkspaceComparison() {}

  /**
   * @param a the first workspace's segments
   * @param b the second's
   * @param comparison the table, ARI and NMI
   */
  public record Result(SegmentationResult a, SegmentationResult b, Comparison comparison) {}

  /**
   * @throws IllegalArgumentException when a workspace has no saved model or the two share no customer
   * @throws dev.segmentlab.core.data.DataException when an input cannot be read
   */
  public static Result of(Workspace a, Workspace b, RunControl rc) {
    SegmentationResult sa = labelled(a, rc.slice(0, 0.5));
    SegmentationResult sb = a.equals(b) ? sa : labelled(b, rc.slice(0.5, 1));
    return new Result(sa, sb, of(sa, sb));
  }

  /** The workspace's customers labelled by its saved model, which the result keeps (any method). */
  static SegmentationResult labelled(Workspace ws, RunControl rc) {
    SegmentationResult s = SegmentAssigner.assign(Path.of(ws.inputPath()), ws, rc).segmentation();
    return s.withFitted(WorkspaceRunner.model(ws).clustering());
  }

  /** Two segmentations compared, customers matched by id. */
  public static Comparison of(SegmentationResult a, SegmentationResult b) {
    return Comparison.of(a.matrix().ids(), a.labels(), a.k(), b.matrix().ids(), b.labels(), b.k());
  }
}
