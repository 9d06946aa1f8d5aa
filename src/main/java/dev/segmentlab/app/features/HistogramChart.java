package dev.segmentlab.app.features;

import dev.segmentlab.core.quality.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** A histogram as a bar chart: one bar per bin, labelled by the bin's centre. */
final class HistogramChart {
  private final XYChart.Series<String, Number> series = new XYChart.Series<>();
  private final BarChart<String, Number> chart;
  private final NumberAxis y = new NumberAxis();

  HistogramChart(String id, String title) {
    CategoryAxis x = new CategoryAxis();
    y.setLabel("customers");
    y.setAutoRanging(false);
    y.setMinorTickVisible(false);
    x.setTickLabelRotation(-90);
    chart = new BarChart<>(x, y);
    chart.setId(id);
    chart.setTitle(title);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCategoryGap(1);
    chart.setBarGap(0);
    chart.setMinHeight(180);
    chart.getData().add(series);
  }

  BarChart<String, Number> chart() { return chart; }

  /**
   * Shows a histogram. With as many bins as shown, the bars take the new labels and counts in place: new bars
   * would be new nodes, styled anew at the step's next visit.
   */
  void show(Stats.Histogram h) {
    List<String> labels = new ArrayList<>();
    int[] counts = h == null ? new int[0] : h.counts();
    int max = 0;
    if (h != null) {
      for (int c : counts) max = Math.max(max, c);
      int decimals = decimals(h.width());
      for (int i = 0; i < counts.length; i++) {
        double centre = h.min() + (i + 0.5) * h.width();
        labels.add(String.format(Locale.ROOT, "%,." + decimals + "f", centre));
      }
    }
    double tick = tick(max);
    y.setTickUnit(tick);
    y.setUpperBound(Math.max(tick, Math.ceil(max / tick) * tick));
    List<XYChart.Data<String, Number>> bars = series.getData();
    if (bars.size() == counts.length && labels.stream().distinct().count() == labels.size()) {
      for (int i = 0; i < counts.length; i++) {
        bars.get(i).setXValue(labels.get(i));
        bars.get(i).setYValue(counts[i]);
      }
      return;
    }
    List<XYChart.Data<String, Number>> data = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) data.add(new XYChart.Data<>(labels.get(i), counts[i]));
    series.getData().setAll(data);
  }

  /** A whole 1, 2 or 5 × 10^k giving about five ticks up to {@code max}: counts read as counts. */
  static double tick(int max) {
    double raw = Math.max(1, max / 5.0);
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
    return Math.max(1, step);
  }

  /** Enough decimals that neighbouring bin centres read differently. */
  static int decimals(double width) {
    if (!(width > 0)) return 0;
    return Math.max(0, Math.min(6, (int) Math.ceil(-Math.log10(width))));
  }
}
