package dev.segmentlab.app.report;

import dev.segmentlab.core.report.ReportFormat;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Pane;

/** The "Report…" window: format, preview of the summary, progress, Write and Cancel. Binds only. */
public final class ReportView {
  private final ReportViewModel vm;
  private final BorderPane root = new BorderPane();

  public ReportView(ReportViewModel vm) {
    this.vm = vm;
    build();
  }

  public BorderPane root() { return root; }

  /** Opens the window (or brings it to the front) and refreshes the preview. */
  public static void show(ReportViewModel vm, Window owner) {
    Stage stage = new Stage();
    if (owner != null) stage.initOwner(owner);
    stage.setTitle("Report");
    stage.setScene(new Scene(new ReportView(vm).root(), 720, 480));
    stage.setOnHidden(e -> vm.cancel());
    stage.show();
    vm.refreshPreview();
  }

  /**
   * Adds a "Findings report" section with a "Report…" button (id {@code exportReport}) to the Export step's
   * column, and returns the step's node.
   */
  public static Node addTo(Node exportStep, ReportViewModel vm) {
    Button open = new Button("Report…");
    open.setId("exportReport");
    open.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canWrite(), vm.canWriteProperty()));
    open.setOnAction(e -> show(vm, open.getScene() == null ? null : open.getScene().getWindow()));
    Label t = new Label("Findings report");
    t.getStyleClass().add("section-title");
    Label what = new Label("A report to share: summary, data and cleaning, how k was chosen, one page per segment, "
        + "actions. HTML, PDF or PowerPoint.");
    what.setWrapText(true);
    VBox box = new VBox(8, t, what, open);
    box.getStyleClass().add("export-section");
    if (exportStep instanceof Pane p) p.getChildren().add(box);
    return exportStep;
  }

  private void build() {
    root.setId("reportRoot");
    root.setPadding(new Insets(12));
    ChoiceBox<ReportFormat> format = new ChoiceBox<>();
    format.setId("reportFormat");
    format.getItems().setAll(ReportFormat.values());
    format.setConverter(new StringConverter<>() {
      @Override public String toString(ReportFormat f) {
        if (f == null) return "";
        return switch (f) {
          case HTML -> "HTML (one file, opens in any browser)";
          case PDF -> "PDF (A4, fonts embedded)";
          case PPTX -> "PowerPoint (editable charts)";
        };
      }
      @Override public ReportFormat fromString(String s) { return null; }
    });
    format.valueProperty().bindBidirectional(vm.formatProperty());
    Label title = new Label();
    title.setId("reportPreviewTitle");
    title.textProperty().bind(vm.previewTitleProperty());
    title.setStyle("-fx-font-weight: bold");
    ListView<String> preview = new ListView<>(vm.getPreview());
    preview.setId("reportPreview");
    preview.setCellFactory(l -> new ListCell<>() {
      { setWrapText(true); prefWidthProperty().bind(l.widthProperty().subtract(24)); }
      @Override protected void updateItem(String s, boolean empty) {
        super.updateItem(s, empty);
        setText(empty ? null : s);
      }
    });
    VBox.setVgrow(preview, Priority.ALWAYS);
    ProgressBar bar = new ProgressBar();
    bar.setId("reportProgress");
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.runningProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    Label status = new Label();
    status.setId("reportStatus");
    status.textProperty().bind(Bindings.when(vm.errorProperty().isEmpty()).then(vm.statusProperty()).otherwise(vm.errorProperty()));
    Button write = new Button("Write report…");
    write.setId("reportWrite");
    write.setDefaultButton(true);
    write.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canWrite(), vm.canWriteProperty()));
    write.setOnAction(e -> vm.write());
    Button cancel = new Button("Cancel");
    cancel.setId("reportCancel");
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    HBox top = new HBox(8, new Label("Format"), format);
    top.setPadding(new Insets(0, 0, 8, 0));
    HBox buttons = new HBox(8, bar, write, cancel);
    HBox.setHgrow(bar, Priority.ALWAYS);
    root.setTop(top);
    root.setCenter(new VBox(6, title, preview));
    root.setBottom(new VBox(6, status, buttons));
    BorderPane.setMargin(root.getBottom(), new Insets(8, 0, 0, 0));
  }
}
