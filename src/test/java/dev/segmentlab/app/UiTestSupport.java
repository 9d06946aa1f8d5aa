package dev.segmentlab.app;

import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting helpers for TestFX tests (no sleeps: wait for a condition, with a generous timeout). */
public final class UiTestSupport {
  private UiTestSupport() {}

  /**
   * The whole app on a stage, as {@code App} starts it, with real worker threads and the bundled Online Retail
   * sample as its sample (not opened yet: a test may set options first); a width of 0 keeps the scene's size.
   */
  public static AppContext showApp(Stage stage, DialogService dialogs,
      double width, double height) {
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    AppContext ctx = new AppContext(async, dialogs, DatasetLoader.standard(), async.executor(),
        Path.of("assets/data/online-retail.csv.gz").toAbsolutePath());
    stage.setScene(Screens.scene(ctx));
    if (width > 0) {
      stage.setWidth(width);
      stage.setHeight(height);
    }
    stage.show();
    return ctx;
  }

  public static void waitUntil(BooleanSupplier condition) {
    waitUntil(60, condition);
  }

  /**
   * Clicks {@code query} until {@code condition} holds (three tries, 10 s each). A click can land on a tooltip
   * that an earlier hover left open over the target (the step buttons' tooltips do, on a loaded machine);
   * clicking again after the mouse has moved on reaches the target.
   */
  public static void clickUntil(org.testfx.api.FxRobot robot, String query, BooleanSupplier condition) {
    for (int attempt = 1; ; attempt++) {
      robot.clickOn(query);
      try {
        waitUntil(10, condition);
        return;
      } catch (AssertionError e) {
        if (attempt == 3) throw new AssertionError("clicking " + query + " did not take effect in 3 tries", e);
        robot.moveTo("#mainRoot"); // away from any tooltip, then try again
      }
    }
  }

  public static void waitUntil(int seconds, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("condition not met within " + seconds + " s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
