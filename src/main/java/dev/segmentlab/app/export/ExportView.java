package dev.segmentlab.app.export;

import dev.segmentlab.app.fx.Combos;
import dev.segmentlab.app.fx.Tables;
import dev.segmentlab.core.pipeline.ExportRequest;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/** The Export step: export options and button, workspaces, apply to another file; binds to the ViewModel only. */
public final class ExportView {
  private final ExportViewModel vm;
  private final VBox root = new VBox(14);

  public ExportView(ExportViewModel vm) {
    this.vm = vm;
    build();
  }

  public Node node() { return root; }

  private void build() {
    root.setPadding(new Insets(16));
    root.getStylesheets().add(ExportView.class.getResource("/dev/segmentlab/app/export/export.css").toExternalForm());
    root.getStyleClass().add("export-step");

    Label hint = new Label();
    hint.setId("exportHint");
    hint.getStyleClass().add("info-banner");
    hint.setWrapText(true);
    hint.textProperty().bind(vm.hintProperty());
    hint.visibleProperty().bind(vm.hintProperty().isNotEmpty());
    hint.managedProperty().bind(hint.visibleProperty());

    Label error = new Label();
    error.setId("exportError");
    error.getStyleClass().add("error-banner");
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    root.getChildren().addAll(hint, error, exportSection(), jobRow(), workspaceSection(), applySection());
  }

  private Node exportSection() {
    ComboBox<ExportRequest.Format> format = new ComboBox<>();
    format.setId("exportFormat");
    Combos.sized(format, 200);
    format.getItems().setAll(ExportRequest.Format.values());
    format.valueProperty().bindBidirectional(vm.formatProperty());
    format.setConverter(new StringConverter<>() {
      @Override public String toString(ExportRequest.Format f) {
        return f == null ? "" : f == ExportRequest.Format.XLSX ? "Excel workbook (.xlsx)"
            : f == ExportRequest.Format.PARQUET ? "Parquet (.parquet)" : "CSV (.csv)";
      }

      @Override public ExportRequest.Format fromString(String s) { return null; }
    });
    format.setTooltip(new Tooltip("Excel: Customers, Segments, one sheet per segment, Sweep, Cleaning and Parameters. "
        + "CSV: the Customers table."));
    var csv = vm.formatProperty().isEqualTo(ExportRequest.Format.CSV);
    CheckBox bom = new CheckBox("Byte-order mark for Excel");
    bom.setId("bomOption");
    bom.selectedProperty().bindBidirectional(vm.byteOrderMarkProperty());
    bom.disableProperty().bind(csv.not());
    bom.setTooltip(new Tooltip("Excel needs it to show £ and accents in a CSV opened by double-click; most other tools do not."));
    CheckBox perSegment = new CheckBox("One CSV per segment");
    perSegment.setId("perSegmentOption");
    perSegment.selectedProperty().bindBidirectional(vm.perSegmentProperty());
    perSegment.disableProperty().bind(csv.not());
    perSegment.setTooltip(new Tooltip("Also writes <name>-<id> <segment>.csv beside the customers file."));
    Button export = new Button("Export…");
    export.setId("exportButton");
    export.setDefaultButton(true);
    export.disableProperty().bind(Bindings.not(vm.canExportProperty()));
    export.setOnAction(e -> vm.export());
    HBox options = new HBox(12, new Label("Format"), format, bom, perSegment, export);
    options.setAlignment(Pos.CENTER_LEFT);

    Label result = new Label();
    result.setId("exportResult");
    result.setWrapText(true);
    result.textProperty().bind(vm.resultProperty());
    return section("Export the segments", options, result);
  }

  private Node jobRow() {
    ProgressBar bar = new ProgressBar();
    bar.setId("exportProgress");
    bar.setPrefWidth(260);
    bar.progressProperty().bind(vm.progressProperty());
    Label task = new Label();
    task.textProperty().bind(Bindings.concat(vm.taskProperty(), "…"));
    Button cancel = new Button("Cancel");
    cancel.setId("exportCancel");
    cancel.setOnAction(e -> vm.cancel());
    HBox row = new HBox(10, task, bar, cancel);
    row.setAlignment(Pos.CENTER_LEFT);
    row.visibleProperty().bind(vm.runningProperty());
    row.managedProperty().bind(row.visibleProperty());
    return row;
  }

  private Node workspaceSection() {
    Button save = new Button("Save workspace…");
    save.setId("saveWorkspaceButton");
    save.disableProperty().bind(Bindings.not(vm.canExportProperty()));
    save.setTooltip(new Tooltip("Saves the file's path and fingerprint, mapping, cleaning rules, features, k, seed and "
        + "the segment names, to reopen this analysis later."));
    save.setOnAction(e -> vm.saveWorkspace());
    Button open = new Button("Open workspace…");
    open.setId("openWorkspaceButton");
    open.disableProperty().bind(Bindings.not(vm.canOpenProperty()));
    open.setTooltip(new Tooltip("Runs a saved analysis again and restores every step."));
    open.setOnAction(e -> vm.openWorkspace());
    HBox buttons = new HBox(12, save, open);
    return section("Workspace", buttons);
  }

  private Node applySection() {
    Button apply = new Button("Apply segmentation to another file…");
    apply.setId("applyButton");
    apply.disableProperty().bind(Bindings.not(vm.canExportProperty()));
    apply.setTooltip(new Tooltip("Puts the customers of another transactions file (say, next quarter) into these "
        + "segments: same cleaning and features, the fitted scaling, nearest segment centre."));
    apply.setOnAction(e -> vm.applyToFile());
    Label summary = new Label();
    summary.setId("applySummary");
    summary.textProperty().bind(vm.appliedSummaryProperty());
    TableView<ExportViewModel.AppliedCount> table = new TableView<>(vm.getApplied());
    table.setId("appliedTable");
    TableColumn<ExportViewModel.AppliedCount, String> name = Tables.column("Segment", c -> c.segment() + "  " + c.name(), 260);
    name.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(String v, boolean empty) {
        super.updateItem(v, empty);
        ExportViewModel.AppliedCount row = empty || getTableRow() == null ? null : getTableRow().getItem();
        setText(empty ? null : v);
        setGraphic(row == null ? null : new Rectangle(12, 12, Color.web(row.colour())));
      }
    });
    table.getColumns().add(name);
    table.getColumns().add(Tables.intColumn("Customers", ExportViewModel.AppliedCount::customers, 110));
    table.getColumns().add(Tables.numberColumn("Share", c -> 100 * c.share(), "%.1f %%", 90));
    table.setPlaceholder(new Label("Counts per segment appear here."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setFixedCellSize(26);
    // As tall as its rows: no empty stripes under a handful of segments.
    table.prefHeightProperty().bind(Bindings.max(4, Bindings.size(vm.getApplied())).multiply(26).add(32));
    table.setMaxWidth(520);
    return section("Apply to new customers", apply, summary, table);
  }

  private static Node section(String title, Node... content) {
    Label t = new Label(title);
    t.getStyleClass().add("section-title");
    VBox box = new VBox(8, t);
    box.getChildren().addAll(content);
    box.getStyleClass().add("export-section");
    box.setMinHeight(Region.USE_PREF_SIZE);
    return box;
  }
}
