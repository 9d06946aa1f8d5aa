package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** Starts the whole app on the bundled sample and clicks through every step. */
@ExtendWith(ApplicationExtension.class)
class MainUiTest {
  private AppContext ctx;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    ctx = new AppContext(async, new TestDialogs(), DatasetLoader.standard(), async.executor(),
        Path.of("assets/data/online-retail.csv.gz").toAbsolutePath());
    stage.setScene(Screens.scene(ctx));
    stage.titleProperty().bind(ctx.main().titleProperty());
    stage.show();
    ctx.data().openSample();
  }

  @Test
  void opensOnTheSampleAndVisitsEveryStep(FxRobot robot) {
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != null);
    assertThat(stage.getTitle()).isEqualTo("SegmentLab — online-retail.csv.gz");
    verifyThat("#reportRows", LabeledMatchers.hasText("541,909"));
    verifyThat("#reportCustomers", LabeledMatchers.hasText("4,372 distinct"));
    TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
    assertThat(preview.getItems()).hasSize(541_909);
    assertThat(robot.lookup("#datasetSummary").queryAs(Label.class).getText()).contains("541,909 rows");
    for (Step s : Step.values()) {
      robot.clickOn("#step" + s.title());
      UiTestSupport.waitUntil(() -> ctx.main().getStep() == s);
      assertThat(robot.lookup("#mainRoot").queryAs(javafx.scene.layout.BorderPane.class).getCenter()).isNotNull();
    }
    robot.clickOn("#stepData");
    assertThat(robot.lookup("#columnsTable").queryAs(TableView.class).getItems()).hasSize(8);
  }
}
