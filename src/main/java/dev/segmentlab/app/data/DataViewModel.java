package dev.segmentlab.app.data;

import dev.segmentlab.app.DatasetLoader;
import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.core.export.Currency;
import dev.segmentlab.core.quality.NumericSummary;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.data.FilePreview;
import dev.segmentlab.core.data.LoadReport;
import dev.segmentlab.core.data.MappingNeeded;
import dev.segmentlab.core.data.ReadMemory;
import dev.segmentlab.core.data.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.segmentlab.app.MemoryCheck;
import java.nio.file.Files;

/** The Data step: open a file, show what was read. */
public final class DataViewModel {
  /** Extensions the open dialog offers. */
  public static final List<String> EXTENSIONS = List.of("*.csv", "*.tsv", "*.txt", "*.gz", "*.xlsx", "*.parquet");

  private final Session session;
  private final Async async;
  private final DialogService dialogs;
  private final DatasetLoader loader;
  private final Executor executor;
  private final Path sample;
  private final JobSlot slot;

  // Properties
  private final ReadOnlyObjectWrapper<LoadReport> report = new ReadOnlyObjectWrapper<>();
  private final ObservableList<LoadReport.ColumnSummary> columns = FXCollections.observableArrayList();
  private final ObservableList<LoadReport.Rejection> rejections = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No file loaded");
  private final ReadOnlyStringWrapper loadingFile = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<FilePreview> mappingNeeded = new ReadOnlyObjectWrapper<>();
  private Path lastPath;
  private ReadOptions lastOptions = ReadOptions.defaults();
  /** The database of the current dataset, with its password, in memory only (for Map columns and reloads). */
  private DatabaseSource lastDatabase;
  private final DatabaseViewModel database;
  private final JobSlot currencyJob;
  private final JobSlot statsJob;
  private final ReadOnlyObjectWrapper<Map<String, NumericSummary>> numericSummary =
      new ReadOnlyObjectWrapper<>(Map.of());

  public DataViewModel(Session session, Async async, DialogService dialogs, DatasetLoader loader, Executor executor,
      Path sample) {
    this.session = session;
    this.async = async;
    this.dialogs = dialogs;
    this.loader = loader;
    this.executor = executor;
    this.sample = sample;
    this.slot = new JobSlot(async);
    this.database = new DatabaseViewModel(async);
    this.currencyJob = new JobSlot(async);
    this.statsJob = new JobSlot(async);
    session.datasetProperty().addListener((o, a, d) -> show(d));
  }

  public ReadOnlyObjectProperty<LoadReport> reportProperty() { return report.getReadOnlyProperty(); }
  public ObservableList<LoadReport.ColumnSummary> getColumns() { return columns; }
  public ObservableList<LoadReport.Rejection> getRejections() { return rejections; }
  /** The last load error, empty when the last load worked. */
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  public ReadOnlyStringProperty loadingFileProperty() { return loadingFile.getReadOnlyProperty(); }
  /** The loaded dataset (read-only here: only a load changes it). */
  public ReadOnlyObjectProperty<Dataset> datasetProperty() { return session.datasetProperty(); }

  /**
   * Set when a file's columns do not say how to read it (transaction columns without a customer id, or no id
   * column at all): the preview the View shows in the mapping dialog; {@link #errorProperty} says what is
   * missing. Cleared by the next load. The previous dataset stays open meanwhile.
   */
  public ReadOnlyObjectProperty<FilePreview> mappingNeededProperty() { return mappingNeeded.getReadOnlyProperty(); }
  public Session session() { return session; }
  /**
   * Minimum, maximum and mean of the numeric columns by column name (computed in the background after a file
   * opens; empty until then).
   */
  public ReadOnlyObjectProperty<Map<String, NumericSummary>> numericSummaryProperty() {
    return numericSummary.getReadOnlyProperty();
  }

  /** "min", "max" or "mean" of a column as text ("" for a text column or before the figures are in). */
  public String numericFigure(String column, String which) {
    NumericSummary s = numericSummary.get().get(column);
    if (s == null || s.count() == 0) return "";
    double v = switch (which) {
      case "min" -> s.min();
      case "max" -> s.max();
      default -> s.mean();
    };
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,.0f", v) : String.format("%,.2f", v);
  }

  /** The symbols the currency chooser offers ("" = none). */
  public List<String> getCurrencies() { return Currency.CHOICES; }
  /**
   * The currency of the data's money: guessed when a file opens (£ for Online Retail), changed by the analyst;
   * the XLSX export's money format uses it.
   */
  public StringProperty currencyProperty() { return session.currencyProperty(); }
  public Path samplePath() { return sample; }
  /** The "Open from database…" dialog's model. */
  public DatabaseViewModel database() { return database; }

  // Commands

  /** Asks for a file and loads it. */
  public void openFile() {
    dialogs.chooseOpenFile("Open a dataset", EXTENSIONS).ifPresent(this::load);
  }

  /** Loads the bundled Online Retail sample. */
  public void openSample() {
    if (sample == null || !Files.exists(sample)) {
      fail("The bundled sample was not found" + (sample == null ? "" : " at " + sample) + ". Open a file instead.");
      return;
    }
    load(sample);
  }

  /** Loads a file with automatic mapping (asking for the sheet when a workbook has several). */
  public void load(Path file) {
    ReadOptions options = ReadOptions.defaults();
    try {
      List<String> sheets = Datasets.sheets(file);
      if (sheets.size() > 1) {
        Optional<String> s = dialogs.choose("Choose a sheet", file.getFileName() + " has " + sheets.size()
            + " sheets. Which one holds the data?", sheets, sheets.get(sheets.size() - 1));
        if (s.isEmpty()) return;
        options = options.withSheet(s.get());
      }
    } catch (DataException e) {
      fail(e.getMessage());
      return;
    }
    load(file, options);
  }

  /** Loads a file; on failure or cancel the previous dataset stays. */
  public void load(Path file, ReadOptions options) {
    loading.set(true);
    mappingNeeded.set(null);
    loadingFile.set(file.getFileName().toString());
    slot.task("Loading " + file.getFileName(), ctx -> {
          MemoryCheck.ensureRoomFor(file); // a clear message before the load, not an OOM in it
          return loader.load(file, options, ctx.control(executor));
        })
        .onSuccess(d -> {
          loading.set(false);
          error.set("");
          lastPath = file;
          lastDatabase = null;
          lastOptions = options;
          session.datasetProperty().set(d);
        })
        .onFailure(e -> {
          loading.set(false);
          if (e instanceof MappingNeeded m && askForMapping(file, options, m)) return;
          fail(e instanceof OutOfMemoryError ? ReadMemory.message(file)
              : e instanceof DataException || e instanceof IllegalArgumentException
                  || e instanceof MemoryCheck.NotEnoughMemory ? e.getMessage()
              : "Could not open " + file.getFileName() + ": " + e);
        })
        .onCancelled(() -> {
          loading.set(false);
          async.monitor().say("Loading " + file.getFileName() + " cancelled; the previous dataset is still open.");
        })
        .start();
  }

  /** Loads the table or query the database dialog chose, with automatic mapping. */
  public void load(DatabaseSource source) { load(source, ReadOptions.defaults()); }

  /** Loads a database table or query; rows are streamed with progress and Cancel; on failure the previous dataset stays. */
  public void load(DatabaseSource source, ReadOptions options) {
    String name = source.table() != null ? source.table() : "query";
    loading.set(true);
    loadingFile.set(name);
    slot.task("Loading " + name + " from the database", ctx -> loader.load(source, options, ctx.control(executor)))
        .onSuccess(d -> {
          loading.set(false);
          error.set("");
          lastPath = null;
          lastDatabase = source;
          lastOptions = options;
          session.datasetProperty().set(d);
        })
        .onFailure(e -> {
          loading.set(false);
          fail(e instanceof DataException || e instanceof IllegalArgumentException ? e.getMessage()
              : "Could not read " + name + ": " + e);
        })
        .onCancelled(() -> {
          loading.set(false);
          async.monitor().say("Loading " + name + " cancelled; the previous dataset is still open.");
        })
        .start();
  }

  /**
   * The columns do not say how to read the file: remember it (so that {@link #remap} reads it with the
   * analyst's mapping) and ask the View for the mapping dialog; false when not even a preview can be read.
   */
  private boolean askForMapping(Path file, ReadOptions options, MappingNeeded m) {
    FilePreview p;
    try {
      p = Datasets.preview(file, options.sheet(), 20);
    } catch (DataException | OutOfMemoryError e) {
      return false;
    }
    lastPath = file;
    lastOptions = options;
    error.set(m.getMessage());
    mappingNeeded.set(p);
    return true;
  }

  /** Stops a load in progress. */
  public void cancelLoad() { slot.cancel(); }

  /** First rows and the detected mapping of the current file, for the mapping dialog. */
  public Optional<FilePreview> preview() {
    if (lastPath == null && lastDatabase == null) return Optional.empty();
    try {
      if (lastDatabase != null) return Optional.of(Datasets.preview(lastDatabase, 20));
      return Optional.of(Datasets.preview(lastPath, lastOptions.sheet(), 20));
    } catch (DataException e) {
      fail(e.getMessage());
      return Optional.empty();
    }
  }

  /** Reloads the current file with the analyst's mapping. */
  public void remap(Map<Role, String> mapping) {
    if (lastDatabase != null) load(lastDatabase, lastOptions.withMapping(mapping));
    else if (lastPath != null) load(lastPath, lastOptions.withMapping(mapping));
  }

  public boolean canRemap() { return lastPath != null || lastDatabase != null; }

  private void fail(String message) {
    error.set(message);
    dialogs.showError("Could not open the file", message);
  }

  private void show(Dataset d) {
    currencyJob.cancel();
    statsJob.cancel();
    numericSummary.set(Map.of());
    if (d != null) {
      statsJob.task("Summarising the numeric columns", ctx -> NumericSummary.of(d))
          .onSuccess(numericSummary::set)
          .onFailure(e -> numericSummary.set(Map.of()))
          .start();
    }
    if (d != null) {
      currencyJob.task("Guessing the currency", ctx -> Currency.guess(d))
          .onSuccess(c -> session.currencyProperty().set(c))
          .onFailure(e -> session.currencyProperty().set(Currency.NONE))
          .start();
    }
    if (d == null) {
      report.set(null);
      columns.clear();
      rejections.clear();
      summary.set("No file loaded");
      return;
    }
    LoadReport r = d.report();
    if (lastPath == null && lastDatabase == null) lastPath = d.source();
    report.set(r);
    columns.setAll(r.columns());
    rejections.setAll(r.examples());
    summary.set(String.format("%s · %,d rows · %,d customers · %s", r.file(), r.rows(), r.customers(), r.mode().key()));
  }
}
