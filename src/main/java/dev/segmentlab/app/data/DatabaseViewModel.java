package dev.segmentlab.app.data;

import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.data.DatabaseReader;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.FilePreview;
import dev.segmentlab.core.data.Datasets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Open from database…" dialog: connection (URL, user, password, an optional driver jar), Test connection, the
 * tables with a row estimate each, a table or a SQL query, and a preview of the first rows. The password lives in
 * this object only while the dialog and the load need it; {@link #source()} hands it to the load, and nothing here
 * writes it anywhere. Every database call runs through {@link Async}, one at a time.
 */
public final class DatabaseViewModel {
  /** Rows the preview shows. */
  static final int PREVIEW_ROWS = 50;

  private final JobSlot slot;

  // Properties
  private final StringProperty url = new SimpleStringProperty(this, "url", "jdbc:postgresql://localhost:5432/");
  private final StringProperty user = new SimpleStringProperty(this, "user", "");
  private final StringProperty password = new SimpleStringProperty(this, "password", "");
  private final StringProperty driverJar = new SimpleStringProperty(this, "driverJar", "");
  private final BooleanProperty useQuery = new SimpleBooleanProperty(this, "useQuery", false);
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObjectProperty<DatabaseReader.TableInfo> selectedTable = new SimpleObjectProperty<>(this, "selectedTable");
  private final ObservableList<DatabaseReader.TableInfo> tables = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<FilePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

  public DatabaseViewModel(Async async) {
    this.slot = new JobSlot(async);
  }

  public StringProperty urlProperty() { return url; }
  public StringProperty userProperty() { return user; }
  public StringProperty passwordProperty() { return password; }
  public StringProperty driverJarProperty() { return driverJar; }
  public BooleanProperty useQueryProperty() { return useQuery; }
  public StringProperty queryProperty() { return query; }
  public ObjectProperty<DatabaseReader.TableInfo> selectedTableProperty() { return selectedTable; }
  public ObservableList<DatabaseReader.TableInfo> getTables() { return tables; }
  public ReadOnlyObjectProperty<FilePreview> previewProperty() { return preview.getReadOnlyProperty(); }
  /** What the last action found or why it failed. */
  public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

  /** Fills the fields for a database a workspace names (the password is asked for separately). */
  public void prefill(DatabaseSource saved) {
    url.set(saved.url());
    user.set(saved.user() == null ? "" : saved.user());
    driverJar.set(saved.driverJar() == null ? "" : saved.driverJar().toString());
    useQuery.set(saved.query() != null);
    query.set(saved.query() == null ? "" : saved.query());
    password.set("");
  }

  // Commands

  /** Connects and says which server answered. */
  public void testConnection() {
    run("Testing the connection", DatabaseReader::testConnection, v -> "Connected: " + v + ".");
  }

  /** Lists the tables and views with their row estimates. */
  public void listTables() {
    run("Listing the tables", DatabaseReader::tables, list -> {
      tables.setAll(list);
      if (!list.isEmpty() && selectedTable.get() == null) selectedTable.set(list.get(0));
      return list.isEmpty() ? "The database has no table this user can read." : list.size() + " tables and views.";
    });
  }

  /** Shows the first rows of the chosen table or query. */
  public void showPreview() {
    Optional<DatabaseSource> src = source();
    if (src.isEmpty()) return;
    busy.set(true);
    slot.task("Previewing", ctx -> Datasets.preview(src.get(), PREVIEW_ROWS))
        .onSuccess(p -> {
      busy.set(false);
      preview.set(p);
      say(false, String.format("First %d rows of %s; columns detected: %s.", p.rows().size(), src.get().describe(),
          p.detected().isTransactions() ? "transactions" : "a customer table"));
    })
        .onFailure(this::failedWith)
        .onCancelled(this::cancelled)
        .start();
  }

  /** Stops the running database call. */
  public void cancel() { slot.cancel(); }

  /**
   * The table or query to load, or empty (with the reason in {@link #statusProperty()}) when a field is missing.
   */
  public Optional<DatabaseSource> source() {
    String table = useQuery.get() || selectedTable.get() == null ? null : selectedTable.get().qualifiedName();
    String q = useQuery.get() ? query.get() : null;
    if (!useQuery.get() && table == null) table = "";
    try {
      Path jar = driverJar.get() == null || driverJar.get().isBlank() ? null : Path.of(driverJar.get().trim());
      String pw = password.get() == null || password.get().isEmpty() ? null : password.get();
      return Optional.of(new DatabaseSource(url.get(), user.get(), pw, jar, table, q));
    } catch (IllegalArgumentException e) {
      say(true, useQuery.get() || table == null || !table.isEmpty() ? e.getMessage()
          : "Choose a table (List tables) or write a query.");
      return Optional.empty();
    }
  }

  /** Connection fields only (a placeholder query), for Test connection and List tables. */
  private Optional<DatabaseSource> connection() {
    try {
      Path jar = driverJar.get() == null || driverJar.get().isBlank() ? null : Path.of(driverJar.get().trim());
      String pw = password.get() == null || password.get().isEmpty() ? null : password.get();
      return Optional.of(new DatabaseSource(url.get(), user.get(), pw, jar, null, "SELECT 1"));
    } catch (IllegalArgumentException e) {
      say(true, e.getMessage());
      return Optional.empty();
    }
  }

  private <T> void run(String title, Function<DatabaseSource, T> call, Function<T, String> done) {
    Optional<DatabaseSource> src = connection();
    if (src.isEmpty()) return;
    busy.set(true);
    say(false, title + "…");
    slot.task(title, ctx -> call.apply(src.get()))
        .onSuccess(v -> {
      busy.set(false);
      say(false, done.apply(v));
    })
        .onFailure(this::failedWith)
        .onCancelled(this::cancelled)
        .start();
  }

  private void failedWith(Throwable e) {
    busy.set(false);
    say(true, e instanceof DataException || e instanceof IllegalArgumentException ? e.getMessage()
        : "The database call failed: " + e);
  }

  private void cancelled() {
    busy.set(false);
    say(false, "Cancelled.");
  }

  private void say(boolean error, String message) {
    failed.set(error);
    status.set(message);
  }

  /** The tables as "name (~rows)" labels, for the picker. */
  static String label(DatabaseReader.TableInfo t) {
    return t == null ? "" : t.qualifiedName() + (t.estimatedRows() >= 0 ? String.format("  (~%,d rows)", t.estimatedRows()) : "");
  }
}
