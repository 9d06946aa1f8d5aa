package dev.segmentlab.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app's workers: named daemon threads below the FX thread's priority. */
class FxAsyncTest {
  @Test
  void workersAreNamedDaemonsAtTheLowestPriority() throws Exception {
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    Thread worker = async.executor().submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
    assertThat(worker.getName()).startsWith("segmentlab-worker-");
    assertThat(worker.isDaemon()).isTrue();
    // with -XX:ThreadPriorityPolicy=1 (the launchers' option for the app) this is Linux nice 4 against the FX
    // thread's 0
    assertThat(worker.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
  }
}
