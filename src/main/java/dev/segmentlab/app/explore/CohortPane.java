package dev.segmentlab.app.explore;

import dev.segmentlab.core.explore.Cohort;
import dev.segmentlab.core.explore.CohortTable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;

/** The Cohorts tab: a heatmap of cohort × months since first purchase, retention or revenue. */
final class CohortPane {
  private final ExploreViewModel vm;
  private final GridPane heatmap = new GridPane();
  private final Label caption = new Label();
  private final BorderPane root = new BorderPane();
  /**
   * One tooltip for all cells, its text the hovered cell's: a tooltip per cell (a popup window each) made a
   * rebuild of the heatmap, at every load and cleaning change, several times dearer.
   */
  private final Tooltip tip = new Tooltip();

  CohortPane(ExploreViewModel vm) {
    this.vm = vm;
    ToggleButton retention = new ToggleButton(CohortMetric.RETENTION.toString());
    retention.setId("cohortRetention");
    retention.setUserData(CohortMetric.RETENTION);
    ToggleButton revenue = new ToggleButton(CohortMetric.REVENUE.toString());
    revenue.setId("cohortRevenue");
    revenue.setUserData(CohortMetric.REVENUE);
    SegmentedButton metric = new SegmentedButton(retention, revenue);
    metric.setId("cohortMetric");
    metric.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
      if (t == null) a.setSelected(true); // one of the two is always on
      else vm.cohortMetricProperty().set((CohortMetric) t.getUserData());
    });
    vm.cohortMetricProperty().addListener((o, a, m) -> (m == CohortMetric.REVENUE ? revenue : retention).setSelected(true));
    (vm.cohortMetricProperty().get() == CohortMetric.REVENUE ? revenue : retention).setSelected(true);
    caption.getStyleClass().add("figure-caption");
    caption.setWrapText(true);
    HBox bar = new HBox(12, new Label("Show"), metric, caption);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));

    tip.setShowDelay(Duration.millis(150));
    heatmap.setId("cohortHeatmap");
    heatmap.setHgap(2);
    heatmap.setVgap(2);
    heatmap.setPadding(new Insets(4, 12, 12, 12));
    ScrollPane scroll = new ScrollPane(heatmap);
    root.setTop(bar);
    root.setCenter(scroll);
    vm.cohortsProperty().addListener((o, a, t) -> show());
    vm.cohortMetricProperty().addListener((o, a, m) -> show());
    show();
  }

  Node node() { return root; }

  private void show() {
    CohortTable t = vm.getCohorts();
    boolean retention = vm.cohortMetricProperty().get() == CohortMetric.RETENTION;
    caption.setText(retention
        ? "Share of each cohort (customers by month of first purchase) buying again k months later."
        : "Revenue of each cohort's customers k months after their first purchase.");
    heatmap.getChildren().clear();
    if (t == null) return;
    heatmap.add(header("Cohort"), 0, 0);
    heatmap.add(header("Customers"), 1, 0);
    for (int k = 0; k < t.maxMonths(); k++) heatmap.add(header("Month " + k), k + 2, 0);
    for (int i = 0; i < t.cohorts().size(); i++) {
      Cohort c = t.cohorts().get(i);
      heatmap.add(header(c.cohort()), 0, i + 1);
      Label size = header(Formats.count(c.size()));
      size.setAlignment(Pos.CENTER_RIGHT);
      heatmap.add(size, 1, i + 1);
    }
    for (CohortCells.Cell cell : CohortCells.of(t, vm.cohortMetricProperty().get())) {
      Label l = new Label(cell.text());
      l.setId(cell.id());
      l.getStyleClass().add("cohort-cell");
      l.setStyle("-fx-background-color: " + colour(cell.intensity()) + ";"
          + (cell.intensity() > 0.55 ? " -fx-text-fill: white;" : ""));
      l.setOnMouseEntered(e -> tip.setText(cell.tip()));
      l.setTooltip(tip);
      heatmap.add(l, cell.month() + 2, cell.row() + 1);
    }
  }

  private static Label header(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("cohort-header");
    return l;
  }

  /** White to the app's accent blue (#2f6fad). */
  private static String colour(double v) {
    int r = (int) Math.round(255 + (0x2f - 255) * v);
    int g = (int) Math.round(255 + (0x6f - 255) * v);
    int b = (int) Math.round(255 + (0xad - 255) * v);
    return String.format("rgb(%d,%d,%d)", r, g, b);
  }
}
