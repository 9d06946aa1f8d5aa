package dev.segmentlab.app.compare;

import dev.segmentlab.core.pipeline.SegmentationResult;
import java.util.List;

/**
 * A solution pinned for comparison: a label for people (method × k × features × transform) and a snapshot of its
 * customers' segments. Immutable.
 *
 * @param label e.g. {@code gmm k=4 · recency, frequency, monetary · log1p}
 * @param ids customer ids
 * @param labels each customer's segment
 * @param names segment names, one per segment
 * @param features the features profiled (original units), possibly none
 * @param values per customer (as {@code ids}), the value of each of {@code features}; never mutated
 */
public record PinnedSolution(String label, String[] ids, int[] labels, List<String> names, List<String> features,
    double[][] values) {
  public PinnedSolution {
    ids = ids.clone();
    labels = labels.clone();
    names = List.copyOf(names);
    features = List.copyOf(features);
    if (values.length != 0 && values.length != ids.length) {
      throw new IllegalArgumentException("one row of values per customer is needed");
    }
  }

  /** A snapshot without feature values (no profile differences). */
  public PinnedSolution(String label, String[] ids, int[] labels, List<String> names) {
    this(label, ids, labels, names, List.of(), new double[0][]);
  }

  @Override public String[] ids() { return ids.clone(); }
  @Override public int[] labels() { return labels.clone(); }

  public int k() { return names.size(); }

  /** The snapshot of a segmentation. */
  public static PinnedSolution of(SegmentationResult s) {
    String transforms = s.matrix().transforms().stream().map(t -> t.label()).distinct().reduce((a, b) -> a + "/" + b)
        .orElse("");
    String label = s.method() + " k=" + s.k() + " · " + String.join(", ", s.matrix().features()) + " · " + transforms;
    return new PinnedSolution(label, s.matrix().ids(), s.labels(), s.names(), s.matrix().features(), s.matrix().raw());
  }

  @Override public String toString() {
    return label;
  }
}
