package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.fx.SameThreadAsync;
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
    assertThat(ctx.main().monitor().titleProperty().get()).isEqualTo("Loading mall-customers.csv: done");
    assertThat(ctx.main().datasetSummary().get()).contains("200 rows", "200 customers", "customers");
    assertThat(ctx.main().aboutText()).contains("CC BY 4.0");
  }

  @Test
  void aMissingSampleGivesAMessage() {
    AppContext c = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null, Path.of("nowhere.csv"));
    c.main().openSample();
    assertThat(dialogs.errors).singleElement().asString().contains("sample was not found");
    assertThat(c.session().getDataset()).isNull();
  }
}
