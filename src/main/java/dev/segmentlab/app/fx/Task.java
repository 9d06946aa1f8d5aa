package dev.segmentlab.app.fx;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A background job with named callbacks, in the style of JabRef's {@code BackgroundTask}:
 * <pre>{@code
 * cleaningSlot.task("Cleaning", ctx -> Cleaner.clean(tx, options, ctx.control(executor)))
 *     .onSuccess(this::publish)
 *     .onFailure(this::showError)
 *     .start();
 * }</pre>
 * Callbacks not set do nothing. Exactly one of them runs on the UI thread when the job ends. UI thread only.
 *
 * @param <T> the job's result
 */
public final class Task<T> {
  private final Async async;
  private final String title;
  private final Async.Job<T> job;
  private Consumer<? super T> onSuccess = r -> { };
  private Consumer<? super Throwable> onFailure = e -> { };
  private Runnable onCancelled = () -> { };

  private final JobSlot slot;

  Task(Async async, String title, Async.Job<T> job) {
    this(async, null, title, job);
  }

  /** A task that {@link #start()} runs in {@code slot} (null: on its own). */
  Task(Async async, JobSlot slot, String title, Async.Job<T> job) {
    this.async = Objects.requireNonNull(async, "async");
    this.slot = slot;
    this.title = Objects.requireNonNull(title, "title");
    this.job = Objects.requireNonNull(job, "job");
  }

  /** What to do with the result, on the UI thread. */
  public Task<T> onSuccess(Consumer<? super T> handler) {
    this.onSuccess = Objects.requireNonNull(handler);
    return this;
  }

  /** What to do when the job throws (other than by being cancelled), on the UI thread. */
  public Task<T> onFailure(Consumer<? super Throwable> handler) {
    this.onFailure = Objects.requireNonNull(handler);
    return this;
  }

  /** What to do when the job was cancelled, on the UI thread. */
  public Task<T> onCancelled(Runnable handler) {
    this.onCancelled = Objects.requireNonNull(handler);
    return this;
  }

  /**
   * Starts the job: in its slot when it was made by {@link JobSlot#task} (the slot's previous job is cancelled and
   * its late results dropped), else on its own.
   *
   * @return cancels it (idempotent)
   */
  public Runnable start() {
    if (slot != null) {
      slot.submit(title, job, onSuccess, onFailure, onCancelled);
      return slot::cancel;
    }
    return async.run(title, job, onSuccess, onFailure, onCancelled);
  }
}
