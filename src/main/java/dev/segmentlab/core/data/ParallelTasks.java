package dev.segmentlab.core.data;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs independent tasks on the calling thread and up to {@code helpers} threads of an executor. Tasks are claimed
 * from a shared counter, so the caller never waits for a task that has not started: a busy pool only makes it
 * slower, never stuck. The first failure is rethrown on the calling thread once every task has ended.
 */
final class ParallelTasks {
  private ParallelTasks() {}

  /** Runs every task; a null executor runs them in order on the calling thread. */
  static void run(List<Runnable> tasks, Executor executor, int helpers) {
    if (executor == null || tasks.size() < 2) {
      for (Runnable t : tasks) t.run();
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Throwable[] error = new Throwable[1];
    Runnable work = () -> {
      for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
        try {
          tasks.get(i).run();
        } catch (Throwable t) {
          synchronized (error) {
            if (error[0] == null) error[0] = t;
          }
        } finally {
          finished.incrementAndGet();
        }
      }
    };
    for (int h = 0; h < Math.min(helpers, tasks.size() - 1); h++) executor.execute(work);
    work.run();
    // the caller's loop has handed out every task; wait for those still running on helpers
    while (finished.get() < tasks.size()) LockSupport.parkNanos(20_000);
    synchronized (error) {
      if (error[0] instanceof RuntimeException re) throw re;
      if (error[0] instanceof Error er) throw er;
      if (error[0] != null) throw new IllegalStateException(error[0]);
    }
  }
}
