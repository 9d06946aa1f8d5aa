package dev.segmentlab.app.bench;

import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.TaskMonitor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An {@link Async} that counts the jobs in flight, so that the UI tour knows when the app has settled. */
final class CountingAsync implements Async {
  private final Async delegate;
  private final AtomicInteger inFlight = new AtomicInteger();

  CountingAsync(Async delegate) { this.delegate = delegate; }

  int inFlight() { return inFlight.get(); }

  @Override public TaskMonitor monitor() { return delegate.monitor(); }

  @Override
  public <T> Runnable run(String title, Job<T> job, Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure, Runnable onCancelled) {
    inFlight.incrementAndGet();
    return delegate.run(title, job,
        r -> { inFlight.decrementAndGet(); onSuccess.accept(r); },
        e -> { inFlight.decrementAndGet(); onFailure.accept(e); },
        () -> { inFlight.decrementAndGet(); onCancelled.run(); });
  }
}
