package dev.segmentlab.app.export;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Export step driven as a person would: click Export…, wait, open the workbook. */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {
  static PipelineResult run;
  private final TestDialogs dialogs = new TestDialogs();
  private Path dir;
  private ExportViewModel vm;

  static synchronized PipelineResult run() {
    if (run == null) {
      PipelineOptions d = PipelineOptions.defaults();
      run = Pipeline.run(Path.of("assets/data/online-retail.csv.gz"), new PipelineOptions(d.read(), d.cleaning(),
          d.features(), d.transform(), d.scaling(), d.kMin(), d.kMax(), 4, d.restarts(), d.seed(), 0), RunControl.none());
    }
    return run;
  }

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("export-ui");
    PipelineResult r = run();
    Session session = new Session();
    session.datasetProperty().set(r.dataset());
    session.cleanedProperty().set(r.cleaned());
    session.segmentationProperty().set(r.segmentation());
    vm = new ExportViewModel(session, new FxAsync(new TaskMonitor(), 1), dialogs);
    Scene scene = new Scene((javafx.scene.Parent) new ExportView(vm).node(), 1000, 640);
    scene.getStylesheets().add(ExportUiTest.class.getResource("/dev/segmentlab/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void cleanUp() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) Files.deleteIfExists(p);
    }
    Files.deleteIfExists(dir);
  }

  @Test
  void exportButtonWritesTheWorkbook(FxRobot robot) throws Exception {
    Path target = dir.resolve("segments.xlsx");
    dialogs.files.add(target);
    assertThat(robot.lookup("#exportHint").queryAs(Label.class).isVisible()).isFalse();
    robot.clickOn("#exportButton");
    Label result = robot.lookup("#exportResult").queryAs(Label.class);
    UiTestSupport.waitUntil(() -> result.getText().startsWith("Wrote"));
    assertThat(result.getText()).contains(target.toString()).contains("4,338 customers");
    assertThat(robot.lookup("#exportButton").queryAs(Button.class).isDisabled()).isFalse();
    try (ReadableWorkbook wb = new ReadableWorkbook(target.toFile())) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows).hasSize(1 + 4338);
      assertThat(wb.getSheets().count()).isEqualTo(9 + 1); // and the Campaign sheet (issue 18)
    }
    assertThat(dialogs.errors).isEmpty();
  }
}
