package dev.segmentlab.app.export;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.export.CsvExporter;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.FileFingerprint;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.pipeline.ExportRequest;
import dev.segmentlab.core.pipeline.SegmentAssigner;
import dev.segmentlab.core.export.XlsxExporter;
import dev.segmentlab.core.pipeline.SegmentExport;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * The Export step: segments to XLSX or CSV, workspaces saved and opened, the segmentation applied to another
 * file. Every file operation runs through {@link Async} with progress and cancel; one at a time.
 *
 * <p>Opening a workspace re-runs it in the background and hands a {@link WorkspaceRequest} to the handler set
 * with {@link #setWorkspaceHandler} (the composition root wires it to every step's ViewModel); until one is set,
 * the request is published to the {@link Session} directly.
 */
public final class ExportViewModel {
  /** Extensions the "apply to another file" dialog offers. */
  public static final List<String> DATA_EXTENSIONS = List.of("*.csv", "*.tsv", "*.txt", "*.gz", "*.xlsx", "*.parquet");
  static final List<String> WORKSPACE_EXTENSIONS = List.of("*" + WorkspaceFile.EXTENSION);

  /** Customers of one segment after "apply to another file". */
  public record AppliedCount(int segment, String name, String colour, int customers, double share) {}

  private record Written(SegmentExport.Outcome outcome, double seconds) {}

  private final Session session;
  private final DialogService dialogs;
  private final JobSlot slot;

  // Properties
  private final ObjectProperty<ExportRequest.Format> format = new SimpleObjectProperty<>(this, "format", ExportRequest.Format.XLSX);
  private final BooleanProperty byteOrderMark = new SimpleBooleanProperty(this, "byteOrderMark", true);
  private final BooleanProperty perSegment = new SimpleBooleanProperty(this, "perSegment", false);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper(this, "task", "");
  private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyObjectWrapper<Path> lastWritten = new ReadOnlyObjectWrapper<>(this, "lastWritten");
  private final ReadOnlyObjectWrapper<WorkspaceRequest> openedWorkspace = new ReadOnlyObjectWrapper<>(this, "openedWorkspace");
  private final ObservableList<AppliedCount> applied = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper appliedSummary = new ReadOnlyStringWrapper(this, "appliedSummary", "");
  private final BooleanBinding hasSegments;
  private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint");
  private final BooleanBinding canExport;
  private Consumer<WorkspaceRequest> workspaceHandler = this::publishToSession;
  private boolean stepsRestore;

  public ExportViewModel(Session session, Async async, DialogService dialogs) {
    this.session = session;
    this.dialogs = dialogs;
    this.slot = new JobSlot(async);
    hasSegments = session.segmentationProperty().isNotNull().and(session.datasetProperty().isNotNull());
    canExport = hasSegments.and(running.not());
    hint.bind(Bindings.when(hasSegments).then("")
        .otherwise("No segments yet: open a file and choose k in the Segments step, or open a saved workspace."));
    perSegment.addListener((o, a, on) -> { if (on) format.set(ExportRequest.Format.CSV); });
  }

  public ObjectProperty<ExportRequest.Format> formatProperty() { return format; }
  /** CSV only: a UTF-8 byte-order mark so that Excel shows £ and accents; on by default. */
  public BooleanProperty byteOrderMarkProperty() { return byteOrderMark; }
  /** CSV only: one file per segment beside the customers file. */
  public BooleanProperty perSegmentProperty() { return perSegment; }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
  /** 0..1 while a job runs, negative when unknown. */
  public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
  /** What is running, e.g. "Exporting segments.xlsx". */
  public ReadOnlyStringProperty taskProperty() { return task.getReadOnlyProperty(); }
  /** The last success, e.g. "Wrote /home/me/segments.xlsx: 4,338 customers in 4 segments". */
  public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
  /** The last failure as a sentence for the analyst; empty after a success. */
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Path> lastWrittenProperty() { return lastWritten.getReadOnlyProperty(); }
  /** The last workspace opened (also handed to the workspace handler). */
  public ReadOnlyObjectProperty<WorkspaceRequest> openedWorkspaceProperty() { return openedWorkspace.getReadOnlyProperty(); }
  /** Customers per segment of the last "apply to another file". */
  public ObservableList<AppliedCount> getApplied() { return FXCollections.unmodifiableObservableList(applied); }
  public ReadOnlyStringProperty appliedSummaryProperty() { return appliedSummary.getReadOnlyProperty(); }
  /** Why export is disabled; empty when there are segments. */
  public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }
  public ObservableBooleanValue canExportProperty() { return canExport; }
  public boolean canExport() { return canExport.get(); }
  /** Opening a workspace needs no segments, only no other job running. */
  public ObservableBooleanValue canOpenProperty() { return running.not(); }

  /**
   * Who restores the steps from an opened workspace (the lead wires every ViewModel here); by default the
   * run is put into the Session (dataset, cleaned rows, features, matrix, segmentation, in that order).
   */
  public void setWorkspaceHandler(Consumer<WorkspaceRequest> handler) {
    this.workspaceHandler = handler == null ? this::publishToSession : handler;
    this.stepsRestore = handler != null;
  }

  // Commands

  /** Asks for a file (an existing one only after confirmation) and writes the export in the background. */
  public void export() {
    if (!canExport()) return;
    SegmentationResult seg = session.getSegmentation();
    ExportRequest.Format f = format.get();
    boolean csvPerSegment = f == ExportRequest.Format.CSV && perSegment.get();
    Optional<Path> chosen = dialogs.chooseSaveFile("Export segments", defaultName(f.extension()),
        List.of("*." + f.extension()));
    if (chosen.isEmpty()) return;
    Path target = withExtension(chosen.get(), "." + f.extension());
    List<Path> existing = new ArrayList<>();
    if (Files.exists(target)) existing.add(target);
    if (csvPerSegment) {
      for (Path p : CsvExporter.targetsFor(target.toAbsolutePath().getParent(), stem(target),
          SegmentExport.segmentSheets(seg, null))) {
        if (Files.exists(p)) existing.add(p);
      }
    }
    if (!existing.isEmpty() && !dialogs.confirm("Replace files?", existing.size() == 1
        ? existing.get(0).getFileName() + " exists. Replace it?"
        : existing.size() + " of the files exist (" + existing.get(0).getFileName() + ", …). Replace them?")) {
      return;
    }
    ExportRequest request = new ExportRequest(target, f, f == ExportRequest.Format.CSV && byteOrderMark.get(),
        csvPerSegment, !existing.isEmpty());
    var dataset = session.getDataset();
    var cleaned = session.getCleaned();
    String currency = session.getCurrency();
    start("Exporting " + target.getFileName(), ctx -> {
      SegmentExport.Context c = SegmentExport.Context.of(dataset, cleaned);
      long t0 = System.nanoTime();
      SegmentExport.Outcome o = SegmentExport.write(seg, c, request, XlsxExporter.Options.DEFAULT.withCurrency(currency),
          RunControl.of(null, progressTo(ctx), ctx.cancelledCheck()));
      return new Written(o, (System.nanoTime() - t0) / 1e9);
    }, w -> {
      SegmentExport.Outcome o = w.outcome();
      lastWritten.set(o.files().get(0));
      result.set(String.format("Wrote %s: %,d customers in %d segments%s (%.1f s).", o.files().get(0),
          o.customers(), seg.k(), o.files().size() > 1 ? ", and " + (o.files().size() - 1) + " per-segment files" : "",
          w.seconds()));
    });
  }

  /** Asks for a file and saves the current run as a workspace. */
  public void saveWorkspace() {
    if (!canExport()) return;
    Optional<Path> chosen = dialogs.chooseSaveFile("Save workspace", stemOfInput() + WorkspaceFile.EXTENSION,
        WORKSPACE_EXTENSIONS);
    if (chosen.isEmpty()) return;
    Path file = withExtension(chosen.get(), WorkspaceFile.EXTENSION);
    boolean exists = Files.exists(file);
    if (exists && !dialogs.confirm("Replace workspace?", file.getFileName() + " exists. Replace it?")) return;
    SegmentationResult seg = session.getSegmentation();
    var dataset = session.getDataset();
    var cleaned = session.getCleaned();
    start("Saving " + file.getFileName(), ctx -> {
      FileFingerprint fp = dataset.source() == null ? null // a database: nothing to hash, and no password is kept
          : FileFingerprint.of(dataset.source(), RunControl.of(null, progressTo(ctx), ctx.cancelledCheck()));
      WorkspaceFile.write(file, WorkspaceRunner.capture(seg, dataset, cleaned, fp, Instant.now()), exists);
      return file;
    }, f -> {
      lastWritten.set(f);
      result.set("Saved the workspace " + f + ". Open it later to get the same segments and names back.");
    });
  }

  /** Asks for a workspace, runs it again in the background and hands the result to the workspace handler. */
  public void openWorkspace() {
    if (running.get()) return;
    Optional<Path> chosen = dialogs.chooseOpenFile("Open workspace", WORKSPACE_EXTENSIONS);
    if (chosen.isEmpty()) return;
    Path file = chosen.get();
    String password = null;
    Workspace header = peekWorkspace(file);
    if (header != null && header.inputDatabase() != null) {
      Workspace.Database db = header.inputDatabase();
      Optional<String> pw = dialogs.askPassword("Database password", "The workspace reads "
          + (db.table() != null ? "the table " + db.table() : "a query") + " from " + db.url()
          + (db.user() != null ? " as " + db.user() : "") + ". Its password is not saved: enter it to reopen.");
      if (pw.isEmpty()) return;
      password = pw.get().isEmpty() ? null : pw.get();
    }
    String pass = password;
    boolean onlyLoad = stepsRestore;
    start("Opening " + file.getFileName(), ctx -> {
      Workspace ws = WorkspaceFile.read(file);
      if (onlyLoad) { // the steps compute the rest, each stage once
        WorkspaceRunner.Opened o = WorkspaceRunner.open(ws, pass, session.stages(), RunControl.of(null,
            progressTo(ctx), ctx.cancelledCheck()));
        return new WorkspaceRequest(file, ws, o.dataset(), null, o.warning());
      }
      WorkspaceRunner.Outcome o = WorkspaceRunner.run(ws, pass, 0, RunControl.of(null, progressTo(ctx), ctx.cancelledCheck()));
      return new WorkspaceRequest(file, ws, o.result().dataset(), o.result(), o.warning());
    }, req -> {
      openedWorkspace.set(req);
      workspaceHandler.accept(req);
      result.set("Opened " + file.getFileName() + ": " + req.workspace().k() + " segments of "
          + req.dataset().report().file() + "." + (req.warning() == null ? "" : " " + req.warning()));
    });
  }

  /** The workspace's saved values (a small JSON file), or null when it cannot be read now: the job says why. */
  private static Workspace peekWorkspace(Path file) {
    try {
      return WorkspaceFile.read(file);
    } catch (ExportException | RuntimeException e) {
      return null;
    }
  }

  /** Asks for another transactions file and puts its customers into the current segments. */
  public void applyToFile() {
    if (!canExport()) return;
    Optional<Path> chosen = dialogs.chooseOpenFile("Apply the segmentation to another file", DATA_EXTENSIONS);
    if (chosen.isEmpty()) return;
    Path file = chosen.get();
    SegmentationResult seg = session.getSegmentation();
    var dataset = session.getDataset();
    var cleaned = session.getCleaned();
    start("Applying segments to " + file.getFileName(), ctx -> {
      Workspace ws = WorkspaceRunner.capture(seg, dataset, cleaned, null, Instant.now());
      return SegmentAssigner.assign(file, ws, RunControl.of(null, progressTo(ctx), ctx.cancelledCheck()));
    }, a -> {
      int[] counts = a.counts();
      List<AppliedCount> rows = new ArrayList<>();
      SegmentationResult s = a.segmentation();
      for (int i = 0; i < counts.length; i++) {
        rows.add(new AppliedCount(i, s.names().get(i), s.colours().get(i), counts[i],
            a.customers() == 0 ? Double.NaN : (double) counts[i] / a.customers()));
      }
      applied.setAll(rows);
      appliedSummary.set(String.format("%,d customers of %s in the current %d segments.", a.customers(),
          file.getFileName(), counts.length));
    });
  }

  /** Stops the running job; an export leaves no file behind. */
  public void cancel() { slot.cancel(); }

  private <T> void start(String title, Async.Job<T> job, Consumer<T> onSuccess) {
    error.set("");
    task.set(title);
    progress.set(-1);
    running.set(true);
    slot.task(title, job)
        .onSuccess(r -> {
      running.set(false);
      onSuccess.accept(r);
    })
        .onFailure(e -> {
      running.set(false);
      error.set(message(e));
    })
        .onCancelled(() -> {
      running.set(false);
      result.set(title + " cancelled; nothing was written.");
    })
        .start();
  }

  /** Progress to the status bar and to this step, at most once per percent (each UI update is a pulse task). */
  private DoubleConsumer progressTo(Async.Context ctx) {
    double[] last = {-2};
    return p -> {
      ctx.progress(p);
      if (Math.abs(p - last[0]) >= 0.01 || p >= 1) {
        last[0] = p;
        ctx.ui(() -> { if (running.get()) progress.set(p); });
      }
    };
  }

  static String message(Throwable e) {
    if (e instanceof ExportException || e instanceof DataException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    if (e instanceof OutOfMemoryError) return "Out of memory while exporting; close other programs or export as CSV.";
    return "Unexpected failure: " + e;
  }

  private void publishToSession(WorkspaceRequest req) {
    var r = req.result();
    session.datasetProperty().set(r.dataset());
    session.cleanedProperty().set(r.cleaned());
    session.featuresProperty().set(r.customerFeatures());
    session.matrixProperty().set(r.matrix());
    session.segmentationProperty().set(r.segmentation());
  }

  private String defaultName(String extension) {
    return stemOfInput() + "-segments." + extension;
  }

  private String stemOfInput() {
    var d = session.getDataset();
    String name = d == null || d.source() == null ? "segments" : d.source().getFileName().toString();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static Path withExtension(Path file, String extension) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(extension) ? file : file.resolveSibling(name + extension);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
