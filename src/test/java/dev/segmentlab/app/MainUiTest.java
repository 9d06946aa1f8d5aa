package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import dev.segmentlab.core.quality.Returns;
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
  @org.junit.jupiter.api.io.TempDir Path tmp;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    ctx = UiTestSupport.showApp(stage, new TestDialogs(), 0, 0);
    stage.titleProperty().bind(ctx.main().titleProperty());
    ctx.quality().cleaning().setReturns(Returns.DROP); // the seeds' figures below
    ctx.data().openSample();
  }

  @Test
  void opensOnTheSampleAndVisitsEveryStep(FxRobot robot) throws Exception {
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != null);
    assertThat(stage.getTitle()).isEqualTo("SegmentLab — online-retail.csv.gz");
    verifyThat("#reportRows", LabeledMatchers.hasText("541,909"));
    verifyThat("#reportCustomers", LabeledMatchers.hasText("4,372 distinct"));
    TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
    assertThat(preview.getItems()).hasSize(541_909);
    assertThat(robot.lookup("#datasetSummary").queryAs(Label.class).getText()).contains("541,909 rows");
    for (Step s : Step.values()) {
      UiTestSupport.clickUntil(robot, "#step" + s.title(), () -> ctx.main().getStep() == s);
      assertThat(robot.lookup("#mainRoot").queryAs(javafx.scene.layout.BorderPane.class).getCenter()).isNotNull();
    }
    UiTestSupport.clickUntil(robot, "#stepData", () -> ctx.main().getStep() == Step.DATA);
    assertThat(robot.lookup("#columnsTable").queryAs(TableView.class).getItems()).hasSize(8);

    // the whole chain ran in the background: cleaning, features, sweep, segments
    UiTestSupport.waitUntil(120, () -> ctx.session().getSegmentation() != null);
    assertThat(ctx.session().getCleaned().report().customers()).isEqualTo(4_338);
    assertThat(ctx.session().getSegmentation().names().get(0)).isEqualTo("Champions");

    // every chart of the opened steps can be saved as PNG
    UiTestSupport.clickUntil(robot, "#stepSegments", () -> ctx.main().getStep() == Step.SEGMENTS);
    UiTestSupport.waitUntil(() -> robot.lookup("#elbowChart").tryQuery().isPresent());
    java.util.List<Path> saved = new java.util.ArrayList<>();
    robot.interact(() -> {
      try {
        saved.addAll(ctx.charts().saveAll(tmp, true));
      } catch (dev.segmentlab.core.export.ExportException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(saved).extracting(p -> p.getFileName().toString()).contains("elbow.png", "scatter.png");
    byte[] head = java.nio.file.Files.readAllBytes(tmp.resolve("elbow.png"));
    assertThat(head.length).isGreaterThan(1000);
    assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(colouredPixels(tmp.resolve("scatter.png"))).isGreaterThan(500);

    // a k change while another step is shown: the scatter, drawn at its next layout, is saved with its dots
    UiTestSupport.clickUntil(robot, "#stepData", () -> ctx.main().getStep() == Step.DATA);
    robot.interact(() -> ctx.segments().kProperty().set(5));
    UiTestSupport.waitUntil(60, () -> ctx.session().getSegmentation().k() == 5);
    robot.interact(() -> {
      try {
        ctx.charts().saveAll(tmp, true);
      } catch (dev.segmentlab.core.export.ExportException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(colouredPixels(tmp.resolve("scatter.png"))).isGreaterThan(500);
  }

  /** Pixels of a PNG in a colour (not white, grey or black): the scatter's dots. */
  private static int colouredPixels(Path png) throws java.io.IOException {
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y), r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) n++;
      }
    }
    return n;
  }

  @Test
  void screensBuiltAheadWorkWhenVisited(FxRobot robot) throws Exception {
    java.util.concurrent.CompletableFuture<Void> built = new java.util.concurrent.CompletableFuture<>();
    robot.interact(() -> Screens.prebuild(stage.getScene(), () -> built.complete(null)));
    built.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(ctx.main().getStep()).isEqualTo(Step.DATA); // built out of sight: the Data step stays
    assertThat(robot.lookup("#segmentsRoot").tryQuery()).isEmpty();
    UiTestSupport.waitUntil(120, () -> ctx.session().getSegmentation() != null);

    // built before any data, the screens followed the load as they would have on a first visit
    UiTestSupport.clickUntil(robot, "#stepSegments", () -> ctx.main().getStep() == Step.SEGMENTS);
    int k = ctx.session().getSegmentation().k();
    UiTestSupport.waitUntil(() -> robot.lookup("#segmentsTable").queryAs(TableView.class).getItems().size() == k);
    assertThat(robot.lookup("#profileTable").queryAs(TableView.class).getItems()).hasSize(k + 1);
    UiTestSupport.clickUntil(robot, "#stepFeatures", () -> ctx.main().getStep() == Step.FEATURES);
    UiTestSupport.waitUntil(() -> robot.lookup("#featuresTable").queryAs(TableView.class).getItems().size() == 4_338);
    UiTestSupport.clickUntil(robot, "#stepQuality", () -> ctx.main().getStep() == Step.QUALITY);
    verifyThat("#rowsLeftLabel", LabeledMatchers.hasText("392,692"));
    verifyThat("#customersLeftLabel", LabeledMatchers.hasText("4,338"));
  }
}
