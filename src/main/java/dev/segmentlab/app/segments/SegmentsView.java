package dev.segmentlab.app.segments;

import dev.segmentlab.app.fx.Combos;
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
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.RangeSlider;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.util.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Segments step: sweep controls, k slider, elbow and criteria charts, scatter, segment table. */
public final class SegmentsView {
  private final SegmentsViewModel vm;
  private final BorderPane root = new BorderPane();
  private ScatterCanvas scatter;
  private MethodCharts methodCharts;

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
    criteria.getTabs().add(methodTab());
    criteria.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane topCharts = new SplitPane(charts.elbow, criteria);
    scatter = new ScatterCanvas(vm.scatter().dataProperty(), vm.scatter().selectedIndexProperty());
    vm.setAfterRedraw(this::afterNextPulse);
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

  /** The swept method's own criteria (dendrogram, k-distance, BIC/AIC), selected when a sweep brings them. */
  private Tab methodTab() {
    methodCharts = new MethodCharts(vm.methodChartsProperty(), vm.kProperty());
    Tab t = new Tab("Method criteria", methodCharts.node());
    t.setId("methodCriteriaTab");
    vm.methodChartsProperty().addListener((o, a, d) -> {
      if (d != null && d.method() != dev.segmentlab.core.cluster.Method.KMEANS) t.getTabPane().getSelectionModel().select(t);
    });
    return t;
  }

  /** The method's charts (for tests). */
  MethodCharts methodCharts() { return methodCharts; }

  /** Runs {@code r} once the next pulse has laid out (and so drawn) the scene; at once when not shown. */
  private void afterNextPulse(Runnable r) {
    Scene scene = root.getScene();
    if (scene == null) {
      r.run();
      return;
    }
    Runnable[] once = new Runnable[1];
    once[0] = () -> {
      scene.removePostLayoutPulseListener(once[0]);
      Platform.runLater(r);
    };
    scene.addPostLayoutPulseListener(once[0]);
    Platform.requestNextPulse();
  }

  /** The scatter (for tests: its redraw count). */
  ScatterCanvas scatter() { return scatter; }

  private Node controls() {
    RangeSlider range = new RangeSlider(2, 20, vm.kMinProperty().get(), vm.kMaxProperty().get());
    range.setId("kRange");
    range.setShowTickLabels(true);
    range.setShowTickMarks(true);
    range.setMajorTickUnit(2);
    range.setMinorTickCount(1);
    range.setSnapToTicks(true);
    range.setPrefWidth(220);
    range.lowValueProperty().addListener((o, a, v) -> vm.kMinProperty().set((int) Math.round(v.doubleValue())));
    range.highValueProperty().addListener((o, a, v) -> vm.kMaxProperty().set((int) Math.round(v.doubleValue())));
    Label rangeLabel = fixed(new Label());
    rangeLabel.textProperty().bind(Bindings.format("k %d–%d", vm.kMinProperty(), vm.kMaxProperty()));
    Spinner<Integer> restarts = new Spinner<>(1, 100, vm.restartsProperty().get());
    restarts.setId("restarts");
    restarts.setPrefWidth(80);
    restarts.setTooltip(new Tooltip("k-means restarts per k; the lowest WCSS is kept"));
    restarts.valueProperty().addListener((o, a, v) -> vm.restartsProperty().set(v));
    TextField seed = new TextField();
    seed.setId("seed");
    seed.setPrefWidth(70);
    seed.setTooltip(new Tooltip("Random seed: the same seed gives the same segments"));
    seed.textProperty().bindBidirectional(vm.seedTextProperty());
    seed.styleProperty().bind(Bindings.when(vm.seedValidProperty()).then("").otherwise("-fx-border-color: #d9534f;"));
    Button run = new Button("Run sweep");
    run.setId("runSweepButton");
    run.setDefaultButton(true);
    run.setTooltip(new Tooltip("Cluster for every k in the range and compute WCSS, silhouette, Calinski-Harabasz and Davies-Bouldin"));
    run.setOnAction(e -> vm.runSweep());
    run.disableProperty().bind(vm.canRunSweepProperty().not());

    // the k control offers the swept range: beyond it colours repeat and names lose their meaning
    Slider k = new Slider(vm.kLowestProperty().get(), vm.kHighestProperty().get(), vm.kProperty().get());
    k.setId("kSlider");
    k.minProperty().bind(vm.kLowestProperty());
    k.maxProperty().bind(vm.kHighestProperty());
    k.setMajorTickUnit(1);
    k.setMinorTickCount(0);
    k.setSnapToTicks(true);
    k.setShowTickMarks(true);
    k.setShowTickLabels(true);
    k.setPrefWidth(260);
    SpinnerValueFactory.IntegerSpinnerValueFactory kValues = new SpinnerValueFactory.IntegerSpinnerValueFactory(
        vm.kLowestProperty().get(), vm.kHighestProperty().get(), vm.kProperty().get());
    kValues.minProperty().bind(vm.kLowestProperty());
    kValues.maxProperty().bind(vm.kHighestProperty());
    Spinner<Integer> kSpin = new Spinner<>(kValues);
    kSpin.setId("kSpinner");
    kSpin.setEditable(true);
    kSpin.setPrefWidth(70);
    // a drag re-segments once it pauses for 40 ms (not once per value it passes over)
    PauseTransition settle = new PauseTransition(Duration.millis(40));
    settle.setOnFinished(e -> vm.kProperty().set((int) Math.round(k.getValue())));
    k.valueProperty().addListener((o, a, v) -> {
      if (k.isValueChanging()) settle.playFromStart();
      else { settle.stop(); vm.kProperty().set((int) Math.round(v.doubleValue())); }
    });
    k.valueChangingProperty().addListener((o, was, now) -> {
      if (!now) { settle.stop(); vm.kProperty().set((int) Math.round(k.getValue())); }
    });
    kSpin.valueProperty().addListener((o, a, v) -> { if (v != null) vm.kProperty().set(v); });
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
    HBox row1 = new HBox(10, fixed(new Label("Sweep")), range, rangeLabel, fixed(new Label("restarts")), restarts,
        fixed(new Label("seed")), seed, run);
    row1.getChildren().add(1, MethodChoicePane.of(vm));
    HBox row2 = new HBox(10, fixed(new Label("k")), k, kSpin, advice, stabilityProgress());
    row1.setAlignment(Pos.CENTER_LEFT);
    row2.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, row1, row2, message, notes);
    box.setPadding(new Insets(8));
    return box;
  }

  /** "Stability of k = 5 …" with a bar while the check runs (after the redraw; it never delays it). */
  private Node stabilityProgress() {
    ProgressBar bar = new ProgressBar();
    bar.setId("stabilityProgress");
    bar.setPrefWidth(90);
    bar.progressProperty().bind(vm.stabilityProgressProperty());
    Label l = fixed(new Label("checking stability"));
    HBox box = new HBox(6, l, bar);
    box.setAlignment(Pos.CENTER_LEFT);
    box.visibleProperty().bind(vm.stabilityRunningProperty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  /** A label that keeps its full text (never "scaled va…"). */
  private static <T extends Region> T fixed(T r) {
    r.setMinWidth(Region.USE_PREF_SIZE);
    return r;
  }

  private Node scatterPane() {
    ComboBox<String> x = new ComboBox<>(vm.scatter().getAxes());
    x.setId("scatterX");
    Combos.sized(x, 190);
    x.valueProperty().bindBidirectional(vm.scatter().xAxisProperty());
    ComboBox<String> y = new ComboBox<>(vm.scatter().getAxes());
    y.setId("scatterY");
    Combos.sized(y, 190);
    y.valueProperty().bindBidirectional(vm.scatter().yAxisProperty());
    x.setMinWidth(Region.USE_PREF_SIZE);
    y.setMinWidth(Region.USE_PREF_SIZE);
    CheckBox scaled = fixed(new CheckBox("scaled"));
    scaled.setId("scatterScaled");
    scaled.setTooltip(new Tooltip("Feature axes in scaled values (what k-means saw) instead of original units"));
    scaled.setSelected(true);
    scaled.selectedProperty().addListener((o, a, v) -> vm.scatter().scaledProperty().set(v));
    Label caption = new Label();
    caption.setId("scatterCaption");
    caption.getStyleClass().add("muted");
    caption.textProperty().bind(vm.scatter().captionProperty());
    FlowPane axes = new FlowPane(8, 4, fixed(new Label("x")), x, fixed(new Label("y")), y, scaled);
    axes.setAlignment(Pos.CENTER_LEFT);
    axes.setPadding(new Insets(4));
    VBox box = new VBox(axes, caption, scatter);
    VBox.setVgrow(scatter, Priority.ALWAYS);
    return box;
  }

  private Node table() {
    TableView<SegmentRow> t = new TableView<>();
    // a name being typed is kept when the stability re-runs replace the rows
    t.setItems(Tables.followingOutsideEdits(t, vm.getRows()));
    t.setId("segmentsTable");
    t.setEditable(true);
    TableColumn<SegmentRow, String> colour = new TableColumn<>("");
    colour.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().colour()));
    colour.setCellFactory(c -> new TableCell<>() {
      private final Rectangle swatch = new Rectangle(14, 14);

      @Override protected void updateItem(String v, boolean empty) {
        super.updateItem(v, empty);
        if (v != null && !empty) swatch.setFill(Color.web(v));
        setGraphic(empty || v == null ? null : swatch);
      }
    });
    colour.setPrefWidth(30);
    TableColumn<SegmentRow, String> name = Tables.column("Name ✎", SegmentRow::name, 190);
    Label nameHead = new Label();
    nameHead.setTooltip(new Tooltip("Double-click a name to edit it"));
    name.setGraphic(nameHead);
    name.setEditable(true);
    name.setCellFactory(TextFieldTableCell.forTableColumn());
    name.setOnEditCommit(e -> vm.rename(e.getRowValue().id(), e.getNewValue()));
    t.getColumns().add(colour);
    t.getColumns().add(Tables.intColumn("Id", SegmentRow::id, 40));
    t.getColumns().add(name);
    t.getColumns().add(Tables.intColumn("Customers", SegmentRow::size, 90));
    t.getColumns().add(Tables.numberColumn("% customers", r -> 100 * r.share(), "%.1f", 108));
    t.getColumns().add(Tables.numberColumn("% revenue", r -> 100 * r.revenueShare(), "%.1f", 95));
    TableColumn<SegmentRow, Double> jaccard = Tables.numberColumn(SegmentsText.JACCARD, SegmentRow::stability, "%.2f", 118);
    Label jaccardHead = new Label();
    jaccardHead.setTooltip(new Tooltip(SegmentsText.JACCARD_HELP));
    jaccard.setGraphic(jaccardHead);
    t.getColumns().add(jaccard);
    t.getColumns().add(Tables.column("", SegmentsText::flag, 80));
    List<String> meansShown = new ArrayList<>();
    Runnable meanColumns = () -> {
      // the same features again (a new file, another cleaning) keep their columns, and the cells theirs; no
      // features (between two files) leave the columns over the empty table until the next ones are known
      if (vm.getFeatureNames().isEmpty() || meansShown.equals(vm.getFeatureNames())) return;
      meansShown.clear();
      meansShown.addAll(vm.getFeatureNames());
      t.getColumns().remove(8, t.getColumns().size());
      for (int f = 0; f < vm.getFeatureNames().size(); f++) {
        final int idx = f;
        t.getColumns().add(Tables.numberColumn("mean " + vm.getFeatureNames().get(f), r -> r.mean(idx), "%,.1f", 110));
      }
    };
    vm.getFeatureNames().addListener((ListChangeListener<String>) c -> meanColumns.run());
    meanColumns.run();
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
    // the labels and their tooltips are kept from one k to the next, those beyond k hidden (new ones each time
    // were new nodes to style)
    Runnable fill = () -> {
      List<SegmentRow> rows = vm.getRows();
      while (bar.getChildren().size() < rows.size()) {
        Label seg = new Label();
        seg.setMinWidth(0);
        seg.setMaxHeight(Double.MAX_VALUE);
        Tooltip tip = new Tooltip();
        seg.setTooltip(tip);
        seg.managedProperty().bind(seg.visibleProperty());
        bar.getChildren().add(seg);
      }
      for (int i = 0; i < bar.getChildren().size(); i++) bar.getChildren().get(i).setVisible(i < rows.size());
      for (int i = 0; i < rows.size(); i++) {
        SegmentRow r = rows.get(i);
        Label seg = (Label) bar.getChildren().get(i);
        seg.setText(r.share() > 0.06 ? r.id() + ": " + String.format("%.0f%%", 100 * r.share()) : "");
        seg.setStyle("-fx-background-color: " + r.colour() + "; -fx-text-fill: white; -fx-padding: 2 4 2 4;");
        seg.prefWidthProperty().bind(bar.widthProperty().multiply(r.share()));
        seg.getTooltip().setText(r.name() + ": " + r.size() + " customers");
      }
    };
    vm.getRows().addListener((ListChangeListener<SegmentRow>) c -> fill.run());
    fill.run();
    return bar;
  }


}
