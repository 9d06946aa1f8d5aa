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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Labels made so far, by place ("h:column:row" for headers) or cell id: the heatmap of a new load or cleaning
   * takes them again, so that only the texts and colours change (new labels were new nodes to skin and style at
   * the step's next visit).
   */
  private final Map<String, Label> labels = new HashMap<>();

  private void show() {
    CohortTable t = vm.getCohorts();
    boolean retention = vm.cohortMetricProperty().get() == CohortMetric.RETENTION;
    caption.setText(retention
        ? "Share of each cohort (customers by month of first purchase) buying again k months later."
        : "Revenue of each cohort's customers k months after their first purchase.");
    if (t == null) {
      heatmap.getChildren().clear();
      return;
    }
    List<Label> next = new ArrayList<>();
    next.add(header("Cohort", 0, 0));
    next.add(header("Customers", 1, 0));
    for (int k = 0; k < t.maxMonths(); k++) next.add(header("Month " + k, k + 2, 0));
    for (int i = 0; i < t.cohorts().size(); i++) {
      Cohort c = t.cohorts().get(i);
      next.add(header(c.cohort(), 0, i + 1));
      Label size = header(Formats.count(c.size()), 1, i + 1);
      size.setAlignment(Pos.CENTER_RIGHT);
      next.add(size);
    }
    for (CohortCells.Cell cell : CohortCells.of(t, vm.cohortMetricProperty().get())) {
      Label l = labels.computeIfAbsent(cell.id(), id -> {
        Label made = new Label();
        made.setId(id);
        made.getStyleClass().add("cohort-cell");
        made.setTooltip(tip);
        return made;
      });
      l.setText(cell.text());
      restyle(l, style(cell));
      l.setOnMouseEntered(e -> tip.setText(cell.tip()));
      GridPane.setConstraints(l, cell.month() + 2, cell.row() + 1);
      next.add(l);
    }
    if (!next.equals(heatmap.getChildren())) heatmap.getChildren().setAll(next);
  }

  private Label header(String text, int column, int row) {
    Label l = labels.computeIfAbsent("h:" + column + ":" + row, k -> {
      Label made = new Label();
      made.getStyleClass().add("cohort-header");
      return made;
    });
    l.setText(text);
    GridPane.setConstraints(l, column, row);
    return l;
  }

  /** A cell's colours: its intensity from white to the accent blue, white text on the darker half. */
  static String style(CohortCells.Cell cell) {
    return "-fx-background-color: " + colour(cell.intensity()) + ";" + (cell.intensity() > 0.55 ? " -fx-text-fill: white;" : "");
  }

  /** Sets an inline style only when it changes (a new style restyles the node). */
  private static void restyle(Label l, String style) {
    if (!style.equals(l.getStyle())) l.setStyle(style);
  }

  /** White to the app's accent blue (#2f6fad). */
  private static String colour(double v) {
    int r = (int) Math.round(255 + (0x2f - 255) * v);
    int g = (int) Math.round(255 + (0x6f - 255) * v);
    int b = (int) Math.round(255 + (0xad - 255) * v);
    return String.format("rgb(%d,%d,%d)", r, g, b);
  }
}
