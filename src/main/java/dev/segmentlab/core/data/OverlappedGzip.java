package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Inflates a .gz file into one array on the calling thread while worker threads already parse the blocks that
 * have arrived. Why: inflating Online Retail takes about 170 ms and parsing it about 220 ms on two threads, one
 * after the other; overlapped, the two share the cores. The array is sized from the gzip trailer (ISIZE); a file
 * whose real size differs (several gzip members) is reported with {@link #matches()} false and read the plain way.
 *
 * <p>Blocks are handed out from a shared counter, so any number of threads (including none besides the caller)
 * can help; the caller never waits for a task that did not start, so a busy pool cannot deadlock it.
 */
final class OverlappedGzip {
  private static final int PREFIX = 1 << 18;
  private static final int BLOCK = 4 << 20;

  final byte[] data;
  private final Path file;
  private final InputStream in;
  private final long compressedSize;
  private volatile int available;
  private volatile boolean done;
  private volatile boolean overflow;
  private volatile Throwable failure;
  private long compressedRead;

  private OverlappedGzip(Path file, int expected) throws IOException {
    this.file = file;
    this.data = new byte[expected];
    this.compressedSize = Math.max(1, Files.size(file));
    InputStream raw = Files.newInputStream(file);
    this.in = new GZIPInputStream(new java.io.FilterInputStream(raw) {
      @Override public int read(byte[] b, int off, int len) throws IOException {
        int r = super.read(b, off, len);
        if (r > 0) compressedRead += r;
        return r;
      }
    }, 1 << 16);
  }

  /** Opens the file when overlapping is worth it (a few MB at least), else null. */
  static OverlappedGzip open(Path file, int expected) {
    if (expected < 2 * BLOCK) return null;
    try {
      return new OverlappedGzip(file, expected);
    } catch (IOException e) {
      throw FileBytes.ioError(file, e);
    }
  }

  int available() { return available; }

  /** Whether the whole file fitted the expected size exactly (after {@link #inflateAll}). */
  boolean matches() { return done && !overflow && available == data.length; }

  /** Inflates until at least the first 256 KB (or everything) is there, for the header. */
  void inflatePrefix(DoubleConsumer progress, BooleanSupplier cancelled) {
    inflate(Math.min(PREFIX, data.length), progress, cancelled);
  }

  /** Inflates the rest; wakes the workers as data arrives. */
  void inflateAll(DoubleConsumer progress, BooleanSupplier cancelled) {
    inflate(Integer.MAX_VALUE, progress, cancelled);
  }

  private void inflate(int until, DoubleConsumer progress, BooleanSupplier cancelled) {
    try {
      int len = available;
      while (len < until && !done) {
        if (cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
        if (len == data.length) {
          // the trailer undercounted (several members): stop here and let the caller read the plain way
          if (in.read() >= 0) overflow = true;
          finish();
          return;
        }
        int r = in.read(data, len, Math.min(data.length - len, 1 << 20));
        if (r < 0) { finish(); return; }
        len += r;
        available = len;
        progress.accept(Math.min(1.0, compressedRead / (double) compressedSize));
      }
    } catch (IOException e) {
      failure = e;
      finish();
      throw FileBytes.ioError(file, e);
    } catch (RuntimeException e) {
      failure = e;
      finish();
      throw e;
    }
  }

  private void finish() {
    done = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing to keep
    }
  }

  /** Result of one block. */
  record Block(TransactionChunk chunk, int lines, boolean insideQuote) {}

  /** Parses a block: what the reader's {@code parseRange} does for a byte range. */
  interface BlockParser {
    Block parse(int start, int end);
  }

  /**
   * Parses [dataStart, end of file) in blocks of about 4 MB on the workers and, once inflating is done, on the
   * calling thread too; returns the blocks in file order.
   */
  List<Block> parseWhileInflating(int dataStart, Executor executor, int workers, BlockParser parser,
      DoubleConsumer progress, BooleanSupplier cancelled) {
    int blocks = Math.max(2, (data.length - dataStart) / BLOCK);
    Block[] results = new Block[blocks];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger claimed = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Throwable[] error = new Throwable[1];
    Runnable work = () -> {
      try {
        for (int i = next.getAndIncrement(); i < blocks; i = next.getAndIncrement()) {
          claimed.incrementAndGet();
          int s = lineStart(nominal(i, blocks, dataStart), dataStart, cancelled);
          int e = i == blocks - 1 ? endOfData(cancelled) : lineStart(nominal(i + 1, blocks, dataStart), dataStart, cancelled);
          if (e < s) e = s;
          await(e, cancelled);
          results[i] = parser.parse(s, e);
          finished.incrementAndGet();
        }
      } catch (Throwable t) {
        synchronized (error) {
          if (error[0] == null) error[0] = t;
        }
        finished.addAndGet(blocks); // unblock the caller
      }
    };
    for (int w = 0; w < workers; w++) executor.execute(work);
    inflateAll(progress, cancelled);
    if (!matches()) {
      // the size was not what the trailer said: stop handing out blocks, let the started ones end (all the data
      // they wait for is there now), and tell the caller to read the plain way
      next.set(blocks);
      while (finished.get() < claimed.get()) LockSupport.parkNanos(100_000);
      return null;
    }
    work.run();
    while (finished.get() < blocks) {
      if (cancelled.getAsBoolean() && error[0] == null) throw new CancellationException("Load cancelled");
      LockSupport.parkNanos(50_000);
    }
    if (error[0] != null) throw Parallel.unchecked(error[0]);
    List<Block> out = new ArrayList<>(blocks);
    for (Block b : results) out.add(b);
    return out;
  }

  private int nominal(int i, int blocks, int dataStart) {
    return dataStart + (int) ((long) (data.length - dataStart) * i / blocks);
  }

  /** The first position ≥ p that starts a line (or the end of the data), waiting for the bytes it needs. */
  private int lineStart(int p, int dataStart, BooleanSupplier cancelled) {
    if (p <= dataStart) return dataStart;
    int q = p;
    while (true) {
      int avail = await(q + 1, cancelled);
      while (q < avail) {
        if (data[q - 1] == '\n') return q;
        q++;
      }
      if (done && q >= available) return available;
    }
  }

  private int endOfData(BooleanSupplier cancelled) {
    while (!done) await(Integer.MAX_VALUE, cancelled);
    return available;
  }

  /** Waits until at least {@code n} bytes are there or inflating ended; returns what is there. */
  private int await(int n, BooleanSupplier cancelled) {
    while (available < n && !done) {
      if (failure != null) throw new IllegalStateException("reading failed", failure);
      if (cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
      LockSupport.parkNanos(100_000);
    }
    return available;
  }
}
