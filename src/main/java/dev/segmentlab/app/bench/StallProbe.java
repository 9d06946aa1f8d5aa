package dev.segmentlab.app.bench;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Measures how long the FX thread stays busy: a daemon thread posts a stamp every 2 ms (one at a time) and the
 * FX thread, when it gets to it, records how long it waited. The longest wait is the longest stretch in which the
 * FX thread could neither run a pulse nor answer input.
 */
final class StallProbe {
  private volatile boolean running;
  private volatile boolean pending;
  private volatile long maxNanos;
  private Thread thread;
  private volatile Thread fxThread;
  private volatile long postedAt;
  /** With -Dsegmentlab.stallTrace=MS, the FX thread's stack is printed each MS ms of one stall (to find its cause). */
  private final long traceMs = Long.getLong("segmentlab.stallTrace", 0);

  void start() {
    running = true;
    Platform.runLater(() -> fxThread = Thread.currentThread());
    thread = new Thread(() -> {
      while (running) {
        if (!pending) {
          pending = true;
          long posted = System.nanoTime();
          postedAt = posted;
          Platform.runLater(() -> {
            long waited = System.nanoTime() - posted;
            if (waited > maxNanos) maxNanos = waited;
            pending = false;
          });
        }
        trace();
        try {
          TimeUnit.MILLISECONDS.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "fx-stall-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private long lastTrace;

  private void trace() {
    Thread fx = fxThread;
    if (traceMs <= 0 || !pending || fx == null) return;
    long now = System.nanoTime();
    if (now - postedAt < traceMs * 1_000_000L || now - lastTrace < traceMs * 1_000_000L) return;
    lastTrace = now;
    StringBuilder b = new StringBuilder("FX busy " + (now - postedAt) / 1_000_000 + " ms:\n");
    StackTraceElement[] st = fx.getStackTrace();
    for (int i = 0; i < Math.min(40, st.length); i++) b.append("    at ").append(st[i]).append('\n');
    System.err.print(b);
  }

  void reset() { maxNanos = 0; }

  double maxMs() { return maxNanos / 1e6; }

  void stop() {
    running = false;
    thread.interrupt();
  }
}
