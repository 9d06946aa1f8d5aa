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

  /**
   * A job for this slot with named callbacks, started by {@link Task#start()}:
   * <pre>{@code
   * slot.task("Cleaning", ctx -> clean(ctx)).onSuccess(this::publish).onFailure(this::fail).start();
   * }</pre>
   */
  public <T> Task<T> task(String title, Async.Job<T> job) {
    return new Task<>(async, this, title, job);
  }

  <T> void submit(String title, Async.Job<T> job, Consumer<? super T> onSuccess,
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
