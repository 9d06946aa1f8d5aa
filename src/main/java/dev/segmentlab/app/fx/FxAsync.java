package dev.segmentlab.app.fx;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * {@link Async} on a small pool of named daemon threads; callbacks and UI posts arrive via
 * {@code Platform.runLater}. Progress updates are throttled (a few UI posts per second), so a job that reports often does not flood the FX thread.
 */
public final class FxAsync implements Async {
  private final ExecutorService pool;
  private final TaskMonitor monitor;

  public FxAsync(TaskMonitor monitor, int threads) {
    this.monitor = monitor;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory f = r -> {
      Thread t = new Thread(r, "segmentlab-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      // below the FX thread, so that a pulse due while both cores load or clean data gets a core at once (the
      // launcher's -XX:ThreadPriorityPolicy=1 makes Java priorities Linux nice values; without it this does nothing)
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(threads, f);
  }

  /** The pool, for core code that splits work (it must not block waiting on itself). */
  public ExecutorService executor() { return pool; }

  @Override public TaskMonitor monitor() { return monitor; }

  @Override
  public <T> Runnable run(String title, Job<T> job, Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure, Runnable onCancelled) {
    AtomicBoolean cancelled = new AtomicBoolean();
    Object token = new Object();
    Runnable cancel = () -> cancelled.set(true);
    monitor.started(token, title, cancel);
    AtomicLong lastPost = new AtomicLong();
    Context ctx = new Context() {
      @Override public void progress(double fraction) {
        long now = System.nanoTime();
        long last = lastPost.get();
        if (fraction >= 1 || now - last > 50_000_000L) {
          lastPost.set(now);
          Platform.runLater(() -> monitor.progress(token, fraction));
        }
      }

      @Override public boolean isCancelled() { return cancelled.get(); }

      @Override public void ui(Runnable r) { Platform.runLater(r); }
    };
    pool.execute(() -> {
      try {
        T result = job.run(ctx);
        Platform.runLater(() -> {
          if (cancelled.get()) {
            monitor.finished(token, title + ": cancelled");
            onCancelled.run();
          } else {
            monitor.finished(token, title + ": done");
            onSuccess.accept(result);
          }
        });
      } catch (CancellationException e) {
        Platform.runLater(() -> {
          monitor.finished(token, title + ": cancelled");
          onCancelled.run();
        });
      } catch (Throwable e) {
        Platform.runLater(() -> {
          monitor.finished(token, title + ": failed");
          onFailure.accept(e);
        });
      }
    });
    return cancel;
  }
}
