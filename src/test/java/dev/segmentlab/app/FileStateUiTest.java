package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * State belongs to its file: a segment renamed and a lookup typed on Online Retail do not follow the analyst to
 * Mall Customers, and Ctrl+O asks first while a rename is unsaved.
 */
@ExtendWith(ApplicationExtension.class)
class FileStateUiTest {
  static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv").toAbsolutePath();
  private AppContext ctx;
  private final TestDialogs dialogs = new TestDialogs();

  @Start
  void start(Stage stage) {
    ctx = UiTestSupport.showApp(stage, dialogs, 1280, 800);
    ctx.data().openSample();
  }

  @Test
  void openingMallCustomersCarriesNoNameFilterOrBanner(FxRobot robot) {
    UiTestSupport.waitUntil(120, () -> ctx.session().getSegmentation() != null
        && ctx.session().getSegmentation().features().size() > 4_000);
    robot.interact(() -> ctx.segments().rename(0, "Dormant bargain hunters"));
    UiTestSupport.clickUntil(robot, "#stepFeatures", () -> ctx.main().getStep() == Step.FEATURES);
    robot.clickOn("#featuresFilter").write("12347");
    try {
      UiTestSupport.waitUntil(60, () -> "1 customer shown".equals(robot.lookup("#featuresShown").queryLabeled().getText()));
    } catch (RuntimeException e) {
      throw new AssertionError("shown: " + robot.lookup("#featuresShown").queryLabeled().getText() + ", filter: "
          + ctx.features().filterProperty().get(), e);
    }
    assertThat(ctx.main().unsavedNamesProperty().get()).isTrue();

    // Ctrl+O asks first; Cancel keeps everything
    dialogs.choices.add(MainViewModel.CANCEL);
    robot.clickOn("#featuresShown").press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
    UiTestSupport.waitUntil(() -> dialogs.choices.isEmpty());
    assertThat(ctx.session().getDataset().report().file()).isEqualTo("online-retail.csv.gz");
    assertThat(ctx.session().getSegmentation().names()).contains("Dormant bargain hunters");

    // Don't save: Mall Customers opens with nothing of Online Retail's
    dialogs.choices.add(MainViewModel.DISCARD);
    dialogs.files.add(MALL);
    robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
    UiTestSupport.waitUntil(120, () -> ctx.session().getSegmentation() != null
        && ctx.session().getSegmentation().features().size() == 200);
    assertThat(ctx.session().getDataset().report().file()).isEqualTo("mall-customers.csv");
    assertThat(ctx.session().getSegmentation().names()).doesNotContain("Dormant bargain hunters");
    assertThat(ctx.session().getSegmentation().names())
        .isEqualTo(ctx.session().getSegmentation().analysis().suggestedNames());
    assertThat(ctx.segments().getNotes()).isEmpty();
    assertThat(ctx.main().unsavedNamesProperty().get()).isFalse();
    assertThat(robot.lookup("#featuresFilter").queryAs(TextField.class).getText()).isEmpty();
    UiTestSupport.waitUntil(60, () -> "200 customers shown".equals(robot.lookup("#featuresShown").queryLabeled().getText()));
    UiTestSupport.clickUntil(robot, "#stepSegments", () -> ctx.main().getStep() == Step.SEGMENTS);
    robot.sleep(300);
    for (Node n : robot.lookup((Node x) -> x instanceof Labeled).queryAll()) {
      if (n instanceof Labeled l && l.getText() != null) {
        assertThat(l.getText()).doesNotContain("Dormant", "was dropped", "0 customers shown");
      }
    }
  }
}
