package dev.segmentlab.app.explore;

import dev.segmentlab.app.fx.Combos;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Explore step: segment chooser, why-empty banner, and the Overview, Cohorts and Product pairs tabs. */
public final class ExploreView {
  private final ExploreViewModel vm;
  private final BorderPane root = new BorderPane();

  public ExploreView(ExploreViewModel vm) {
    this.vm = vm;
    build();
  }

  public Node node() { return root; }

  private void build() {
    root.setId("exploreRoot");
    root.getStylesheets().add(ExploreView.class.getResource("/dev/segmentlab/app/explore/explore.css").toExternalForm());
    ComboBox<String> segment = new ComboBox<>(vm.getSegmentNames());
    segment.setId("segmentChoice");
    Combos.sized(segment, 220);
    segment.valueProperty().bindBidirectional(vm.segmentChoiceProperty());
    segment.setTooltip(new Tooltip("Restrict the overview, cohorts and product pairs to one segment's customers."));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.computingProperty());
    Label busyText = new Label("Computing…");
    busyText.visibleProperty().bind(vm.computingProperty());
    HBox bar = new HBox(new Label("Customers"), segment, busy, busyText);
    bar.getStyleClass().add("explore-bar");

    Label message = new Label();
    message.setId("exploreMessage");
    message.getStyleClass().add("info-banner");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    Label error = new Label();
    error.setId("exploreError");
    error.getStyleClass().add("error-banner");
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    Tab overview = new Tab("Overview", new OverviewPane(vm).node());
    overview.setId("overviewTab");
    Tab cohorts = new Tab("Cohorts", new CohortPane(vm).node());
    cohorts.setId("cohortsTab");
    Tab rules = new Tab("Product pairs", new RulesPane(vm.rules()).node());
    rules.setId("rulesTab");
    rules.textProperty().bind(Bindings.createStringBinding(() -> vm.rules().getPairs().isEmpty() ? "Product pairs"
        : String.format("Product pairs (%,d)", vm.rules().getPairs().size()), vm.rules().getPairs()));
    TabPane tabs = new TabPane(overview, cohorts, rules);
    tabs.setId("exploreTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.visibleProperty().bind(vm.availableProperty());
    segment.disableProperty().bind(vm.availableProperty().not());

    root.setTop(new VBox(bar, message, error));
    root.setCenter(tabs);
  }
}
