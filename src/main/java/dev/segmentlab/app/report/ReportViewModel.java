package dev.segmentlab.app.report;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.report.ReportBuilder;
import dev.segmentlab.core.report.ReportFormat;
import dev.segmentlab.core.report.ReportModel;
import dev.segmentlab.core.report.ReportWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.function.Consumer;

/**
 * "Report…": the findings report of the current segments as HTML, PDF or PPTX. A preview (the executive summary)
 * is built in the background; writing runs in the background with progress and Cancel, one job at a time.
 */
public final class ReportViewModel {
  private record Source(Dataset dataset, CleanedData cleaned, SegmentationResult seg) {}

  private final Session session;
  private final DialogService dialogs;
  private final JobSlot slot;

  // Properties
  private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(this, "format", ReportFormat.HTML);
  private final ObservableList<String> preview = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper previewTitle = new ReadOnlyStringWrapper(this, "previewTitle", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final BooleanBinding hasSegments;
  private final BooleanBinding canWrite;
  private ReportModel model;
  private Source modelSource;

  public ReportViewModel(Session session, Async async, DialogService dialogs) {
    this.session = session;
    this.dialogs = dialogs;
    this.slot = new JobSlot(async);
    hasSegments = session.segmentationProperty().isNotNull().and(session.datasetProperty().isNotNull());
    canWrite = hasSegments.and(running.not());
  }

  public ObjectProperty<ReportFormat> formatProperty() { return format; }
  /** The executive summary of the report that would be written, one sentence per line. */
  public ObservableList<String> getPreview() { return FXCollections.unmodifiableObservableList(preview); }
  /** e.g. "online-retail.csv.gz: 4,338 customers in 4 segments". */
  public ReadOnlyStringProperty previewTitleProperty() { return previewTitle.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
  /** 0..1 while a job runs. */
  public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
  /** What happened last, e.g. "Wrote /home/me/report.pdf in 2.1 s". */
  public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
  /** The last failure as a sentence; empty after a success. */
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
  public ObservableBooleanValue canWriteProperty() { return canWrite; }
  public boolean canWrite() { return canWrite.get(); }

  // Commands

  /** Builds the report model of the current segments in the background and shows its summary. */
  public void refreshPreview() {
    if (!hasSegments.get()) {
      preview.clear();
      previewTitle.set("No segments yet: choose k in the Segments step first.");
      return;
    }
    Source src = source();
    if (model != null && src.equals(modelSource)) {
      show(model);
      return;
    }
    start("Preparing the report", ctx -> build(src, ctx), m -> {
      keep(src, m);
      show(m);
      status.set("");
    });
  }

  /** Asks where to write (the format's extension), then writes the report in the background. */
  public void write() {
    if (!canWrite()) return;
    ReportFormat f = format.get();
    String base = session.getDataset().report().file();
    String name = Path.of(base).getFileName().toString().replaceFirst("\\.(csv|tsv|txt|xlsx)(\\.gz)?$|\\.gz$", "");
    Optional<Path> chosen = dialogs.chooseSaveFile("Write report", name + "-report." + f.extension(), List.of("*." + f.extension()));
    if (chosen.isEmpty()) return;
    Path target = chosen.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + f.extension())
        ? chosen.get() : chosen.get().resolveSibling(chosen.get().getFileName() + "." + f.extension());
    Source src = source();
    ReportModel cached = src.equals(modelSource) ? model : null;
    long t0 = System.nanoTime();
    start("Writing " + target.getFileName(), ctx -> {
      ReportModel m = cached != null ? cached : build(src, ctx);
      ReportWriter.write(m, target, true, RunControl.of(null, p -> ctx.progress(0.5 + 0.5 * p), ctx.cancelledCheck()));
      return m;
    }, m -> {
      keep(src, m);
      show(m);
      status.set(String.format(Locale.ROOT, "Wrote %s in %.1f s", target, (System.nanoTime() - t0) / 1e9));
    });
  }

  /** Stops the running job; a report being written is not left half-written. */
  public void cancel() { slot.cancel(); }

  private ReportModel build(Source src, Async.Context ctx) throws Exception {
    FileFingerprint fp = FileFingerprint.of(src.dataset().source(), RunControl.of(null, p -> ctx.progress(0.1 * p), ctx.cancelledCheck()));
    return ReportBuilder.build(src.dataset(), src.cleaned(), src.seg(), fp, Instant.now(),
        RunControl.of(null, p -> ctx.progress(0.1 + 0.4 * p), ctx.cancelledCheck()));
  }

  private <T> void start(String title, Async.Job<T> job, Consumer<T> done) {
    running.set(true);
    progress.set(0);
    error.set("");
    status.set(title + "…");
    slot.task(title, ctx -> job.run(new Async.Context() {
      @Override public void progress(double fraction) {
        ctx.progress(fraction);
        ctx.ui(() -> progress.set(fraction));
      }
      @Override public boolean isCancelled() { return ctx.isCancelled(); }
      @Override public void ui(Runnable r) { ctx.ui(r); }
    }))
        .onSuccess(r -> {
      running.set(false);
      progress.set(1);
      done.accept(r);
    })
        .onFailure(e -> {
      running.set(false);
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      error.set(msg);
      status.set("");
      dialogs.showError("Report", msg);
    })
        .onCancelled(() -> {
      running.set(false);
      progress.set(0);
      status.set("Cancelled: nothing was written.");
    })
        .start();
  }

  private Source source() {
    return new Source(session.getDataset(), session.getCleaned(), session.getSegmentation());
  }

  private void keep(Source src, ReportModel m) {
    modelSource = src;
    model = m;
  }

  private void show(ReportModel m) {
    previewTitle.set(String.format(Locale.ROOT, "%s: %,d customers in %d segments", m.title(), m.customers(), m.choice().chosen()));
    preview.setAll(m.summary());
  }
}
