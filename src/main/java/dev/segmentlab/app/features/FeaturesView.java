package dev.segmentlab.app.features;

import dev.segmentlab.app.fx.Combos;
import dev.segmentlab.app.fx.Labels;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/** The Features step: the recipe on the left, one feature before and after, and every customer's values. */
public final class FeaturesView {
  private final FeaturesViewModel vm;
  private final BorderPane root = new BorderPane();

  public FeaturesView(FeaturesViewModel vm) {
    this.vm = vm;
    build();
  }

  public Node node() { return root; }

  private void build() {
    root.setId("featuresRoot");
    Label summary = Labels.bound("matrixSummary", "section-title", vm.summaryProperty());
    VBox top = new VBox(4, summary, banner("featuresMessage", "error-banner", vm.messageProperty()),
        banner("featuresNote", "info-banner", vm.noteProperty()));
    top.setPadding(new Insets(8, 12, 4, 12));
    root.setTop(top);
    root.setLeft(new RecipePane(vm).node());
    SplitPane center = new SplitPane(histograms(), customers());
    center.setOrientation(Orientation.VERTICAL);
    center.setDividerPositions(0.45);
    root.setCenter(center);
  }

  private Node histograms() {
    ComboBox<String> feature = new ComboBox<>(vm.getHistogramFeatures());
    feature.setId("histogramFeature");
    Combos.sized(feature, 170);
    feature.valueProperty().bindBidirectional(vm.histogramFeatureProperty());
    HistogramChart before = new HistogramChart("rawHistogram", "Before (original units)");
    HistogramChart after = new HistogramChart("transformedHistogram", "After transform and scaling");
    Consumer<FeaturePreview> showPreview = p -> {
      before.show(p == null ? null : p.raw());
      after.show(p == null ? null : p.transformed());
    };
    vm.previewProperty().addListener((o, a, p) -> showPreview.accept(p));
    showPreview.accept(vm.previewProperty().get()); // the view may be built after the preview was computed
    Label skewBefore = Labels.bound("skewBefore", "key", vm.skewBeforeProperty());
    Label skewAfter = Labels.bound("skewAfter", "key", vm.skewAfterProperty());
    VBox left = new VBox(2, before.chart(), skewBefore);
    VBox right = new VBox(2, after.chart(), skewAfter);
    for (VBox b : new VBox[] {left, right}) {
      HBox.setHgrow(b, Priority.ALWAYS);
      VBox.setVgrow(b.getChildren().get(0), Priority.ALWAYS);
      b.setAlignment(Pos.TOP_CENTER);
    }
    HBox charts = new HBox(8, left, right);
    VBox.setVgrow(charts, Priority.ALWAYS);
    HBox head = new HBox(8, title("Distribution of"), feature);
    head.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, head, charts);
    box.setPadding(new Insets(4, 8, 4, 8));
    return box;
  }

  private Node customers() {
    TextField filter = new TextField();
    filter.setId("featuresFilter");
    filter.setPromptText("Filter by customer id or country");
    filter.textProperty().bindBidirectional(vm.filterProperty());
    filter.setPrefColumnCount(24);
    Label count = new Label();
    count.setId("featuresShown");
    count.getStyleClass().add("key");
    count.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d %s shown", vm.getRows().size(),
        vm.getRows().size() == 1 ? "customer" : "customers"), vm.getRows()));
    FeaturesTable table = new FeaturesTable(vm.getRows());
    vm.tableProperty().addListener((o, a, t) -> table.show(t));
    table.show(vm.tableProperty().get());
    HBox bar = new HBox(8, title("Customers"), filter, count);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox.setVgrow(table.node(), Priority.ALWAYS);
    VBox box = new VBox(4, bar, table.node());
    box.setPadding(new Insets(4, 8, 8, 8));
    return box;
  }

  private static Label banner(String id, String style, ObservableStringValue text) {
    Label l = Labels.bound(id, style, text);
    l.setWrapText(true);
    show(l, Bindings.isNotEmpty(text));
    return l;
  }

  static void show(Node n, ObservableBooleanValue when) {
    n.visibleProperty().bind(when);
    n.managedProperty().bind(n.visibleProperty());
  }

  static Label key(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("key");
    return l;
  }

  static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }
}
