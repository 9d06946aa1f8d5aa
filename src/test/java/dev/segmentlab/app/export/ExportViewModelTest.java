package dev.segmentlab.app.export;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.pipeline.ExportRequest;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export step's ViewModel without a toolkit: same-thread jobs, scripted dialogs. */
class ExportViewModelTest {
  static final Path RETAIL = Path.of("assets/data/online-retail.csv.gz");
  static PipelineResult run;

  @TempDir Path dir;
  final TestDialogs dialogs = new TestDialogs();
  final Session session = new Session();
  ExportViewModel vm;

  @BeforeAll
  static void runOnce() {
    PipelineOptions d = PipelineOptions.defaults();
    run = Pipeline.run(RETAIL, new PipelineOptions(d.read(), d.cleaning(), d.features(), d.transform(), d.scaling(),
        d.kMin(), d.kMax(), 4, d.restarts(), d.seed(), 0), RunControl.none());
  }

  @BeforeEach
  void setUp() {
    vm = new ExportViewModel(session, new SameThreadAsync(), dialogs);
  }

  void load() {
    session.datasetProperty().set(run.dataset());
    session.cleanedProperty().set(run.cleaned());
    session.featuresProperty().set(run.customerFeatures());
    session.matrixProperty().set(run.matrix());
    session.segmentationProperty().set(run.segmentation());
  }

  @Test
  void withoutSegmentsEverythingButOpenIsOffAndTheHintSaysWhy() {
    assertThat(vm.canExport()).isFalse();
    assertThat(vm.hintProperty().get()).contains("No segments yet");
    assertThat(vm.canOpenProperty().get()).isTrue();
    vm.export();
    assertThat(dialogs.files).isEmpty();
    load();
    assertThat(vm.canExport()).isTrue();
    assertThat(vm.hintProperty().get()).isEmpty();
  }

  @Test
  void exportWritesTheChosenFileAndReplacesOnlyAfterConfirmation() throws Exception {
    load();
    Path target = dir.resolve("out.xlsx");
    dialogs.files.add(target);
    vm.export();
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.resultProperty().get()).contains(target.toString()).contains("4,338 customers");
    long size = Files.size(target);

    dialogs.confirmAnswer = false;
    dialogs.files.add(dir.resolve("out")); // the extension is added
    vm.formatProperty().set(ExportRequest.Format.XLSX);
    vm.export();
    assertThat(Files.size(target)).isEqualTo(size);

    dialogs.confirmAnswer = true;
    vm.formatProperty().set(ExportRequest.Format.CSV);
    vm.perSegmentProperty().set(true);
    dialogs.files.add(dir.resolve("customers.csv"));
    vm.export();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".csv")).count()).isEqualTo(5);
    }
    assertThat(Files.readAllBytes(dir.resolve("customers.csv"))[0] & 0xFF).isEqualTo(0xEF);
  }

  @Test
  void aTargetThatCannotBeWrittenIsAMessageAndNoFile() throws Exception {
    load();
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    dialogs.files.add(plain.resolve("out.xlsx"));
    vm.export();
    assertThat(vm.errorProperty().get()).contains("not a folder");
    assertThat(vm.runningProperty().get()).isFalse();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(plain);
    }
  }

  @Test
  void saveThenOpenAWorkspaceRestoresTheSessionAndAppliesToAFile() throws Exception {
    load();
    List<String> names = new ArrayList<>(run.segmentation().names());
    names.set(1, "Gift shops");
    session.segmentationProperty().set(run.segmentation().withLabels(names, run.segmentation().colours()));
    Path ws = dir.resolve("retail");
    dialogs.files.add(ws);
    vm.saveWorkspace();
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(dir.resolve("retail.segmentlab.json")).exists();

    dialogs.files.add(RETAIL);
    vm.applyToFile();
    assertThat(vm.getApplied()).hasSize(4);
    for (int s = 0; s < 4; s++) assertThat(vm.getApplied().get(s).customers()).isEqualTo(run.solution().sizes()[s]);
    assertThat(vm.getApplied().get(1).name()).isEqualTo("Gift shops");

    Session fresh = new Session();
    ExportViewModel other = new ExportViewModel(fresh, new SameThreadAsync(), dialogs);
    List<WorkspaceRequest> handled = new ArrayList<>();
    dialogs.files.add(dir.resolve("retail.segmentlab.json"));
    other.openWorkspace();
    assertThat(other.errorProperty().get()).isEmpty();
    assertThat(fresh.getSegmentation().names()).isEqualTo(names);
    assertThat(fresh.getSegmentation().labels()).isEqualTo(run.segmentation().labels());
    assertThat(fresh.getDataset()).isNotNull();
    assertThat(other.openedWorkspaceProperty().get().warning()).isNull();
    assertThat(other.canExport()).isTrue();
    other.setWorkspaceHandler(handled::add);
    dialogs.files.add(dir.resolve("missing.segmentlab.json"));
    other.openWorkspace();
    assertThat(other.errorProperty().get()).contains("does not exist");
    assertThat(handled).isEmpty();
  }
}
