package dev.segmentlab.app.migration;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.model.SegmentModel;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.Migration;
import dev.segmentlab.core.value.MigrationFlow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Segment migration between the data before a day and from that day on, both periods labelled with the current
 * segmentation's fitted {@link SegmentModel} (its preparation, then its method's rule), so the segments keep the
 * analyst's names.
 *
 * <p>Properties: {@link #splitProperty()}, {@link #getRows()} (one per first-period segment, then "new"),
 * {@link #resultProperty()}, {@link #flowProperty()}, {@link #summaryProperty()}, {@link #busyProperty()}. Commands: {@link #halves()},
 * {@link #lastQuarter()}, {@link #run()}.
 */
public final class MigrationViewModel {
  /**
   * One row of the transition table.
   *
   * @param from the first-period segment, or "New customers"
   * @param counts customers per second-period segment
   * @param shares the same as shares of the row (NaN for an empty row)
   * @param lapsed customers not seen in the second period (0 for the new row)
   */
  public record Row(String from, int[] counts, double[] shares, int lapsed) {}

  /** The gap between two blocks of the flow diagram, as a fraction of its height. */
  public static final double FLOW_GAP = 0.02;
  /** The thinnest band of the flow diagram that carries its count, as a fraction of its height. */
  public static final double FLOW_MIN_LABEL = 0.03;

  private record Done(Migration.Result result, MigrationFlow flow) {}

  private final ReadOnlyObjectWrapper<MigrationFlow> flow = new ReadOnlyObjectWrapper<>(this, "flow");
  private final Session session;
  private final JobSlot slot;
  private final ObjectProperty<LocalDate> split = new SimpleObjectProperty<>(this, "split");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Migration.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private LocalDate first, last;

  public MigrationViewModel(Session session, Async async) {
    this.session = session;
    this.slot = new JobSlot(async);
    session.cleanedProperty().addListener((o, a, c) -> {
      first = null;
      last = null;
    });
  }

  // Properties
  public ObjectProperty<LocalDate> splitProperty() { return split; }
  public ObservableList<Row> getRows() { return rows; }
  public ReadOnlyObjectProperty<Migration.Result> resultProperty() { return result.getReadOnlyProperty(); }
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
  /** The flow diagram's layout (computed with the result, off the UI thread), or null. */
  public ReadOnlyObjectProperty<MigrationFlow> flowProperty() { return flow.getReadOnlyProperty(); }

  // Commands

  /** Splits at the middle day of the data and runs. */
  public void halves() { runAt(true); }

  /** Splits three months before the last day and runs. */
  public void lastQuarter() { runAt(false); }

  private void runAt(boolean halves) {
    if (first == null) {
      CleanedData c = session.getCleaned();
      if (c == null) return;
      long[] dates = c.transactions().invoiceDate();
      long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
      for (int r : c.rows()) {
        lo = Math.min(lo, dates[r]);
        hi = Math.max(hi, dates[r]);
      }
      first = LocalDate.ofEpochDay(Math.floorDiv(lo, 86_400L));
      last = LocalDate.ofEpochDay(Math.floorDiv(hi, 86_400L));
    }
    split.set(halves ? first.plusDays((last.toEpochDay() - first.toEpochDay() + 1) / 2) : last.minusMonths(3).plusDays(1));
    run();
  }

  /** Labels both periods with the current segmentation and fills the table. */
  public void run() {
    SegmentationResult seg = session.getSegmentation();
    CleanedData cleaned = session.getCleaned();
    LocalDate at = split.get();
    if (seg == null || cleaned == null) {
      summary.set("No segments yet: open a file and let the Segments step finish.");
      return;
    }
    if (at == null) {
      summary.set("Choose the first day of the second period.");
      return;
    }
    busy.set(true);
    SegmentModel model = seg.model();
    slot.task("Segment migration", ctx -> {
      CleanedData[] parts = Migration.split(cleaned, at);
      Migration.Result r = Migration.run(model, parts[0], parts[1]);
      return new Done(r, MigrationFlow.layout(r, model.names(), model.colours(), FLOW_GAP, FLOW_MIN_LABEL));
    })
        .onSuccess(done -> {
      busy.set(false);
      flow.set(done.flow());
      show(done.result(), seg.names(), at);
    })
        .onFailure(e -> {
      busy.set(false);
      summary.set(e.getMessage());
    })
        .start();
  }

  private void show(Migration.Result r, List<String> names, LocalDate at) {
    List<Row> out = new ArrayList<>();
    double[][] shares = r.rowShares();
    for (int i = 0; i < r.k(); i++) out.add(new Row(names.get(i), r.transitions()[i].clone(), shares[i], r.lapsed()[i]));
    int fresh = 0;
    for (int v : r.newCustomers()) fresh += v;
    double[] freshShares = new double[r.k()];
    for (int j = 0; j < r.k(); j++) freshShares[j] = fresh == 0 ? Double.NaN : r.newCustomers()[j] / (double) fresh;
    out.add(new Row("New customers", r.newCustomers(), freshShares, 0));
    rows.setAll(out);
    result.set(r);
    int lapsed = 0;
    for (int v : r.lapsed()) lapsed += v;
    summary.set(String.format(Locale.ROOT, "Before %s → from %s: %,d customers in both periods, %,d stayed in their "
        + "segment, %,d moved; %,d new, %,d lapsed.", at, at, r.inBoth(), r.stayed(), r.inBoth() - r.stayed(), fresh, lapsed));
  }
}
