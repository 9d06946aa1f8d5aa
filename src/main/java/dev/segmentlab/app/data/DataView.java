package dev.segmentlab.app.data;

import dev.segmentlab.app.fx.Combos;
import dev.segmentlab.app.fx.Tables;
import dev.segmentlab.core.data.LoadReport;
import dev.segmentlab.core.export.Currency;
import javafx.collections.FXCollections;
import javafx.util.StringConverter;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Separator;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import dev.segmentlab.core.data.Mode;

/** The Data step: toolbar, load report, columns, rejected rows and a preview of every row. */
public final class DataView {
  private final DataViewModel vm;
  private final BorderPane root = new BorderPane();

  public DataView(DataViewModel vm) {
    this.vm = vm;
    build();
  }

  public Node node() { return root; }

  private void build() {
    Button open = new Button("Open…");
    open.setId("openButton");
    open.setTooltip(new Tooltip("Open a CSV, TSV, TXT (optionally .gz), XLSX or Parquet file (Ctrl+O). You can also drop a file on the window."));
    open.setOnAction(e -> vm.openFile());
    Button sample = new Button("Open sample");
    sample.setId("sampleButton");
    sample.setTooltip(new Tooltip("Reload the bundled UCI Online Retail data (541,909 lines)."));
    sample.setOnAction(e -> vm.openSample());
    Button database = new Button("Open from database…");
    database.setId("databaseButton");
    database.setTooltip(new Tooltip("Read a table or a query from PostgreSQL, SQLite or another JDBC database."));
    database.disableProperty().bind(vm.loadingProperty());
    database.setOnAction(e -> DatabaseDialog.show(root.getScene().getWindow(), vm.database()).ifPresent(vm::load));
    Button map = new Button("Map columns…");
    map.setId("mapButton");
    map.setTooltip(new Tooltip("Choose which column is the invoice, customer, date, … and reload."));
    map.disableProperty().bind(vm.reportProperty().isNull().or(vm.loadingProperty()));
    map.setOnAction(e -> vm.preview().ifPresent(p -> MappingDialog.show(root.getScene().getWindow(), p).ifPresent(vm::remap)));
    vm.mappingNeededProperty().addListener((o, a, p) -> {
      if (p != null) Platform.runLater(() -> MappingDialog.show(root.getScene().getWindow(), p).ifPresent(vm::remap));
    });
    Label loadingLabel = new Label();
    loadingLabel.textProperty().bind(Bindings.concat("Loading ", vm.loadingFileProperty(), "… (Esc or Cancel in the status bar stops it)"));
    loadingLabel.visibleProperty().bind(vm.loadingProperty());
    ComboBox<String> currency = new ComboBox<>(FXCollections.observableArrayList(vm.getCurrencies()));
    currency.setId("currencyChoice");
    Combos.sized(currency, 100);
    currency.setConverter(new StringConverter<>() {
      @Override public String toString(String s) { return Currency.label(s); }
      @Override public String fromString(String s) { return "none".equals(s) ? Currency.NONE : s; }
    });
    currency.valueProperty().bindBidirectional(vm.currencyProperty());
    currency.setTooltip(new Tooltip("The currency of the amounts: the money format of the XLSX export. Guessed from "
        + "where most rows were sold (£ when most are in the United Kingdom); \"none\" writes plain numbers."));
    Label currencyLabel = new Label("Currency");
    currencyLabel.setMinWidth(Region.USE_PREF_SIZE);
    ToolBar bar = new ToolBar(open, sample, database, map, new Separator(), currencyLabel, currency, loadingLabel);

    Label error = new Label();
    error.setId("dataError");
    error.getStyleClass().add("error-banner");
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    GridPane report = new GridPane();
    report.setId("loadReport");
    report.setHgap(16);
    report.setVgap(4);
    report.setPadding(new Insets(8));
    String[][] fields = {{"File", "reportFile"}, {"Rows read", "reportRows"}, {"Rows rejected", "reportRejected"},
        {"Mode", "reportMode"}, {"Customers", "reportCustomers"}, {"Encoding", "reportEncoding"},
        {"Delimiter", "reportDelimiter"}, {"Dates", "reportDates"}, {"Mapping", "reportMapping"}};
    for (int i = 0; i < fields.length; i++) {
      Label k = new Label(fields[i][0]);
      k.getStyleClass().add("key");
      k.setMinWidth(Region.USE_PREF_SIZE);
      Label v = new Label();
      v.setId(fields[i][1]);
      final int idx = i;
      v.textProperty().bind(Bindings.createStringBinding(() -> value(vm.reportProperty().get(), idx), vm.reportProperty()));
      if (i == fields.length - 1) {
        v.setWrapText(true);
        report.add(k, 0, 3);
        report.add(v, 1, 3, 5, 1);
      } else {
        v.setMinWidth(Region.USE_PREF_SIZE);
        report.add(k, (i % 3) * 2, i / 3);
        report.add(v, (i % 3) * 2 + 1, i / 3);
      }
    }

    TableView<LoadReport.ColumnSummary> cols = new TableView<>();
    ObservableList<LoadReport.ColumnSummary> colRows = Tables.followingOutsideEdits(cols, vm.getColumns());
    cols.setItems(colRows);
    cols.setId("columnsTable");
    cols.getColumns().add(Tables.column("Column", LoadReport.ColumnSummary::name, 220));
    cols.getColumns().add(Tables.column("Role", c -> c.role() == null ? "" : c.role(), 120));
    cols.getColumns().add(Tables.column("Type", LoadReport.ColumnSummary::type, 90));
    cols.getColumns().add(Tables.intColumn("Missing", LoadReport.ColumnSummary::missing, 100));
    cols.getColumns().add(Tables.intColumn("Distinct", LoadReport.ColumnSummary::distinct, 100));
    for (String[] f : new String[][] {{"Minimum", "min"}, {"Maximum", "max"}, {"Mean", "mean"}}) {
      TableColumn<LoadReport.ColumnSummary, String> c = Tables.column(f[0], s -> vm.numericFigure(s.name(), f[1]), 110);
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
      cols.getColumns().add(c);
    }
    vm.numericSummaryProperty().addListener((o, a, m) -> Tables.reread(colRows));
    cols.setPlaceholder(new Label("Open a file to see its columns."));

    TableView<LoadReport.Rejection> rej = new TableView<>(vm.getRejections());
    rej.setId("rejectionsTable");
    rej.getColumns().add(Tables.intColumn("Line", LoadReport.Rejection::line, 80));
    rej.getColumns().add(Tables.column("Reason", LoadReport.Rejection::reason, 360));
    rej.getColumns().add(Tables.column("Row", LoadReport.Rejection::text, 500));
    rej.setPlaceholder(new Label("No row was rejected."));

    TableView<Integer> preview = new TableView<>();
    preview.setId("previewTable");
    preview.setPlaceholder(new Label("Open a file to see its rows."));
    PreviewTable.installTypedSort(preview);
    vm.datasetProperty().addListener((o, a, d) -> PreviewTable.show(preview, d));
    PreviewTable.show(preview, vm.datasetProperty().get());

    Tab previewTab = new Tab("Rows", preview);
    Tab colsTab = new Tab("Columns", cols);
    Tab rejTab = new Tab("Rejected rows", rej);
    rejTab.textProperty().bind(Bindings.createStringBinding(() -> {
      LoadReport r = vm.reportProperty().get();
      return r == null ? "Rejected rows" : String.format("Rejected rows (%,d)", r.rejected());
    }, vm.reportProperty()));
    TabPane tabs = new TabPane(previewTab, colsTab, rejTab);
    tabs.setId("dataTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

    VBox top = new VBox(bar, error, report);
    root.setTop(top);
    root.setCenter(tabs);
  }

  private static String value(LoadReport r, int i) {
    if (r == null) return "—";
    switch (i) {
      case 0: return r.file() + (r.sheet() != null ? " (sheet " + r.sheet() + ")" : "");
      case 1: return String.format("%,d", r.rows());
      case 2: return String.format("%,d", r.rejected()) + (r.rejectReasons().isEmpty() ? "" : " " + r.rejectReasons());
      case 3: return r.mode() == Mode.TRANSACTIONS ? "transactions (one row per line)" : "customer table (one row per customer)";
      case 4: return String.format("%,d distinct", r.customers());
      case 5: return r.encoding();
      case 6: return r.delimiter() == null ? "—" : "'" + r.delimiter() + "'";
      case 7: return r.dateFormat() == null ? "—" : r.dateFormat();
      default: {
        StringBuilder sb = new StringBuilder();
        r.mapping().forEach((role, col) -> sb.append(sb.length() == 0 ? "" : " · ").append(role.replace('_', ' ')).append(" = ").append(col));
        return sb.toString();
      }
    }
  }
}
