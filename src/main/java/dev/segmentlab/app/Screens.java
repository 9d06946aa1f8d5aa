package dev.segmentlab.app;

import dev.segmentlab.app.data.DataView;
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
    m.put(Step.FEATURES, () -> StepPlaceholder.of(Step.FEATURES, "RFM and more per customer", "transforms and scaling with histograms before and after"));
    m.put(Step.SEGMENTS, () -> StepPlaceholder.of(Step.SEGMENTS, "k sweep: elbow with knee, silhouette, Calinski-Harabasz, Davies-Bouldin",
        "k slider recolouring a scatter of every customer", "profiles and suggested names"));
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
