package dev.segmentlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.core.quality.Returns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Stream;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File > Report… (Shift+Ctrl+R) on the bundled Online Retail file once it is segmented: the HTML report is written
 * with progress to the end and holds every segment's name; Cancel of a running PDF or PPTX leaves no file.
 */
@ExtendWith(ApplicationExtension.class)
class ReportUiTest {
  private final TestDialogs dialogs = new TestDialogs();
  private AppContext ctx;
  private ThreadPoolExecutor workers;
  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    ctx = UiTestSupport.showApp(stage, dialogs, 1280, 800);
    workers = (ThreadPoolExecutor) ctx.executor();
    ctx.quality().cleaning().setReturns(Returns.DROP); // the seeds' figures: 4,338 customers
    ctx.data().openSample();
  }

  private String status(FxRobot robot) {
    return robot.lookup("#reportStatus").queryAs(Labeled.class).getText();
  }

  private void choose(FxRobot robot, String format) {
    robot.clickOn("#reportFormat");
    robot.clickOn(format);
  }

  @Test
  void writesTheHtmlReportAndCancelLeavesNoFile(FxRobot robot) throws Exception {
    UiTestSupport.waitUntil(180, () -> ctx.session().getSegmentation() != null
        && ctx.session().getSegmentation().labels().length == 4_338);
    List<String> names = ctx.session().getSegmentation().names();
    assertThat(names).hasSize(4);

    robot.clickOn("#mainRoot").press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
    UiTestSupport.waitUntil(() -> robot.lookup("#reportRoot").tryQuery().isPresent());
    // the preview is the executive summary of this run
    UiTestSupport.waitUntil(120, () -> robot.lookup("#reportPreviewTitle").queryAs(Labeled.class).getText()
        .equals("online-retail.csv.gz: 4,338 customers in 4 segments"));

    choose(robot, "HTML (one file, opens in any browser)");
    assertThat(ctx.report().formatProperty().get()).isEqualTo(dev.segmentlab.core.report.ReportFormat.HTML);
    Path html = dir.resolve("retail-report.html");
    dialogs.files.add(html);
    robot.clickOn("#reportWrite");
    UiTestSupport.waitUntil(120, () -> status(robot).startsWith("Wrote "));
    assertThat(ctx.report().progressProperty().get()).isEqualTo(1.0);
    assertThat(ctx.report().runningProperty().get()).isFalse();
    assertThat(status(robot)).startsWith("Wrote " + html + " in ");
    String text = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(text).startsWith("<!DOCTYPE html>").contains("4,338");
    for (String name : names) assertThat(text).contains(escape(name));
    assertThat(dialogs.errors).isEmpty();

    for (String format : new String[] {"PDF (A4, fonts embedded)", "PowerPoint (editable charts)"}) {
      choose(robot, format);
      String ext = format.startsWith("PDF") ? "pdf" : "pptx";
      Path out = dir.resolve("retail-report." + ext);
      dialogs.files.add(out);
      robot.clickOn("#reportWrite");
      UiTestSupport.waitUntil(60, () -> ctx.report().runningProperty().get() || status(robot).startsWith("Wrote "));
      robot.clickOn("#reportCancel");
      UiTestSupport.waitUntil(60, () -> !ctx.report().runningProperty().get());
      assertThat(status(robot)).as(format).isEqualTo("Cancelled: nothing was written.");
      // the worker may still be inside the renderer: wait until it has given up, then look at the folder
      UiTestSupport.waitUntil(120, () -> workers.getActiveCount() == 0);
      assertThat(out).doesNotExist();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).as("no partial file").containsExactly("retail-report.html");
      }
    }
    assertThat(dialogs.errors).isEmpty();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
