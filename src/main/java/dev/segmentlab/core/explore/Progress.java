package dev.segmentlab.core.explore;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Progress and cancellation plumbing shared by the builders. */
final class Progress {
  private Progress() {}

  static void check(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
  }

  static void report(DoubleConsumer progress, double fraction) {
    progress.accept(Math.max(0.0, Math.min(1.0, fraction)));
  }

  /** Checks that {@code rows} are valid, strictly ascending row indices of a table of {@code size} rows. */
  static void checkRows(int[] rows, int size) {
    int prev = -1;
    for (int r : rows) {
      if (r <= prev || r >= size) {
        throw new IllegalArgumentException("rows must be strictly ascending indices in [0, " + size + "), found " + r);
      }
      prev = r;
    }
  }
}
