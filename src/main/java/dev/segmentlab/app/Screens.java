package dev.segmentlab.app;

import dev.segmentlab.app.data.DataView;
import dev.segmentlab.app.profiles.ProfilesView;
import dev.segmentlab.app.export.ExportView;
import dev.segmentlab.app.quality.QualityView;
import dev.segmentlab.app.explore.ExploreView;
import dev.segmentlab.app.features.FeaturesView;
import dev.segmentlab.app.segments.SegmentsView;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import dev.segmentlab.app.compare.CompareView;
import dev.segmentlab.app.report.ReportView;

/** Which view each step shows; shared by the app and the UI tests. */
public final class Screens {
  private Screens() {}

  public static Map<Step, Supplier<Node>> of(AppContext ctx) {
    Map<Step, Supplier<Node>> m = new EnumMap<>(Step.class);
    m.put(Step.DATA, () -> new DataView(ctx.data()).node());
    m.put(Step.QUALITY, () -> charts(ctx, new QualityView(ctx.quality()).node(), Map.of("waterfallChart", "cleaning-waterfall",
        "missingChart", "missing-values", "missingByMonthChart", "missing-customers-by-month",
        "missingByCountryChart", "missing-customers-by-country", "boxPlot", "outlier-box-plot",
        "outlierHistogram", "outlier-histogram")));
    m.put(Step.EXPLORE, () -> charts(ctx, new ExploreView(ctx.explore()).node(), Map.of("monthlyChart", "monthly",
        "weekdayChart", "weekday", "hourChart", "hour", "countryChart", "countries", "basketChart", "basket-items",
        "basketRevenueChart", "basket-revenue", "revenuePerCustomerChart", "revenue-per-customer",
        "cohortHeatmap", "cohort-retention")));
    m.put(Step.FEATURES, () -> charts(ctx, new FeaturesView(ctx.features()).node(), Map.of(
        "rawHistogram", "feature-before", "transformedHistogram", "feature-after")));
    m.put(Step.SEGMENTS, () -> charts(ctx, new SegmentsView(ctx.segments(), new ProfilesView(ctx.profiles()).node()).node(), Map.of("elbowChart", "elbow",
        "silhouetteChart", "silhouette", "chChart", "calinski-harabasz", "dbChart", "davies-bouldin", "stabilityChart", "stability",
        "scatterPane", "scatter", "silhouettePlot", "silhouette-plot", "snakePlot", "snake-plot", "heatmap", "heatmap")));
    m.put(Step.EXPORT, () -> ReportView.addTo(new ExportView(ctx.export()).node(), ctx.report()));
    m.put(Step.COMPARE, () -> new CompareView(ctx.compare()).node());
    return m;
  }

  private static Node charts(AppContext ctx, Node view, Map<String, String> ids) {
    ctx.charts().installAll(view, ids);
    return view;
  }

  /** The main scene with the app's stylesheet. */
  public static Scene scene(AppContext ctx) {
    MainView view = new MainView(ctx.main(), ctx.charts(), of(ctx));
    Scene scene = new Scene(view.root(), 1280, 820);
    scene.getStylesheets().add(Screens.class.getResource("/dev/segmentlab/app/app.css").toExternalForm());
    return scene;
  }
}
