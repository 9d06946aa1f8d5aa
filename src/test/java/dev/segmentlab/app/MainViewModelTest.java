package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.quality.Returns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
  private final TestDialogs dialogs = new TestDialogs();
  private final AppContext ctx = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null,
      Path.of("src/test/resources/data/mall-customers.csv"));

  @Test
  void startsOnDataAndMovesBetweenSteps() {
    MainViewModel vm = ctx.main();
    assertThat(vm.getStep()).isEqualTo(Step.DATA);
    assertThat(vm.titleProperty().get()).isEqualTo("SegmentLab");
    vm.move(1);
    assertThat(vm.getStep()).isEqualTo(Step.QUALITY);
    vm.move(-2);
    assertThat(vm.getStep()).isEqualTo(Step.EXPORT);
    vm.goToExport();
    assertThat(vm.getStep()).isEqualTo(Step.EXPORT);
  }

  @Test
  void openSampleLoadsTheSampleAndTitlesTheWindow() {
    ctx.main().openSample();
    assertThat(ctx.session().getDataset().rows()).isEqualTo(200);
    assertThat(ctx.main().titleProperty().get()).isEqualTo("SegmentLab — mall-customers.csv");
    assertThat(ctx.main().monitor().titleProperty().get()).endsWith(": done");
    // the whole chain followed: features, matrix, k sweep and segments of the 200 customers
    assertThat(ctx.session().getMatrix().rows()).isEqualTo(200);
    assertThat(ctx.session().getSegmentation().labels()).hasSize(200);
    assertThat(ctx.main().datasetSummary().get()).contains("200 rows", "200 customers", "customers");
    assertThat(ctx.main().aboutText()).contains("CC BY 4.0");
  }

  @Test
  void theOnlineRetailSampleFlowsThroughEveryStep() {
    AppContext c = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null,
        Path.of("assets/data/online-retail.csv.gz"));
    c.quality().cleaning().setReturns(Returns.DROP); // the seeds' figures below
    c.main().openSample();
    assertThat(c.session().getCleaned().report().customers()).isEqualTo(4_338);
    assertThat(c.session().getMatrix().rows()).isEqualTo(4_338);
    assertThat(c.session().getSegmentation().k()).isEqualTo(4);
    assertThat(c.session().getSegmentation().names().get(0)).isEqualTo("Champions");
    // Explore can be narrowed to each segment
    assertThat(c.explore().getSegmentNames()).hasSize(5).contains("0 · Champions");
    c.explore().segmentChoiceProperty().set("0 · Champions");
    assertThat(c.explore().getOverview().keyFigures().customers()).isEqualTo(c.session().getSegmentation().solution().sizes()[0]);
  }

  @Test
  void aSavedWorkspaceReopensWithTheSameSegmentsAndNames(@org.junit.jupiter.api.io.TempDir Path dir) {
    AppContext c = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null,
        Path.of("assets/data/online-retail.csv.gz"));
    c.quality().cleaning().setReturns(Returns.DROP); // the seeds' figures below
    c.main().openSample();
    c.segments().rename(1, "Core buyers");
    int[] labels = c.session().getSegmentation().labels().clone();
    Path ws = dir.resolve("retail.segmentlab.json");
    dialogs.files.add(ws);
    c.export().saveWorkspace();
    assertThat(ws).exists();
    // the analyst moves on: another k, another name
    c.segments().kProperty().set(6);
    c.segments().rename(1, "Something else");
    assertThat(c.session().getSegmentation().k()).isEqualTo(6);
    dialogs.files.add(ws);
    c.export().openWorkspace();
    assertThat(c.session().getSegmentation().k()).isEqualTo(4);
    assertThat(c.session().getSegmentation().labels()).containsExactly(labels);
    assertThat(c.session().getSegmentation().names().get(1)).isEqualTo("Core buyers");
    assertThat(c.session().getSegmentation().names().get(0)).isEqualTo("Champions");
  }

  @Test
  void aMissingSampleGivesAMessage() {
    AppContext c = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null, Path.of("nowhere.csv"));
    c.main().openSample();
    assertThat(dialogs.errors).singleElement().asString().contains("sample was not found");
    assertThat(c.session().getDataset()).isNull();
  }

  @Test
  void theGlossaryExplainsEveryFigureInPlainWords() {
    String g = ctx.main().glossaryText();
    assertThat(g).contains("RFM —", "WCSS", "Silhouette —", "Calinski-Harabasz —", "Davies-Bouldin —", "ARI",
        "Jaccard —", "Stability —");
  }
}
