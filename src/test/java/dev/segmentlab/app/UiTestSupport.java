package dev.segmentlab.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting helpers for TestFX tests (no sleeps: wait for a condition, with a generous timeout). */
public final class UiTestSupport {
  private UiTestSupport() {}

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
