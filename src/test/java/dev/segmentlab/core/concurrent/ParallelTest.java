package dev.segmentlab.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void runsEveryItemOnceAndRethrowsTheFirstFailureWhenNothingRunsAnyMore() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      AtomicIntegerArray runs = new AtomicIntegerArray(20);
      Parallel.forEach(20, pool, null, runs::incrementAndGet, null);
      for (int i = 0; i < 20; i++) assertThat(runs.get(i)).isEqualTo(1);
      AtomicInteger running = new AtomicInteger();
      assertThatThrownBy(() -> Parallel.forEach(20, pool, null, i -> {
        running.incrementAndGet();
        try {
          if (i == 3) throw new IllegalStateException("boom");
        } finally {
          running.decrementAndGet();
        }
      }, null)).hasMessage("boom");
      assertThat(running).hasValue(0);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aBusyPoolLeavesTheWorkToTheCaller() {
    try (BusyExecutor busy = new BusyExecutor()) {
      AtomicInteger ran = new AtomicInteger();
      Parallel.forEach(7, busy, null, i -> ran.incrementAndGet(), null);
      assertThat(ran).hasValue(7);
    }
  }

  @Test
  void cancellationStopsIt() {
    assertThatThrownBy(() -> Parallel.forEach(5, null, () -> true, i -> { }, null))
        .isInstanceOf(CancellationException.class);
  }
}
