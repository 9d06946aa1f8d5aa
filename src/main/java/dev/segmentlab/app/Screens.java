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
    m.put(Step.QUALITY, () -> ctx.charts().installAll(new QualityView(ctx.quality()).node()));
    m.put(Step.EXPLORE, () -> ctx.charts().installAll(new ExploreView(ctx.explore()).node()));
    m.put(Step.FEATURES, () -> ctx.charts().installAll(new FeaturesView(ctx.features()).node()));
    m.put(Step.SEGMENTS, () -> ctx.charts().installAll(
        new SegmentsView(ctx.segments(), new ProfilesView(ctx.profiles()).node()).node()));
    m.put(Step.EXPORT, () -> ReportView.addTo(new ExportView(ctx.export()).node(), ctx.report()));
    m.put(Step.COMPARE, () -> new CompareView(ctx.compare()).node());
    return m;
  }

  /** The main scene with the app's stylesheet. */
  public static Scene scene(AppContext ctx) {
    MainView view = new MainView(ctx.main(), ctx.charts(), of(ctx));
    Scene scene = new Scene(view.root(), 1280, 820);
    scene.getStylesheets().add(Screens.class.getResource("/dev/segmentlab/app/app.css").toExternalForm());
    scene.getProperties().put(MainView.class, view);
    return scene;
  }

  /** Builds the screens of a {@link #scene} not shown yet, in the idle time after start; then runs {@code done}. */
  public static void prebuild(Scene scene, Runnable done) {
    ((MainView) scene.getProperties().get(MainView.class)).prebuild(done);
  }
}
