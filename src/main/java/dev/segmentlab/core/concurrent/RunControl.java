package dev.segmentlab.core.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * How a long core operation runs: the threads it may use, where its progress goes and how it learns that it was
 * cancelled. One object instead of three parameters, in the spirit of Smile's {@code controller} and JabRef's
 * {@code BackgroundTask}: a stage receives it and hands a {@link #slice slice} of it to the stages it calls, so
 * that their progress fills a part of the caller's bar.
 *
 * <p>Immutable and thread-safe as long as the progress sink and the cancellation check are.
 */
public final class RunControl {
  private static final RunControl NONE = new RunControl(null, p -> { }, () -> false);

  private final Executor executor;
  private final DoubleConsumer progress;
  private final BooleanSupplier cancelled;

  private RunControl(Executor executor, DoubleConsumer progress, BooleanSupplier cancelled) {
    this.executor = executor;
    this.progress = progress == null ? p -> { } : progress;
    this.cancelled = cancelled == null ? () -> false : cancelled;
  }

  /**
   * @param executor threads the operation may use besides the calling one, or null for the calling thread only
   * @param progress receives 0..1 (null = ignored)
   * @param cancelled polled by long loops (null = never cancelled)
   */
  public static RunControl of(Executor executor, DoubleConsumer progress, BooleanSupplier cancelled) {
    return new RunControl(executor, progress, cancelled);
  }

  /** The calling thread only, no progress, never cancelled: for tests and short synchronous calls. */
  public static RunControl none() {
    return NONE;
  }

  /** The calling thread plus {@code executor}, no progress, never cancelled. */
  public static RunControl on(Executor executor) {
    return new RunControl(executor, null, null);
  }

  /** Threads the operation may use besides the calling one; null = the calling thread only. */
  public Executor executor() {
    return executor;
  }

  /** Reports progress, 0..1. */
  public void progress(double fraction) {
    progress.accept(fraction);
  }

  /** The progress sink, for core APIs that still take one. */
  public DoubleConsumer progressSink() {
    return progress;
  }

  /** The cancellation check, for core APIs that still take one. */
  public BooleanSupplier cancelledCheck() {
    return cancelled;
  }

  public boolean isCancelled() {
    return cancelled.getAsBoolean();
  }

  /** @throws CancellationException when cancelled */
  public void checkCancelled() {
    if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
  }

  /**
   * The same threads and cancellation, with progress 0..1 mapped onto {@code from..to} of this one.
   *
   * @throws IllegalArgumentException unless 0 ≤ from ≤ to ≤ 1
   */
  public RunControl slice(double from, double to) {
    if (!(from >= 0 && from <= to && to <= 1)) throw new IllegalArgumentException("need 0 <= from <= to <= 1");
    DoubleConsumer parent = progress;
    return new RunControl(executor, p -> parent.accept(from + (to - from) * p), cancelled);
  }

  /** The same threads and cancellation, for a sub-operation whose own progress is not shown. */
  public RunControl withoutProgress() {
    return new RunControl(executor, null, cancelled);
  }

  /** The same progress and cancellation on other threads. */
  public RunControl withExecutor(Executor other) {
    return new RunControl(other, progress, cancelled);
  }
}
