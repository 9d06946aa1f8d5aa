package dev.segmentlab.app.segments;

import dev.segmentlab.core.cluster.KSweep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.util.StringConverter;

/** The elbow chart (WCSS with the knee and the chosen k marked) and the criteria curves, fed by the sweep points. */
final class SweepCharts {
  final LineChart<Number, Number> elbow = chart("WCSS (inertia)", "elbowChart");
  final LineChart<Number, Number> silhouette = chart("Silhouette (higher is better)", "silhouetteChart");
  final LineChart<Number, Number> ch = chart("Calinski-Harabasz (higher is better)", "chChart");
  final LineChart<Number, Number> db = chart("Davies-Bouldin (lower is better)", "dbChart");
  final LineChart<Number, Number> stability = chart(SegmentsText.ARI_TITLE, "stabilityChart");

  SweepCharts(ObservableList<KSweep.Point> points, ReadOnlyObjectProperty<KSweep.Result> result, IntegerProperty k,
      ObservableMap<Integer, Double> ari) {
    Runnable ariRefresh = () -> {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(SegmentsText.ARI);
      List<XYChart.Data<Number, Number>> data = new ArrayList<>();
      ari.forEach((kk, v) -> data.add(new XYChart.Data<>(kk, v)));
      s.getData().setAll(data);
      stability.getData().setAll(List.of(s));
      List<Integer> ks = new ArrayList<>(ari.keySet());
      if (!points.isEmpty()) integerK(stability, points.get(0).k(), points.get(points.size() - 1).k());
      else if (!ks.isEmpty()) integerK(stability, ks.get(0), ks.get(ks.size() - 1));
    };
    ari.addListener((MapChangeListener<Integer, Double>) c -> ariRefresh.run());
    ariRefresh.run();
    Runnable refresh = () -> {
      fill(elbow, points, KSweep.Point::wcss, "WCSS", marks(result.get(), k.get(), points));
      fill(silhouette, points, KSweep.Point::silhouette, "silhouette", List.of());
      fill(ch, points, KSweep.Point::calinskiHarabasz, "Calinski-Harabasz", List.of());
      fill(db, points, KSweep.Point::daviesBouldin, "Davies-Bouldin", List.of());
    };
    // the sweep's points arrive one by one: the criteria charts get each new point added to their curve, not the
    // whole chart rebuilt per point (the elbow, which carries the marks, is refilled)
    points.addListener((ListChangeListener<KSweep.Point>) c -> {
      List<KSweep.Point> added = new ArrayList<>();
      boolean appended = true;
      while (c.next()) {
        if (c.wasPermutated() || c.wasUpdated() || c.wasRemoved() || !c.wasAdded() || c.getTo() != points.size()) {
          appended = false;
        } else {
          added.addAll(c.getAddedSubList());
        }
      }
      if (!appended) {
        refresh.run();
        return;
      }
      fill(elbow, points, KSweep.Point::wcss, "WCSS", marks(result.get(), k.get(), points));
      append(silhouette, points, added, KSweep.Point::silhouette, "silhouette");
      append(ch, points, added, KSweep.Point::calinskiHarabasz, "Calinski-Harabasz");
      append(db, points, added, KSweep.Point::daviesBouldin, "Davies-Bouldin");
    });
    result.addListener((o, a, b) -> refresh.run());
    // a k change moves the elbow's "chosen k" mark only: rebuilding the four charts (their series, symbols,
    // legends and axes) took most of the FX thread's work of a k change
    k.addListener((o, a, b) -> {
      if (!moveChosen(marks(result.get(), k.get(), points))) {
        fill(elbow, points, KSweep.Point::wcss, "WCSS", marks(result.get(), k.get(), points));
      }
    });
    refresh.run(); // the view may be built after the sweep finished
  }

  private static LineChart<Number, Number> chart(String title, String id) {
    NumberAxis x = new NumberAxis();
    x.setLabel("k");
    x.setForceZeroInRange(false);
    x.setTickUnit(1);
    x.setMinorTickVisible(false);
    NumberAxis y = new NumberAxis();
    y.setForceZeroInRange(false);
    LineChart<Number, Number> c = new LineChart<>(x, y);
    c.setId(id);
    c.setTitle(title);
    c.setAnimated(false);
    c.setCreateSymbols(true);
    c.setLegendVisible(false);
    c.setMinSize(200, 160);
    return c;
  }

  private record Mark(String name, int k, double y) {}

  private static List<Mark> marks(KSweep.Result r, int k, List<KSweep.Point> pts) {
    List<Mark> m = new ArrayList<>();
    for (KSweep.Point p : pts) {
      if (r != null && r.elbowK().isPresent() && p.k() == r.elbowK().getAsInt()) m.add(new Mark("knee", p.k(), p.wcss()));
      if (p.k() == k) m.add(new Mark(CHOSEN, p.k(), p.wcss()));
    }
    return m;
  }

  /** Adds the new points to a chart's one curve; refills the chart when it has other series (or none). */
  private static void append(LineChart<Number, Number> chart, List<KSweep.Point> pts, List<KSweep.Point> added,
      ToDoubleFunction<KSweep.Point> f, String name) {
    if (chart.getData().size() != 1) {
      fill(chart, pts, f, name, List.of());
      return;
    }
    List<XYChart.Data<Number, Number>> data = new ArrayList<>();
    for (KSweep.Point p : added) {
      double v = f.applyAsDouble(p);
      if (Double.isFinite(v)) data.add(new XYChart.Data<>(p.k(), v));
    }
    chart.getData().get(0).getData().addAll(data);
    if (!pts.isEmpty()) integerK(chart, pts.get(0).k(), pts.get(pts.size() - 1).k());
  }

  /** Moves the elbow's existing "chosen k" point to the new mark; false when the chart's series do not fit. */
  private boolean moveChosen(List<Mark> marks) {
    Mark chosen = marks.stream().filter(m -> m.name().equals(CHOSEN)).findFirst().orElse(null);
    XYChart.Series<Number, Number> shown = elbow.getData().stream()
        .filter(s -> s.getName() != null && s.getName().startsWith(CHOSEN)).findFirst().orElse(null);
    if (chosen == null || shown == null || shown.getData().size() != 1 || elbow.getData().size() != marks.size() + 1) {
      return false;
    }
    shown.setName(label(chosen));
    XYChart.Data<Number, Number> d = shown.getData().get(0);
    d.setXValue(chosen.k());
    d.setYValue(chosen.y());
    return true;
  }

  private static final String CHOSEN = "chosen k";

  private static String label(Mark m) { return m.name() + " (k = " + m.k() + ")"; }

  private static void fill(LineChart<Number, Number> chart, List<KSweep.Point> pts, ToDoubleFunction<KSweep.Point> f,
      String name, List<Mark> marks) {
    XYChart.Series<Number, Number> s = new XYChart.Series<>();
    s.setName(name);
    List<XYChart.Data<Number, Number>> data = new ArrayList<>();
    for (KSweep.Point p : pts) {
      double v = f.applyAsDouble(p);
      if (Double.isFinite(v)) data.add(new XYChart.Data<>(p.k(), v));
    }
    s.getData().setAll(data);
    List<XYChart.Series<Number, Number>> all = new ArrayList<>();
    all.add(s);
    for (Mark m : marks) {
      XYChart.Series<Number, Number> ms = new XYChart.Series<>();
      ms.setName(label(m));
      ms.getData().add(new XYChart.Data<>(m.k(), m.y()));
      all.add(ms);
    }
    chart.getData().setAll(all);
    chart.setLegendVisible(!marks.isEmpty());
    if (!pts.isEmpty()) integerK(chart, pts.get(0).k(), pts.get(pts.size() - 1).k());
  }

  /** A k axis with a tick on every whole k and nothing between (not 1.5…10.5, nor 4.95–5.05 for one point). */
  static void integerK(LineChart<Number, Number> chart, int from, int to) {
    NumberAxis x = (NumberAxis) chart.getXAxis();
    x.setAutoRanging(false);
    x.setLowerBound(from == to ? from - 1 : from);
    x.setUpperBound(from == to ? to + 1 : to);
    x.setTickUnit(1);
    x.setMinorTickVisible(false);
    x.setTickLabelFormatter(WHOLE_K); // the same converter again invalidates nothing
  }

  private static final StringConverter<Number> WHOLE_K = new StringConverter<>() {
    @Override public String toString(Number n) {
      return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.intValue()) : "";
    }

    @Override public Number fromString(String s) { return Integer.valueOf(s); }
  };
}
