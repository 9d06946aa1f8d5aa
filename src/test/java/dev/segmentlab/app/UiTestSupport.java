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

  public static void waitUntil(int seconds, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("condition not met within " + seconds + " s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
