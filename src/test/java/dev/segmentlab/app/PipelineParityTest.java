package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.pipeline.Stages.Stage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's chain of steps and the pipeline the CLI runs are the same stages: for the same options they give the
 * same labels, names and profiles, and opening a workspace in the app computes each stage once.
 */
class PipelineParityTest {
  private static final Path RETAIL = Path.of("assets/data/online-retail.csv.gz");
  private static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv");
  private final TestDialogs dialogs = new TestDialogs();

  private AppContext app(Path sample) {
    return new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null, sample);
  }

  private static PipelineOptions options(Transform t, int k) {
    PipelineOptions d = PipelineOptions.defaults();
    return new PipelineOptions(d.read(), d.cleaning(), d.features(), t, Scaling.STANDARD, d.kMin(), d.kMax(), k,
        d.restarts(), d.seed(), 0);
  }

  private static void assertSame(SegmentationResult app, SegmentationResult cli) {
    assertThat(app.k()).isEqualTo(cli.k());
    assertThat(app.labels()).isEqualTo(cli.labels());
    assertThat(app.names()).isEqualTo(cli.names());
    assertThat(app.analysis().profiles()).isEqualTo(cli.analysis().profiles());
    assertThat(app.solution().wcss()).isEqualTo(cli.solution().wcss());
  }

  @Test
  void onlineRetailGivesTheSameSegmentsInTheAppAndThePipeline() {
    AppContext c = app(RETAIL);
    c.main().openSample();
    SegmentationResult inApp = c.session().getSegmentation();
    assertThat(inApp.features().size()).isEqualTo(4_338);
    assertThat(inApp.k()).isEqualTo(4); // the app's default k
    SegmentationResult cli = Pipeline.run(RETAIL, options(Transform.LOG1P, 4), RunControl.none()).segmentation();
    assertSame(inApp, cli);
  }

  @Test
  void mallCustomersGivesTheSameSegmentsInTheAppAndThePipeline() {
    AppContext c = app(MALL);
    c.data().load(MALL);
    SegmentationResult inApp = c.session().getSegmentation();
    assertThat(inApp.features().size()).isEqualTo(200);
    // a customer table's features are clustered untransformed in the app
    SegmentationResult cli = Pipeline.run(MALL, options(Transform.NONE, inApp.k()), RunControl.none()).segmentation();
    assertSame(inApp, cli);
  }

  @Test
  void openingAWorkspaceComputesEachStageOnce(@TempDir Path dir) {
    AppContext first = app(RETAIL);
    first.main().openSample();
    first.segments().rename(1, "Core buyers");
    Path ws = dir.resolve("retail.segmentlab.json");
    dialogs.files.add(ws);
    first.export().saveWorkspace();
    assertThat(ws).exists();

    AppContext c = app(RETAIL);
    dialogs.files.add(ws);
    c.export().openWorkspace();
    assertThat(c.session().getSegmentation().names().get(1)).isEqualTo("Core buyers");
    assertThat(c.session().getSegmentation().labels()).isEqualTo(first.session().getSegmentation().labels());
    Map<Stage, Integer> once = new EnumMap<>(Stage.class);
    for (Stage s : new Stage[] {Stage.LOAD, Stage.CLEAN, Stage.FEATURES, Stage.MATRIX, Stage.SWEEP}) once.put(s, 1);
    assertThat(c.session().stageCounter().counts()).containsAllEntriesOf(once);
    assertThat(dialogs.errors).isEmpty();
  }
}
