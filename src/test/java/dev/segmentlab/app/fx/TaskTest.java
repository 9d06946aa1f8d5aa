package dev.segmentlab.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Named callbacks: exactly the one that fits the job's end runs. */
class TaskTest {
  private final Async async = new SameThreadAsync();
  private final List<String> calls = new ArrayList<>();

  private <T> Task<T> task(Async.Job<T> job) {
    return withCallbacks(async.task("job", job));
  }

  private <T> Task<T> withCallbacks(Task<T> task) {
    return task
        .onSuccess(r -> calls.add("success " + r))
        .onFailure(e -> calls.add("failure " + e.getMessage()))
        .onCancelled(() -> calls.add("cancelled"));
  }

  @Test
  void eachEndCallsItsOwnCallback() {
    task(ctx -> 42).start();
    task(ctx -> { throw new IllegalStateException("broken row"); }).start();
    task(ctx -> { throw new CancellationException(); }).start();
    assertThat(calls).containsExactly("success 42", "failure broken row", "cancelled");
  }

  @Test
  void aTaskStartedInASlotEndsThroughTheSlot() {
    JobSlot slot = new JobSlot(async);
    withCallbacks(slot.task("job", ctx -> ctx.control(null).isCancelled() ? "stale" : "fresh")).start();
    assertThat(calls).containsExactly("success fresh");
    assertThat(slot.isRunning()).isFalse();
  }

  @Test
  void callbacksNotSetDoNothing() {
    Runnable cancel = async.task("quiet", ctx -> { throw new IllegalStateException("x"); }).start();
    cancel.run();
    assertThat(calls).isEmpty();
  }
}
