package dev.segmentlab.app.segments;

import dev.segmentlab.app.fx.Tables;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.RangeSlider;

/** The Segments step: sweep controls, k slider, elbow and criteria charts, scatter, segment table. */
public final class SegmentsView {
  private final SegmentsViewModel vm;
  private final BorderPane root = new BorderPane();
  private ScatterCanvas scatter;

  public SegmentsView(SegmentsViewModel vm, Node profiles) {
    this.vm = vm;
    root.setId("segmentsRoot");
    root.setTop(controls());
    SweepCharts charts = new SweepCharts(vm.getSweepPoints(), vm.sweepProperty(), vm.kProperty(), vm.getSweepStability());
    Button allStability = new Button("Compute for every k");
    allStability.setId("sweepStabilityButton");
    allStability.setTooltip(new Tooltip("Re-cluster 10 bootstrap samples with other seeds for every k of the sweep"));
    allStability.setOnAction(e -> vm.runSweepStability());
    allStability.disableProperty().bind(vm.sweepProperty().isNull());
    VBox stabilityBox = new VBox(4, charts.stability, allStability);
    VBox.setVgrow(charts.stability, Priority.ALWAYS);
    stabilityBox.setPadding(new Insets(0, 0, 4, 8));
    TabPane criteria = new TabPane(new Tab("Silhouette", charts.silhouette), new Tab("Calinski-Harabasz", charts.ch),
        new Tab("Davies-Bouldin", charts.db), new Tab("Stability", stabilityBox));
    criteria.setId("criteriaTabs");
    criteria.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane topCharts = new SplitPane(charts.elbow, criteria);
    scatter = new ScatterCanvas(vm.scatter().dataProperty());
    SplitPane bottom = new SplitPane(scatterPane(), table());
    bottom.setDividerPositions(0.45);
    SplitPane tune = new SplitPane(topCharts, bottom);
    tune.setOrientation(Orientation.VERTICAL);
    tune.setDividerPositions(0.42);
    Tab tuneTab = new Tab("Tune k", tune);
    Tab silTab = new Tab("Silhouette plot", new SilhouettePlot(vm.silhouetteBySegmentProperty(), vm.getRows()));
    Tab profTab = new Tab("Profiles", profiles);
    TabPane tabs = new TabPane(tuneTab, silTab, profTab);
    tabs.setId("segmentsTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    root.setCenter(tabs);
  }

  public Node node() { return root; }

  /** The scatter (for tests: its redraw count). */
  ScatterCanvas scatter() { return scatter; }

  private Node controls() {
    RangeSlider range = new RangeSlider(1, 30, vm.kMinProperty().get(), vm.kMaxProperty().get());
    range.setId("kRange");
    range.setShowTickLabels(true);
    range.setMajorTickUnit(5);
    range.setMinorTickCount(4);
    range.setSnapToTicks(true);
    range.setPrefWidth(220);
    range.lowValueProperty().addListener((o, a, v) -> vm.kMinProperty().set((int) Math.round(v.doubleValue())));
    range.highValueProperty().addListener((o, a, v) -> vm.kMaxProperty().set((int) Math.round(v.doubleValue())));
    Label rangeLabel = new Label();
    rangeLabel.textProperty().bind(Bindings.format("k %d–%d", vm.kMinProperty(), vm.kMaxProperty()));
    Spinner<Integer> restarts = new Spinner<>(1, 100, vm.restartsProperty().get());
    restarts.setId("restarts");
    restarts.setPrefWidth(80);
    restarts.setTooltip(new Tooltip("k-means restarts per k; the lowest WCSS is kept"));
    restarts.valueProperty().addListener((o, a, v) -> vm.restartsProperty().set(v));
    TextField seed = new TextField(String.valueOf(vm.seedProperty().get()));
    seed.setId("seed");
    seed.setPrefWidth(70);
    seed.setTooltip(new Tooltip("Random seed: the same seed gives the same segments"));
    seed.textProperty().addListener((o, a, v) -> {
      try { vm.seedProperty().set(Long.parseLong(v.trim())); seed.setStyle(""); }
      catch (NumberFormatException e) { seed.setStyle("-fx-border-color: #d9534f;"); }
    });
    Button run = new Button("Run sweep");
    run.setId("runSweepButton");
    run.setDefaultButton(true);
    run.setTooltip(new Tooltip("Cluster for every k in the range and compute WCSS, silhouette, Calinski-Harabasz and Davies-Bouldin"));
    run.setOnAction(e -> vm.runSweep());
    run.disableProperty().bind(vm.sweepingProperty().or(vm.session().matrixProperty().isNull()));

    Slider k = new Slider(1, 30, vm.kProperty().get());
    k.setId("kSlider");
    k.setMajorTickUnit(1);
    k.setMinorTickCount(0);
    k.setSnapToTicks(true);
    k.setShowTickMarks(true);
    k.setPrefWidth(260);
    Spinner<Integer> kSpin = new Spinner<>(1, 30, vm.kProperty().get());
    kSpin.setId("kSpinner");
    kSpin.setEditable(true);
    kSpin.setPrefWidth(70);
    k.valueProperty().addListener((o, a, v) -> vm.kProperty().set((int) Math.round(v.doubleValue())));
    kSpin.valueProperty().addListener((o, a, v) -> vm.kProperty().set(v));
    vm.kProperty().addListener((o, a, v) -> {
      if ((int) Math.round(k.getValue()) != v.intValue()) k.setValue(v.intValue());
      if (!kSpin.getValue().equals(v.intValue())) kSpin.getValueFactory().setValue(v.intValue());
    });
    Label advice = new Label();
    advice.setId("kAdvice");
    advice.textProperty().bind(vm.adviceProperty());
    Label message = new Label();
    message.setId("segmentsMessage");
    message.getStyleClass().add("info-banner");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    Label notes = new Label();
    notes.setId("nameNotes");
    notes.textProperty().bind(Bindings.createStringBinding(() -> String.join("  ", vm.getNotes()), vm.getNotes()));
    HBox row1 = new HBox(10, new Label("Sweep"), range, rangeLabel, new Label("restarts"), restarts, new Label("seed"), seed, run);
    row1.getChildren().add(1, MethodChoicePane.of(vm));
    HBox row2 = new HBox(10, new Label("k"), k, kSpin, advice);
    row1.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    row2.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox box = new VBox(6, row1, row2, message, notes);
    box.setPadding(new Insets(8));
    return box;
  }

  private Node scatterPane() {
    ComboBox<String> x = new ComboBox<>(vm.scatter().getAxes());
    x.setId("scatterX");
    x.valueProperty().bindBidirectional(vm.scatter().xAxisProperty());
    ComboBox<String> y = new ComboBox<>(vm.scatter().getAxes());
    y.setId("scatterY");
    y.valueProperty().bindBidirectional(vm.scatter().yAxisProperty());
    CheckBox scaled = new CheckBox("scaled values");
    scaled.setId("scatterScaled");
    scaled.setSelected(true);
    scaled.selectedProperty().addListener((o, a, v) -> vm.scatter().scaledProperty().set(v));
    HBox axes = new HBox(8, new Label("x"), x, new Label("y"), y, scaled);
    axes.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    axes.setPadding(new Insets(4));
    VBox box = new VBox(axes, scatter);
    VBox.setVgrow(scatter, Priority.ALWAYS);
    return box;
  }

  private Node table() {
    TableView<SegmentRow> t = new TableView<>(vm.getRows());
    t.setId("segmentsTable");
    t.setEditable(true);
    TableColumn<SegmentRow, String> colour = new TableColumn<>("");
    colour.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().colour()));
    colour.setCellFactory(c -> new TableCell<>() {
      @Override protected void updateItem(String v, boolean empty) {
        super.updateItem(v, empty);
        setGraphic(empty || v == null ? null : new Rectangle(14, 14, Color.web(v)));
      }
    });
    colour.setPrefWidth(30);
    TableColumn<SegmentRow, String> name = Tables.column("Name (double-click to edit)", SegmentRow::name, 200);
    name.setEditable(true);
    name.setCellFactory(TextFieldTableCell.forTableColumn());
    name.setOnEditCommit(e -> vm.rename(e.getRowValue().id(), e.getNewValue()));
    t.getColumns().add(colour);
    t.getColumns().add(Tables.intColumn("Id", SegmentRow::id, 40));
    t.getColumns().add(name);
    t.getColumns().add(Tables.intColumn("Customers", SegmentRow::size, 90));
    t.getColumns().add(Tables.numberColumn("% customers", r -> 100 * r.share(), "%.1f", 90));
    t.getColumns().add(Tables.numberColumn("% revenue", r -> 100 * r.revenueShare(), "%.1f", 80));
    t.getColumns().add(Tables.numberColumn("Stability", SegmentRow::stability, "%.2f", 75));
    t.getColumns().add(Tables.column("", r -> r.small() ? "⚠ < 1%" : (r.stability() < 0.6 ? "unstable" : ""), 70));
    java.util.function.Consumer<dev.segmentlab.core.features.FeatureMatrix> meanColumns = m -> {
      t.getColumns().remove(8, t.getColumns().size());
      if (m == null) return;
      for (int f = 0; f < m.dims(); f++) {
        final int idx = f;
        t.getColumns().add(Tables.numberColumn("mean " + m.features().get(f), r -> r.mean(idx), "%,.1f", 110));
      }
    };
    vm.session().matrixProperty().addListener((o, a, m) -> meanColumns.accept(m));
    meanColumns.accept(vm.session().getMatrix());
    t.setPlaceholder(new Label("Run the sweep to see the segments."));
    Region sizes = sizesBar();
    VBox box = new VBox(4, sizes, t);
    VBox.setVgrow(t, Priority.ALWAYS);
    return box;
  }

  private Region sizesBar() {
    HBox bar = new HBox();
    bar.setId("sizesBar");
    bar.setPrefHeight(22);
    bar.setMinHeight(22);
    Runnable fill = () -> {
      bar.getChildren().clear();
      for (SegmentRow r : vm.getRows()) {
        Label seg = new Label(r.share() > 0.06 ? r.id() + ": " + String.format("%.0f%%", 100 * r.share()) : "");
        seg.setStyle("-fx-background-color: " + r.colour() + "; -fx-text-fill: white; -fx-padding: 2 4 2 4;");
        seg.setMinWidth(0);
        seg.prefWidthProperty().bind(bar.widthProperty().multiply(r.share()));
        seg.setMaxHeight(Double.MAX_VALUE);
        Tooltip.install(seg, new Tooltip(r.name() + ": " + r.size() + " customers"));
        bar.getChildren().add(seg);
      }
    };
    vm.getRows().addListener((javafx.collections.ListChangeListener<SegmentRow>) c -> fill.run());
    fill.run();
    return bar;
  }


}
