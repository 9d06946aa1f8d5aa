package dev.segmentlab.core.concurrent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A one-thread pool whose thread stays busy until {@link #close}: work handed to it meanwhile does not start, as in
 * an app whose only pool thread runs the very caller that lends it.
 */
public final class BusyExecutor implements Executor, AutoCloseable {
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final CountDownLatch release = new CountDownLatch(1);

  public BusyExecutor() {
    pool.execute(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /** Frees the thread (the tasks handed over then run) and shuts the pool down. */
  @Override
  public void close() {
    release.countDown();
    pool.shutdown();
  }
}
