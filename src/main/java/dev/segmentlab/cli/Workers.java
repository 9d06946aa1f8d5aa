package dev.segmentlab.cli;

import dev.segmentlab.core.pipeline.Stages;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker threads the CLI lends to core code (the core owns no threads), and the stages it runs them with. */
final class Workers {
  private Workers() {}

  private static ExecutorService pool;

  static synchronized ExecutorService pool() {
    if (pool == null) {
      int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
      AtomicInteger i = new AtomicInteger();
      pool = Executors.newFixedThreadPool(n, r -> {
        Thread t = new Thread(r, "segmentlab-cli-" + i.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }

  private static final Stages STAGES = new Stages(s -> { }, Prefetch::load);

  /** The pipeline's stages as the command line runs them: a file's load takes over the read-ahead of it. */
  static Stages stages() {
    return STAGES;
  }
}
