package dev.segmentlab.core.segments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything the segment screen shows about one clustering run, computed in one call: the profile table, snake
 * plot, relative-importance heatmap, box plots and suggested names.
 *
 * @param profiles           per-segment and overall profile rows, original units
 * @param snake              mean standardized feature per segment
 * @param relativeImportance segment mean ÷ overall mean − 1 per raw feature
 * @param boxPlots           box-plot figures per feature and segment
 * @param names              suggested names by segment id, unique within the run
 * @param rfmScores          RFM scores by segment id ({@code null} entries for empty segments); empty when the
 *                           names did not come from RFM rules
 */
public record SegmentAnalysis(
    SegmentProfiles profiles,
    SegmentCharts.SegmentMatrix snake,
    SegmentCharts.SegmentMatrix relativeImportance,
    SegmentCharts.BoxPlots boxPlots,
    List<SegmentName> names,
    List<RfmScore> rfmScores) {

  /**
   * Share of customers below which a segment is flagged small (1 %): a high silhouette can come from isolating a
   * few extreme customers. The one place the figure is written, for the app, the CLI and exports.
   */
  public static final double SMALL_SHARE = 0.01;

  /** Whether a segment of {@code size} customers out of {@code customers} is below {@link #SMALL_SHARE}. */
  public static boolean isSmall(int size, int customers) {
    return size < SMALL_SHARE * customers;
  }

  /** @throws NullPointerException if a component is null */
  public SegmentAnalysis {
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(snake, "snake");
    Objects.requireNonNull(relativeImportance, "relativeImportance");
    Objects.requireNonNull(boxPlots, "boxPlots");
    names = List.copyOf(names);
    // List.copyOf refuses nulls, and an empty segment has no score
    rfmScores = Collections.unmodifiableList(new ArrayList<>(rfmScores));
  }

  /** {@link #of(SegmentInput, SegmentNamer.Options)} with {@link SegmentNamer.Options#DEFAULT}. */
  public static SegmentAnalysis of(SegmentInput input) {
    return of(input, SegmentNamer.Options.DEFAULT);
  }

  /**
   * Analyses a run. Pure computation, linear in customers × features apart from sorting for medians and
   * quartiles; cheap enough to call on the worker thread right after clustering.
   *
   * @throws NullPointerException if an argument is null
   */
  public static SegmentAnalysis of(SegmentInput input, SegmentNamer.Options options) {
    Objects.requireNonNull(input, "input");
    return new SegmentAnalysis(
        SegmentProfiler.profile(input),
        SegmentCharts.snake(input),
        SegmentCharts.relativeImportance(input),
        SegmentCharts.boxPlots(input),
        SegmentNamer.suggest(input, options),
        SegmentNamer.hasRfm(input) ? SegmentNamer.rfmScores(input) : List.of());
  }

  /** The suggested names alone, in segment order, as {@link NameCarrier#apply} takes them. */
  public List<String> suggestedNames() {
    return names.stream().map(SegmentName::name).toList();
  }
}
