package dev.segmentlab.app.fx;

import java.util.function.Consumer;

/**
 * One job in flight per operation: a new request cancels the previous one, and a generation counter drops
 * results of jobs that were superseded. Used on the UI thread only.
 */
public final class JobSlot {
  private final Async async;
  private Runnable cancelCurrent = () -> { };
  private int generation;
  private boolean running;

  public JobSlot(Async async) { this.async = async; }

  public <T> void submit(String title, Async.Job<T> job, Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    submit(title, job, onSuccess, onFailure, () -> { });
  }

  public <T> void submit(String title, Async.Job<T> job, Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure, Runnable onCancelled) {
    cancelCurrent.run();
    int gen = ++generation;
    running = true;
    cancelCurrent = async.run(title, job,
        r -> { if (gen == generation) { running = false; onSuccess.accept(r); } },
        e -> { if (gen == generation) { running = false; onFailure.accept(e); } },
        () -> { if (gen == generation) { running = false; onCancelled.run(); } });
  }

  public void cancel() { cancelCurrent.run(); }

  public boolean isRunning() { return running; }
}
