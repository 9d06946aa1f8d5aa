package dev.segmentlab.app.compare;

import dev.segmentlab.app.fx.Combos;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.control.Tooltip;
import java.util.List;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Compare tab: pins on the left, two of them side by side on the right. Binds only. */
public final class CompareView {
  /** What the tables say until A and B are chosen. */
  static final String PLACEHOLDER = "Pin two solutions to compare them";
  private final VBox root = new VBox(8);

  public CompareView(CompareViewModel vm) {
    Button pin = new Button("Pin current solution");
    pin.setId("pinButton");
    pin.disableProperty().bind(vm.canPinProperty().not());
    pin.setOnAction(e -> vm.pinCurrent());
    ListView<PinnedSolution> pins = new ListView<>(vm.getPinned());
    pins.setId("pinnedList");
    pins.setPrefWidth(300);
    ComboBox<PinnedSolution> a = new ComboBox<>(vm.getPinned());
    a.setId("aChoice");
    Combos.sized(a, 260);
    a.valueProperty().bindBidirectional(vm.aProperty());
    ComboBox<PinnedSolution> b = new ComboBox<>(vm.getPinned());
    b.setId("bChoice");
    Combos.sized(b, 260);
    b.valueProperty().bindBidirectional(vm.bProperty());
    Label ari = new Label();
    ari.setId("ariLabel");
    ari.textProperty().bind(vm.ariProperty());
    Label nmi = new Label();
    nmi.setId("nmiLabel");
    nmi.textProperty().bind(vm.nmiProperty());
    Label summary = new Label();
    summary.setId("compareSummary");
    summary.textProperty().bind(vm.summaryProperty());
    TableView<CompareViewModel.Row> table = new TableView<>(vm.getRows());
    table.setId("contingencyTable");
    table.setPlaceholder(new Label(PLACEHOLDER));
    vm.getColumns().addListener((ListChangeListener<String>) c -> columns(table, vm));
    ListView<String> flows = new ListView<>(vm.getFlows());
    flows.setId("flowList");
    flows.setPlaceholder(new Label(PLACEHOLDER));
    flows.setPrefHeight(180);
    Button export = new Button("Export who moved…");
    export.setId("exportMovedButton");
    export.disableProperty().bind(vm.comparisonProperty().isNull());
    export.setOnAction(e -> vm.exportMoved());
    for (ComboBox<PinnedSolution> c : List.of(a, b)) {
      c.setPrefWidth(280); // long solution names must not push ARI and NMI out of the row
      c.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(c, Priority.SOMETIMES);
      c.setTooltip(new Tooltip("A pinned solution: method, k, features and transforms"));
    }
    for (Label l : List.of(ari, nmi)) l.setMinWidth(Region.USE_PREF_SIZE);
    ari.setTooltip(new Tooltip("Adjusted Rand index: 1 = the same partition, about 0 = no more alike than chance"));
    nmi.setTooltip(new Tooltip("Normalized mutual information: 1 = the same partition, 0 = independent"));
    HBox choose = new HBox(8, new Label("A"), a, new Label("B"), b, new Label("ARI"), ari, new Label("NMI"), nmi);
    choose.setAlignment(Pos.CENTER_LEFT);
    VBox right = new VBox(8, choose, summary, table, new Label("Flows of customers (A → B)"), flows,
        new Label("Profile differences: each A segment beside its best-matching B segment"), ProfileDiffTable.of(vm),
        export);
    VBox.setVgrow(table, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    root.getChildren().addAll(pin, new HBox(12, new VBox(4, new Label("Pinned solutions"), pins), right));
    root.setPadding(new Insets(12));
  }

  /** One column per B segment, rebuilt when B changes. */
  private static void columns(TableView<CompareViewModel.Row> table, CompareViewModel vm) {
    table.getColumns().clear();
    TableColumn<CompareViewModel.Row, String> seg = new TableColumn<>("A \\ B");
    seg.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().segment()));
    table.getColumns().add(seg);
    for (int j = 0; j < vm.getColumns().size(); j++) {
      int col = j;
      TableColumn<CompareViewModel.Row, Number> c = new TableColumn<>(vm.getColumns().get(j));
      c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().count(col)));
      table.getColumns().add(c);
    }
    TableColumn<CompareViewModel.Row, Number> total = new TableColumn<>("Total");
    total.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().total()));
    table.getColumns().add(total);
  }

  public Node node() {
    return root;
  }
}
