package dev.segmentlab.app.fx;

import dev.segmentlab.core.concurrent.RunControl;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Runs work off the UI thread. Production: {@link FxAsync} (named daemon threads, callbacks on the FX thread);
 * tests: {@link SameThreadAsync}. ViewModels depend on this interface only, never on Platform or Task.
 */
public interface Async {

  /** What a job can do while it runs. */
  interface Context {
    /** Reports progress, 0..1, or negative when unknown. Cheap to call often. */
    void progress(double fraction);

    /** Whether the job was cancelled; long loops poll this. */
    boolean isCancelled();

    /** Runs {@code r} on the UI thread (to stream partial results). */
    void ui(Runnable r);

    default BooleanSupplier cancelledCheck() { return this::isCancelled; }

    default DoubleConsumer progressSink() { return this::progress; }

    /** This job's progress and cancellation, with the threads the core may use besides the job's own. */
    default RunControl control(Executor executor) { return RunControl.of(executor, this::progress, this::isCancelled); }
  }

  /** A piece of background work. */
  @FunctionalInterface
  interface Job<T> {
    T run(Context ctx) throws Exception;
  }

  /**
   * Starts a job. Exactly one of {@code onSuccess} / {@code onFailure} runs on the UI thread, unless the job was
   * cancelled, in which case {@code onCancelled} runs.
   *
   * @param title shown in the status bar while the job runs
   * @return cancels the job (idempotent)
   */
  <T> Runnable run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure,
      Runnable onCancelled);

  /** A job with named callbacks, started by {@link Task#start()}; {@link JobSlot#task} makes one that runs in a slot. */
  default <T> Task<T> task(String title, Job<T> job) {
    return new Task<>(this, title, job);
  }

  /** The monitor that the status bar shows. */
  TaskMonitor monitor();
}
