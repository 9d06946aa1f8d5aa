package dev.segmentlab.app.migration;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.function.Supplier;

/**
 * The segment migration window: a split day, the flow of customers from segment to segment (new and lapsed
 * included), the transition table in counts and row %.
 */
public final class MigrationView {
  private final MigrationViewModel vm;
  private final Stage stage = new Stage();
  private final TableView<MigrationViewModel.Row> table = new TableView<>(); // columns follow the segments

  public MigrationView(MigrationViewModel vm, Window owner, Supplier<List<String>> segmentNames) {
    this.vm = vm;
    stage.initOwner(owner);
    stage.setTitle("Segment migration");
    DatePicker day = new DatePicker();
    day.setId("migrationSplit");
    day.valueProperty().bindBidirectional(vm.splitProperty());
    Button halves = button("Halves", "migrationHalves", vm::halves);
    Button quarter = button("Last quarter", "migrationQuarter", vm::lastQuarter);
    Button run = button("Compare", "migrationRun", vm::run);
    run.disableProperty().bind(vm.busyProperty());
    Label summary = new Label();
    summary.setId("migrationSummary");
    summary.setWrapText(true);
    summary.textProperty().bind(vm.summaryProperty());
    table.setId("migrationTable");
    table.setItems(vm.getRows());
    vm.resultProperty().addListener((o, a, r) -> columns(segmentNames.get()));
    FlowDiagram flow = new FlowDiagram(vm.flowProperty());
    VBox root = new VBox(8, new HBox(8, new Label("Second period from"), day, run, halves, quarter), flow, table, summary);
    root.setStyle("-fx-padding: 10;");
    VBox.setVgrow(flow, Priority.ALWAYS);
    table.setPrefHeight(200);
    stage.setScene(new Scene(root, 900, 700));
  }

  public void open() {
    stage.show();
    stage.toFront();
  }

  private void columns(List<String> names) {
    table.getColumns().clear();
    TableColumn<MigrationViewModel.Row, String> from = new TableColumn<>("From \\ to");
    from.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().from()));
    table.getColumns().add(from);
    for (int j = 0; j < names.size(); j++) {
      int s = j;
      TableColumn<MigrationViewModel.Row, String> c = new TableColumn<>(names.get(j));
      c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(cell(d.getValue().counts()[s], d.getValue().shares()[s])));
      table.getColumns().add(c);
    }
    TableColumn<MigrationViewModel.Row, String> lapsed = new TableColumn<>("Lapsed");
    lapsed.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%,d", d.getValue().lapsed())));
    table.getColumns().add(lapsed);
  }

  private static String cell(int n, double share) {
    return Double.isNaN(share) ? String.format(Locale.ROOT, "%,d", n) : String.format(Locale.ROOT, "%,d (%.0f%%)", n, 100 * share);
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }
}
