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
  private volatile long maxCpuNanos;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  private Thread thread;
  private volatile Thread fxThread;
  private volatile long postedAt;
  /** What the tour is doing (for the trace and the per-phase maxima). */
  private volatile String phase = "";
  private final java.util.Map<String, Long> maxByPhase = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, Long> maxCpuByPhase = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long cpuAtPost = -1;
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
          String at = phase;
          Thread fx0 = fxThread;
          long cpuPosted = fx0 == null ? -1 : CPU.getThreadCpuTime(fx0.getId());
          cpuAtPost = cpuPosted;
          Platform.runLater(() -> {
            long waited = System.nanoTime() - posted;
            if (waited > maxNanos) maxNanos = waited;
            if (cpuPosted >= 0) {
              long cpu = CPU.getCurrentThreadCpuTime() - cpuPosted;
              if (cpu > maxCpuNanos) maxCpuNanos = cpu;
              maxCpuByPhase.merge(at, cpu, Math::max);
            }
            maxByPhase.merge(at, waited, Math::max);
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
    // by the FX thread's CPU time since the post, so that a thread merely waiting for a core is not traced
    long cpu = cpuAtPost < 0 ? now - postedAt : CPU.getThreadCpuTime(fx.getId()) - cpuAtPost;
    if (cpu < traceMs * 1_000_000L || now - lastTrace < traceMs * 1_000_000L) return;
    lastTrace = now;
    StringBuilder b = new StringBuilder("FX busy " + (now - postedAt) / 1_000_000 + " ms, " + cpu / 1_000_000
        + " ms of its CPU (" + phase + "):\n");
    StackTraceElement[] st = fx.getStackTrace();
    for (int i = 0; i < Math.min(40, st.length); i++) b.append("    at ").append(st[i]).append('\n');
    System.err.print(b);
  }

  void reset() {
    maxNanos = 0;
    maxCpuNanos = 0;
    maxByPhase.clear();
    maxCpuByPhase.clear();
  }

  /** With -Dsegmentlab.phaseLog, each phase's start (epoch ms) goes to stderr, to match a profiler's samples. */
  private final boolean phaseLog = Boolean.getBoolean("segmentlab.phaseLog");

  void phase(String p) {
    phase = p;
    if (phaseLog) System.err.println("phase " + System.currentTimeMillis() + " " + p);
  }

  /** The longest stall of each phase of the last run, longest first, e.g. "step Segments 120, k 5 40". */
  String byPhase() { return top(maxByPhase); }

  /** As {@link #byPhase()}, by the FX thread's CPU time within a stall. */
  String cpuByPhase() { return top(maxCpuByPhase); }

  private static String top(java.util.Map<String, Long> byPhase) {
    StringBuilder b = new StringBuilder();
    byPhase.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
        .forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue() / 1_000_000));
    return b.toString();
  }

  double maxMs() { return maxNanos / 1e6; }

  /** The FX thread's CPU time within its longest-CPU stall: what the app asked of it, whatever the machine's load. */
  double maxCpuMs() { return maxCpuNanos / 1e6; }

  void stop() {
    running = false;
    thread.interrupt();
  }
}
