package dev.segmentlab.cli;

import dev.segmentlab.core.concurrent.Parallel;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.data.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A read-ahead for a one-shot command: the input file is read with the default options on a background thread
 * while the command line sets itself up (picocli building the command), and the command's load stage
 * ({@link #load}, which the CLI's {@link Workers#stages()} use) of the same unchanged file with the default options
 * takes the result over. What the load returns or throws is the same either way. Any other load drops it. It lives
 * in the CLI because it is a property of a process that reads one file and ends: the core and the app never see it.
 */
final class Prefetch {
  private Prefetch() {}

  private record Ahead(Path file, FileTime modified, long size, CompletableFuture<Dataset> dataset) {}

  private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

  /**
   * Starts reading {@code file} on a daemon thread; never fails (a file that cannot be read is left to the
   * command, which reports it).
   *
   * @param executor lent to the reader for parsing, as the command would lend it
   * @return the read-ahead's result to come (cancelled, and so stopped, when a read drops it), or null
   */
  static CompletableFuture<Dataset> read(Path file, Executor executor) {
    try {
      if (!Files.isRegularFile(file)) return null;
      Ahead ahead = new Ahead(file.toAbsolutePath().normalize(), Files.getLastModifiedTime(file), Files.size(file),
          new CompletableFuture<>());
      AHEAD.set(ahead);
      Thread t = new Thread(() -> {
        try {
          ahead.dataset.complete(Datasets.read(file, ReadOptions.defaults(), RunControl.of(executor, p -> { }, ahead.dataset::isCancelled)));
        } catch (Throwable e) {
          ahead.dataset.completeExceptionally(e);
        }
      }, "segmentlab-read-ahead");
      t.setDaemon(true);
      t.start();
      return ahead.dataset;
    } catch (IOException | RuntimeException e) {
      // only a head start: the command reads the file itself
      return null;
    }
  }

  /**
   * The read-ahead of this unchanged file, taken once; null when there is none, or another file's or a changed
   * file's, which is dropped (cancelled, so that it stops taking the cores).
   */
  static CompletableFuture<Dataset> take(Path file) {
    Ahead ahead = AHEAD.getAndSet(null);
    if (ahead == null) return null;
    try {
      if (ahead.file.equals(file.toAbsolutePath().normalize()) && ahead.size == Files.size(file)
          && ahead.modified.equals(Files.getLastModifiedTime(file))) {
        return ahead.dataset;
      }
    } catch (IOException e) {
      // the file changed or went: read it the normal way, which says what is wrong
    }
    ahead.dataset.cancel(false);
    return null;
  }

  /**
   * The load stage of the command line: the read-ahead of this file when it read it with these options, else a
   * read through the data front door (a read-ahead of another file, or with other options, is dropped and stops).
   */
  static Dataset load(Path file, ReadOptions options, RunControl rc) {
    CompletableFuture<Dataset> ahead = take(file);
    if (ahead != null && ReadOptions.defaults().equals(options)) {
      Dataset d = await(ahead, rc.cancelledCheck());
      rc.progress(1.0);
      return d;
    }
    if (ahead != null) ahead.cancel(false);
    return Datasets.read(file, options, RunControl.of(rc.executor(), rc.progressSink(), rc.cancelledCheck()));
  }

  /** Waits for a read-ahead, polling {@code cancelled}; rethrows what the read threw. */
  static Dataset await(CompletableFuture<Dataset> ahead, BooleanSupplier cancelled) {
    while (true) {
      if (cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
      try {
        return ahead.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // poll again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("Load interrupted");
      } catch (ExecutionException e) {
        throw Parallel.unchecked(e.getCause());
      }
    }
  }
}
