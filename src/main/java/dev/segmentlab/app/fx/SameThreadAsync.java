package dev.segmentlab.app.fx;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@link Async} that runs each job immediately on the calling thread: for ViewModel tests (no toolkit) and
 * anything that must be deterministic.
 */
public final class SameThreadAsync implements Async {
  private final TaskMonitor monitor = new TaskMonitor();

  @Override public TaskMonitor monitor() { return monitor; }

  @Override
  public <T> Runnable run(String title, Job<T> job, Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure, Runnable onCancelled) {
    boolean[] cancelled = {false};
    Object token = new Object();
    monitor.started(token, title, () -> cancelled[0] = true);
    Context ctx = new Context() {
      @Override public void progress(double fraction) { monitor.progress(token, fraction); }
      @Override public boolean isCancelled() { return cancelled[0]; }
      @Override public void ui(Runnable r) { r.run(); }
    };
    try {
      T r = job.run(ctx);
      monitor.finished(token, title + ": done");
      onSuccess.accept(r);
    } catch (CancellationException e) {
      monitor.finished(token, title + ": cancelled");
      onCancelled.run();
    } catch (Throwable e) {
      monitor.finished(token, title + ": failed");
      onFailure.accept(e);
    }
    return () -> cancelled[0] = true;
  }
}
