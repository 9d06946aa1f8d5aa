package dev.segmentlab.app.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The criteria that belong to the swept method: Ward's dendrogram with the cut at k, DBSCAN's k-distance plot
 * with eps marked, a mixture's BIC and AIC per k with the components at the floor marked. Only turns the
 * {@link MethodChartData} (computed off the FX thread) into chart data.
 */
final class MethodCharts {
  private final DendrogramCanvas dendrogram;
  private final LineChart<Number, Number> kDistance = chart("k-distance (sorted)", "kDistanceChart", "customers by k-distance", "distance");
  private final LineChart<Number, Number> bic = chart("BIC and AIC (lower is better)", "bicChart", "k", "criterion");
  private final Label caption = new Label();
  private final StackPane charts = new StackPane();
  private final VBox root;

  MethodCharts(ObservableObjectValue<MethodChartData> data, ObservableIntegerValue k) {
    dendrogram = new DendrogramCanvas(data, k);
    bic.setCreateSymbols(true);
    caption.setId("methodChartCaption");
    caption.setWrapText(true);
    caption.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of "…"
    charts.getChildren().addAll(dendrogram, kDistance, bic);
    VBox.setVgrow(charts, Priority.ALWAYS);
    root = new VBox(4, caption, charts);
    root.setPadding(new Insets(4, 4, 4, 8));
    root.setId("methodCharts");
    data.addListener((o, a, d) -> show(d));
    dendrogram.captionProperty().addListener((o, a, c) -> { if (dendrogram.isVisible()) caption.setText(c); });
    show(data.get());
  }

  Node node() { return root; }

  /** The dendrogram (for tests: the clusters below its cut). */
  DendrogramCanvas dendrogram() { return dendrogram; }

  private void show(MethodChartData d) {
    dendrogram.setVisible(d != null && d.tree() != null);
    kDistance.setVisible(d != null && d.kDistance() != null);
    bic.setVisible(d != null && d.mixture() != null);
    if (d == null || d.tree() == null && d.kDistance() == null && d.mixture() == null) {
      caption.setText("k-means has no criteria of its own beyond the WCSS and the charts beside: choose Gaussian "
          + "mixture, Ward or DBSCAN in \"method\" to see BIC/AIC, the dendrogram or the k-distance plot.");
    } else if (d.tree() != null) {
      dendrogram.redraw();
      caption.setText(dendrogram.captionProperty().get());
    } else if (d.kDistance() != null) {
      fillKDistance(d.kDistance());
    } else {
      fillMixture(d.mixture());
    }
  }

  private void fillKDistance(MethodChartData.KDistance kd) {
    XYChart.Series<Number, Number> curve = new XYChart.Series<>();
    curve.setName(kd.minPoints() - 1 + "-distance");
    List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
    for (int q = 0; q < kd.rank().length; q++) pts.add(new XYChart.Data<>(kd.rank()[q], kd.distance()[q]));
    curve.getData().setAll(pts);
    XYChart.Series<Number, Number> eps = new XYChart.Series<>();
    eps.setName(String.format(Locale.ROOT, "eps = %.3f", kd.eps()));
    eps.getData().setAll(List.of(new XYChart.Data<>(0, kd.eps()), new XYChart.Data<>(kd.customers() - 1, kd.eps())));
    kDistance.getData().setAll(List.of(curve, eps));
    long above = 0;
    for (double v : kd.distance()) if (v > kd.eps()) above++;
    caption.setText(String.format(Locale.ROOT, "eps = %.3f (the knee of the curve), minimum points %d: customers "
        + "whose %d-distance lies above the line are not core points (about %.0f%% of the curve).", kd.eps(),
        kd.minPoints(), kd.minPoints() - 1, 100.0 * above / kd.distance().length));
  }

  private void fillMixture(MethodChartData.Mixture m) {
    XYChart.Series<Number, Number> b = new XYChart.Series<>(), a = new XYChart.Series<>(), deg = new XYChart.Series<>();
    b.setName("BIC");
    a.setName("AIC");
    deg.setName("BIC with components at the floor");
    StringBuilder note = new StringBuilder();
    for (int q = 0; q < m.k().length; q++) {
      b.getData().add(new XYChart.Data<>(m.k()[q], m.bic()[q]));
      a.getData().add(new XYChart.Data<>(m.k()[q], m.aic()[q]));
      if (m.degenerate()[q] > 0) {
        deg.getData().add(new XYChart.Data<>(m.k()[q], m.bic()[q]));
        note.append(note.length() == 0 ? "" : ", ").append("k = ").append(m.k()[q]).append(": ").append(m.degenerate()[q]);
      }
    }
    bic.getData().setAll(List.of(b, a, deg));
    // the marks are symbols on the BIC line, not a line of their own
    if (deg.getNode() != null) deg.getNode().setStyle("-fx-stroke: transparent;");
    if (m.k().length > 0) SweepCharts.integerK(bic, m.k()[0], m.k()[m.k().length - 1]);
    caption.setText((note.length() == 0 ? "No component at the covariance floor." : "Components at the covariance "
        + "floor (their BIC is set by the floor, not the data): " + note + ".")
        + (m.suggestedK() > 0 ? " Lowest BIC without one: k = " + m.suggestedK() + "." : " BIC cannot choose k."));
  }

  private static LineChart<Number, Number> chart(String title, String id, String xLabel, String yLabel) {
    NumberAxis x = new NumberAxis();
    x.setLabel(xLabel);
    x.setForceZeroInRange(false);
    NumberAxis y = new NumberAxis();
    y.setLabel(yLabel);
    y.setForceZeroInRange(false);
    LineChart<Number, Number> c = new LineChart<>(x, y);
    c.setId(id);
    c.setTitle(title);
    c.setAnimated(false);
    c.setCreateSymbols(false);
    c.setMinSize(200, 150);
    return c;
  }
}
