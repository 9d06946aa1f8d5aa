package dev.segmentlab.app.data;

import dev.segmentlab.core.data.DatabaseReader;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.FilePreview;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Open from database…": connection fields, Test connection, the table picker with row estimates or a query, and a
 * preview. Binds to a {@link DatabaseViewModel}; Load hands its {@link DatabaseSource} to the Data step, which reads
 * the rows with progress and Cancel and shows the same load report and mapping as for a file.
 */
final class DatabaseDialog {
  private DatabaseDialog() {}

  static final ButtonType LOAD = new ButtonType("Load", ButtonBar.ButtonData.OK_DONE);

  static Optional<DatabaseSource> show(Window owner, DatabaseViewModel vm) {
    Dialog<DatabaseSource> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Open from database");
    d.setHeaderText("Rows are read through a read-only connection. The password is not saved anywhere.");
    d.getDialogPane().setContent(new VBox(10, connection(vm), source(vm), previewTable(vm), status(vm)));
    d.getDialogPane().getButtonTypes().addAll(LOAD, ButtonType.CANCEL);
    Button load = (Button) d.getDialogPane().lookupButton(LOAD);
    load.setId("dbLoad");
    load.disableProperty().bind(vm.busyProperty());
    load.addEventFilter(ActionEvent.ACTION, e -> { if (vm.source().isEmpty()) e.consume(); });
    d.setResultConverter(bt -> bt == LOAD ? vm.source().orElse(null) : null);
    d.setOnHidden(e -> vm.cancel());
    Optional<DatabaseSource> chosen = d.showAndWait();
    vm.passwordProperty().set(""); // kept only by the load that follows, in memory
    return chosen;
  }

  private static GridPane connection(DatabaseViewModel vm) {
    TextField url = field("dbUrl", 420);
    url.textProperty().bindBidirectional(vm.urlProperty());
    url.setPromptText("jdbc:postgresql://host:5432/db or jdbc:sqlite:/path/to/file.db");
    TextField user = field("dbUser", 200);
    user.textProperty().bindBidirectional(vm.userProperty());
    PasswordField pw = new PasswordField();
    pw.setId("dbPassword");
    pw.textProperty().bindBidirectional(vm.passwordProperty());
    TextField jar = field("dbDriverJar", 420);
    jar.setPromptText("only for databases other than PostgreSQL and SQLite");
    jar.textProperty().bindBidirectional(vm.driverJarProperty());
    Button test = button("dbTest", "Test connection", vm::testConnection);
    Button list = button("dbListTables", "List tables", vm::listTables);
    test.disableProperty().bind(vm.busyProperty());
    list.disableProperty().bind(vm.busyProperty());
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.addRow(0, new Label("URL"), url);
    g.addRow(1, new Label("User"), user);
    g.addRow(2, new Label("Password"), pw);
    g.addRow(3, new Label("Driver jar"), jar);
    g.add(new HBox(8, test, list), 1, 4);
    return g;
  }

  private static VBox source(DatabaseViewModel vm) {
    ToggleGroup kind = new ToggleGroup();
    RadioButton table = new RadioButton("Table");
    table.setId("dbUseTable");
    RadioButton query = new RadioButton("Query");
    query.setId("dbUseQuery");
    table.setToggleGroup(kind);
    query.setToggleGroup(kind);
    query.selectedProperty().bindBidirectional(vm.useQueryProperty());
    table.setSelected(!vm.useQueryProperty().get());
    ComboBox<DatabaseReader.TableInfo> tables = new ComboBox<>(vm.getTables());
    tables.setId("dbTable");
    tables.setPrefWidth(420);
    tables.valueProperty().bindBidirectional(vm.selectedTableProperty());
    tables.setCellFactory(v -> new TableCell());
    tables.setButtonCell(new TableCell());
    tables.disableProperty().bind(vm.useQueryProperty());
    TextArea sql = new TextArea();
    sql.setId("dbQuery");
    sql.setPrefRowCount(3);
    sql.setPromptText("SELECT * FROM orders WHERE order_date >= '2011-01-01'");
    sql.textProperty().bindBidirectional(vm.queryProperty());
    sql.disableProperty().bind(vm.useQueryProperty().not());
    Button preview = button("dbPreview", "Preview", vm::showPreview);
    preview.disableProperty().bind(vm.busyProperty());
    return new VBox(6, new HBox(8, table, tables), new HBox(8, query, sql), preview);
  }

  private static TableView<List<String>> previewTable(DatabaseViewModel vm) {
    TableView<List<String>> t = new TableView<>();
    t.setId("dbPreviewTable");
    t.setPrefHeight(200);
    t.setPlaceholder(new Label("Preview shows the first rows here."));
    vm.previewProperty().addListener((o, a, p) -> fill(t, p));
    return t;
  }

  private static void fill(TableView<List<String>> t, FilePreview p) {
    t.getColumns().clear();
    if (p == null) {
      t.getItems().clear();
      return;
    }
    for (int i = 0; i < p.headers().size(); i++) {
      final int idx = i;
      TableColumn<List<String>, String> c = new TableColumn<>(p.headers().get(i));
      c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(idx < f.getValue().size() ? f.getValue().get(idx) : ""));
      t.getColumns().add(c);
    }
    t.setItems(FXCollections.observableArrayList(p.rows()));
  }

  private static Label status(DatabaseViewModel vm) {
    Label s = new Label();
    s.setId("dbStatus");
    s.setWrapText(true);
    s.setMaxWidth(600);
    s.textProperty().bind(vm.statusProperty());
    vm.failedProperty().addListener((o, a, f) -> {
      if (f) s.getStyleClass().add("error-banner"); else s.getStyleClass().remove("error-banner");
    });
    return s;
  }

  private static TextField field(String id, double width) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefWidth(width);
    return f;
  }

  private static Button button(String id, String text, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static final class TableCell extends ListCell<DatabaseReader.TableInfo> {
    @Override protected void updateItem(DatabaseReader.TableInfo t, boolean empty) {
      super.updateItem(t, empty);
      setText(empty ? null : DatabaseViewModel.label(t));
    }
  }
}
