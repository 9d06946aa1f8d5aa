/**
 * Understanding segments: what each segment of a clustering run looks like and what to call it. Pure Java, no
 * JavaFX, no threads.
 *
 * <ul>
 *   <li>{@link dev.segmentlab.core.segments.SegmentInput}: the run (labels, raw and scaled features, centroids,
 *       revenue, countries), defined here so that this package does not depend on the clustering code.</li>
 *   <li>{@link dev.segmentlab.core.segments.SegmentAnalysis#of}: profile table
 *       ({@link dev.segmentlab.core.segments.SegmentProfiler}), snake plot, heatmap and box plots
 *       ({@link dev.segmentlab.core.segments.SegmentCharts}) and suggested names
 *       ({@link dev.segmentlab.core.segments.SegmentNamer}, rule table in
 *       {@link dev.segmentlab.core.segments.RfmSegment}).</li>
 *   <li>{@link dev.segmentlab.core.segments.NameCarrier}: the analyst's names and colours, carried across reruns
 *       and changes of k by matching centroids ({@link dev.segmentlab.core.segments.SegmentMatcher},
 *       {@link dev.segmentlab.core.segments.Hungarian}); default colours from
 *       {@link dev.segmentlab.core.segments.SegmentPalette}.</li>
 * </ul>
 *
 * <pre>{@code
 * SegmentInput in = SegmentInput.forTransactions(ids, labels, k, featureNames, raw, scaled, centroids, countries);
 * SegmentAnalysis a = SegmentAnalysis.of(in);
 * a.profiles().segment(0).revenueShare();     // 0..1
 * a.names().get(0).name();                    // e.g. "Champions"
 * carrier = carrier.apply(in.centroids(), a.suggestedNames());
 * carrier.labels().get(0).name();             // the analyst's name if one was carried over
 * }</pre>
 */
package dev.segmentlab.core.segments;
