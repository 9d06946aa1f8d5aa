package dev.segmentlab.app;

import dev.segmentlab.app.data.DataView;
import dev.segmentlab.app.features.FeaturesView;
import dev.segmentlab.app.segments.SegmentsView;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Which view each step shows; shared by the app and the UI tests. */
public final class Screens {
  private Screens() {}

  public static Map<Step, Supplier<Node>> of(AppContext ctx) {
    Map<Step, Supplier<Node>> m = new EnumMap<>(Step.class);
    m.put(Step.DATA, () -> new DataView(ctx.data()).node());
    m.put(Step.QUALITY, () -> StepPlaceholder.of(Step.QUALITY, "missing values per column and where blank customers fall",
        "outliers per field (IQR, z, robust z) with box plot, histogram and the most extreme rows",
        "cleaning rules as toggles with a waterfall of the rows each removes"));
    m.put(Step.EXPLORE, () -> StepPlaceholder.of(Step.EXPLORE, "monthly revenue, weekday and hour, top countries, basket sizes",
        "cohort retention heatmap", "association rules (FP-Growth)"));
    m.put(Step.FEATURES, () -> new FeaturesView(ctx.features()).node());
    m.put(Step.SEGMENTS, () -> new SegmentsView(ctx.segments(), StepPlaceholder.of(Step.SEGMENTS,
        "profile table per segment in original units", "snake plot and relative-importance heatmap",
        "suggested names you can edit, kept across k changes")).node());
    m.put(Step.EXPORT, () -> StepPlaceholder.of(Step.EXPORT, "labeled customers to XLSX and CSV", "charts as PNG", "workspaces"));
    return m;
  }

  /** The main scene with the app's stylesheet. */
  public static Scene scene(AppContext ctx) {
    MainView view = new MainView(ctx, of(ctx));
    Scene scene = new Scene(view.root(), 1280, 820);
    scene.getStylesheets().add(Screens.class.getResource("/dev/segmentlab/app/app.css").toExternalForm());
    return scene;
  }
}
