package dev.segmentlab.app.profiles;

import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The predicted revenue of the next 12 months per segment (Σ of its customers' CLV, BG/NBD + Gamma-Gamma) for the
 * profile table: computed in the background once per set of labels (the fit itself once per dataset, shared with
 * the lookup and the export); none for a customer table. UI thread only.
 */
final class PredictedRevenue {
  private final JobSlot job;
  private final ReadOnlyObjectWrapper<double[][]> value = new ReadOnlyObjectWrapper<>(this, "predictedRevenue");
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private KMeansResult doneFor;

  PredictedRevenue(Async async) {
    this.job = async == null ? null : new JobSlot(async);
  }

  ReadOnlyObjectProperty<double[][]> property() { return value.getReadOnlyProperty(); }

  /**
   * The data can have the figures (transactions, a background runner): true while they are being computed too, so
   * that the columns showing them stay put from one set of labels to the next.
   */
  ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

  /** Follows the segmentation; a change of names, colours or stability keeps the figures. */
  void update(SegmentationResult r, CleanedData cleaned) {
    if (job == null) return;
    if (r == null || cleaned == null || r.features().snapshot() == null) {
      job.cancel();
      doneFor = null;
      value.set(null);
      available.set(false);
      return;
    }
    available.set(true);
    if (r.solution() == doneFor) return;
    doneFor = r.solution();
    value.set(null);
    String[] ids = r.matrix().ids();
    int[] labels = r.labels();
    int k = r.k();
    job.task("Predicted revenue per segment", ctx -> ValueAnalysis.shared(cleaned, ValueOptions.defaults()).bySegment(ids, labels, k))
        .onSuccess(value::set)
        .onFailure(e -> value.set(null))
        .start(); // the column stays empty: the lookup says why the fit failed
  }

  /** Σ CLV of a segment, the total for {@link ProfileRow#OVERALL}, NaN while unknown. */
  double revenue(int segment) {
    double[][] v = value.get();
    if (v == null) return Double.NaN;
    if (segment >= 0) return segment < v.length ? v[segment][0] : Double.NaN;
    double total = 0;
    for (double[] s : v) total += s[0];
    return total;
  }

  /** The share of the total, 1 for the overall row, NaN while unknown. */
  double share(int segment) {
    double[][] v = value.get();
    if (v == null) return Double.NaN;
    if (segment >= 0) return segment < v.length ? v[segment][1] : Double.NaN;
    return 1;
  }
}
