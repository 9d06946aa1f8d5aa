package dev.segmentlab.app.report;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportViewModelTest {
  @TempDir Path dir;
  private final Session session = new Session();
  private final TestDialogs dialogs = new TestDialogs();
  private final ReportViewModel vm = new ReportViewModel(session, new SameThreadAsync(), dialogs);

  private void loadMall() {
    PipelineOptions o = new PipelineOptions(ReadOptions.defaults(), CleaningOptions.defaults(), List.of(),
        Transform.LOG1P, Scaling.STANDARD, 2, 6, 5, 4, 42, 0);
    PipelineResult r = Pipeline.run(Path.of("src/test/resources/data/mall-customers.csv"), o, RunControl.none());
    session.datasetProperty().set(r.dataset());
    session.segmentationProperty().set(r.segmentation().withLabels(
        List.of("Careful spenders", "B", "C", "D", "E"), r.segmentation().colours()));
  }

  @Test
  void withoutSegmentsNothingCanBeWritten() {
    assertThat(vm.canWrite()).isFalse();
    vm.refreshPreview();
    assertThat(vm.getPreview()).isEmpty();
    assertThat(vm.previewTitleProperty().get()).startsWith("No segments yet");
    vm.write();
    assertThat(dialogs.files).isEmpty();
  }

  @Test
  void previewShowsTheSummaryAndWriteMakesTheChosenFormatWithTheEditedNames() throws Exception {
    loadMall();
    assertThat(vm.canWrite()).isTrue();
    vm.refreshPreview();
    assertThat(vm.previewTitleProperty().get()).isEqualTo("mall-customers.csv: 200 customers in 5 segments");
    assertThat(vm.getPreview()).hasSize(2 + 5).anyMatch(s -> s.startsWith("Careful spenders: "));

    vm.formatProperty().set(ReportFormat.PPTX);
    dialogs.files.add(dir.resolve("mall"));
    vm.write();
    Path written = dir.resolve("mall.pptx");
    assertThat(written).exists();
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.statusProperty().get()).startsWith("Wrote " + written);
    assertThat(vm.runningProperty().get()).isFalse();
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);

    vm.formatProperty().set(ReportFormat.HTML);
    dialogs.files.add(dir.resolve("mall.html"));
    vm.write();
    assertThat(Files.readString(dir.resolve("mall.html"))).contains("Careful spenders");
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void aFailureIsOneSentenceAndNoFile() {
    loadMall();
    vm.formatProperty().set(ReportFormat.PDF);
    dialogs.files.add(dir.resolve("missing-folder").resolve("r.pdf"));
    vm.write();
    assertThat(dialogs.errors).hasSize(1);
    assertThat(vm.errorProperty().get()).isNotEmpty().doesNotContain("\n");
    assertThat(dir.resolve("missing-folder")).doesNotExist();
  }
}
