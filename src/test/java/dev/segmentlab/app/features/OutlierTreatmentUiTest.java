package dev.segmentlab.app.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.Step;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The outlier treatment chosen in the Quality step shows, with its count, in the Features step. */
@ExtendWith(ApplicationExtension.class)
class OutlierTreatmentUiTest {
  private AppContext ctx;

  @Start
  void start(Stage stage) {
    ctx = UiTestSupport.showApp(stage, new TestDialogs(), 1280, 800);
    ctx.data().openSample();
  }

  @Test
  void cappingInTheQualityStepIsCountedInTheFeaturesStep(FxRobot robot) {
    UiTestSupport.waitUntil(120, () -> ctx.session().getMatrix() != null);
    int customers = ctx.session().getFeatures().size();
    UiTestSupport.clickUntil(robot, "#stepQuality", () -> ctx.main().getStep() == Step.QUALITY);
    robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Outliers")).queryLabeled());
    robot.clickOn("#outlierTreatment");
    robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("Cap at percentiles")).queryLabeled());
    UiTestSupport.clickUntil(robot, "#stepFeatures", () -> ctx.main().getStep() == Step.FEATURES);
    UiTestSupport.waitUntil(60, () -> robot.lookup("#featuresNote").queryLabeled().getText().contains("capped"));
    String note = robot.lookup("#featuresNote").queryLabeled().getText();
    // returns netted (the app's default): 4,315 customers, 174 of them capped, every one still clustered
    assertThat(customers).isEqualTo(4_315);
    assertThat(note).startsWith("174 customers capped at the 1st/99th percentile (recency: 43 above 368.00")
        .contains("monetary: 44 above 17,517.05, 44 below 53.54");
    assertThat(ctx.session().getFeatures().size()).isEqualTo(customers);
    UiTestSupport.waitUntil(60, () -> ctx.session().getMatrix() != null
        && java.util.Arrays.stream(ctx.session().getMatrix().rawColumn(2)).max().getAsDouble() < 17_517.06);
  }
}
