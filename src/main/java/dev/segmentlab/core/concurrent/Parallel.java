package dev.segmentlab.core.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Runs independent work items on a caller-supplied executor, with the calling thread taking part: the k sweep's
 * restarts and silhouette rows, the reader's column merges.
 *
 * <p>Why the caller works too: the app may run a sweep on a pool thread and hand us that same pool; if the
 * caller only waited, a small pool could deadlock. Here helpers that never get a thread simply find no work
 * left. Items write their own slots, so results do not depend on which thread ran what.
 */
public final class Parallel {
  /** At most this many helper tasks per call: the machine's other cores. */
  private static final int MAX_HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);

  private Parallel() {}

  public static void checkCancelled(BooleanSupplier cancelled) {
    if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
  }

  /**
   * Runs {@code body} for 0 .. count-1 on the calling thread and {@code rc}'s executor, stopping when {@code rc}
   * is cancelled. {@code afterEach} gets, on the calling thread, each item the calling thread finished (for
   * progress).
   */
  public static void forEach(int count, RunControl rc, IntConsumer body, IntConsumer afterEach) {
    forEach(count, rc.executor(), rc.cancelledCheck(), body, afterEach);
  }

  /**
   * Runs {@code body} for 0 .. count-1. {@code afterEach} gets, on the calling thread, each item the
   * calling thread finished (for progress).
   */
  public static void forEach(int count, Executor executor, BooleanSupplier cancelled, IntConsumer body, IntConsumer afterEach) {
    if (executor == null || count <= 1 || MAX_HELPERS == 0) {
      for (int i = 0; i < count; i++) {
        checkCancelled(cancelled);
        body.accept(i);
        if (afterEach != null) afterEach.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(count);
    Runnable worker = () -> work(count, next, failure, done, cancelled, body, null);
    int helpers = Math.min(count - 1, MAX_HELPERS);
    for (int h = 0; h < helpers; h++) {
      try {
        executor.execute(worker);
      } catch (RejectedExecutionException e) {
        break; // the calling thread does the rest
      }
    }
    work(count, next, failure, done, cancelled, body, afterEach);
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, new CancellationException("interrupted"));
      next.set(count);
    }
    Throwable t = failure.get();
    if (t != null) throw unchecked(t);
  }

  /**
   * What a failure caught on another thread becomes on the caller's: an {@link Error} is thrown here as it is,
   * a {@link RuntimeException} returned as it is (for the caller to throw), anything else wrapped.
   */
  public static RuntimeException unchecked(Throwable t) {
    if (t instanceof Error e) throw e;
    return t instanceof RuntimeException r ? r : new IllegalStateException(t);
  }

  private static void work(int count, AtomicInteger next, AtomicReference<Throwable> failure, CountDownLatch done,
      BooleanSupplier cancelled, IntConsumer body, IntConsumer afterEach) {
    int i;
    while ((i = next.getAndIncrement()) < count) {
      try {
        if (failure.get() == null) {
          checkCancelled(cancelled);
          body.accept(i);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        done.countDown();
      }
      if (afterEach != null && failure.get() == null) afterEach.accept(i);
    }
  }
}
