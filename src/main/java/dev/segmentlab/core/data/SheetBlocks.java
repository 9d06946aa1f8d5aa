package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Inflates a sheet's zip entry and hands it out in blocks of whole rows, parsed while the rest inflates: a block is
 * about 4 MB cut after its last {@code </row>}, the rest carried into the next one. Inflating is the one
 * sequential part (about 0.45 s for Online Retail's 229 MB), so whichever thread finds room for another block
 * inflates it, and the others parse; at most a few blocks are in memory at once.
 *
 * <p>The threads are the caller's and the executor's, run by {@link Parallel}: the calling thread does both jobs
 * itself when no helper starts, so it never waits for a task that did not start. The entry's CRC and size are
 * checked at its end (the JDK's {@code ZipFile} does not), so a damaged entry fails as such.
 */
final class SheetBlocks<R> {
  private static final int BLOCK = 4 << 20;
  private static final int MAX_BLOCK = 256 << 20;

  /** Parses block {@code index}, which is {@code buf[0, end)} followed by {@link XmlCursor#SLACK} '<'s. */
  interface Parser<R> {
    R parse(int index, byte[] buf, int end);
  }

  private record Ready(int index, byte[] buf, int end) {}

  private final InputStream in;
  private final ZipEntry entry;
  private final Parser<R> parser;
  private final BooleanSupplier cancelled;
  private final int maxBuffers;
  private final ReentrantLock inflating = new ReentrantLock();
  private final ConcurrentLinkedQueue<Ready> ready = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
  private final AtomicInteger buffers = new AtomicInteger();
  private final Map<Integer, R> results = new ConcurrentHashMap<>();
  private volatile boolean eof;
  private volatile double fraction;
  private volatile Throwable failure;
  // guarded by inflating
  private final CRC32 crc = new CRC32();
  private byte[] carry = new byte[1 << 12];
  private int carryLen;
  private int produced;
  private long inflated;

  private SheetBlocks(InputStream in, ZipEntry entry, Parser<R> parser, int threads, BooleanSupplier cancelled) {
    this.in = in;
    this.entry = entry;
    this.parser = parser;
    this.cancelled = cancelled;
    this.maxBuffers = threads + 2;
  }

  /**
   * Parses the entry block by block; returns the results in the entry's order.
   *
   * @param progress gets, on the calling thread, the fraction of the entry inflated (0..1)
   * @throws IOException when the entry cannot be inflated, or its CRC or size is wrong
   */
  static <R> List<R> parse(ZipFile zip, ZipEntry entry, Executor executor, Parser<R> parser, DoubleConsumer progress,
      BooleanSupplier cancelled) throws IOException {
    int threads = executor == null ? 1 : Math.max(2, Runtime.getRuntime().availableProcessors());
    try (InputStream in = zip.getInputStream(entry)) {
      SheetBlocks<R> blocks = new SheetBlocks<>(in, entry, parser, threads, cancelled);
      Thread caller = Thread.currentThread();
      try {
        Parallel.forEach(threads, executor, cancelled,
            i -> blocks.work(Thread.currentThread() == caller ? progress : null), null);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      List<R> out = new ArrayList<>(blocks.produced);
      for (int i = 0; i < blocks.produced; i++) out.add(blocks.results.get(i));
      return out;
    }
  }

  /** One thread's share: inflate when there is room for a block, else parse one, until all are parsed. */
  private void work(DoubleConsumer progress) {
    try {
      double reported = -1;
      while (failure == null) {
        if (cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
        // an interrupted thread would not park below, but spin
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("Load interrupted");
        if (progress != null && fraction != reported) progress.accept(reported = fraction);
        if (!eof && buffers.get() < maxBuffers && inflating.tryLock()) {
          try {
            if (!eof && failure == null) inflateBlock();
          } finally {
            inflating.unlock();
          }
          continue;
        }
        Ready r = ready.poll();
        if (r != null) {
          results.put(r.index, parser.parse(r.index, r.buf, r.end));
          free.add(r.buf);
          buffers.decrementAndGet();
        } else if (eof) {
          return; // every block is taken; the thread that inflated the last one is still here to parse it
        } else {
          LockSupport.parkNanos(50_000);
        }
      }
    } catch (RuntimeException | Error e) {
      if (failure == null) failure = e;
      throw e;
    }
  }

  private void inflateBlock() {
    try {
      byte[] buf = free.poll();
      int need = carryLen + BLOCK + XmlCursor.SLACK;
      if (buf == null || buf.length < need) buf = new byte[need];
      buffers.incrementAndGet();
      System.arraycopy(carry, 0, buf, 0, carryLen);
      int n = carryLen;
      boolean end = false;
      int cut;
      while (true) {
        int room = buf.length - XmlCursor.SLACK;
        while (n < room) {
          int r = in.read(buf, n, room - n);
          if (r < 0) {
            end = true;
            break;
          }
          crc.update(buf, n, r);
          n += r;
          inflated += r;
        }
        fraction = entry.getSize() > 0 ? Math.min(1.0, inflated / (double) entry.getSize()) : -1;
        cut = end ? n : lastRowEnd(buf, n);
        if (cut >= 0) break;
        if (buf.length >= MAX_BLOCK) throw new XmlCursor.Unsupported("no </row> within 256 MB");
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      carryLen = n - cut;
      if (carryLen > carry.length) carry = new byte[Math.max(carryLen, carry.length * 2)];
      System.arraycopy(buf, cut, carry, 0, carryLen);
      Arrays.fill(buf, cut, cut + XmlCursor.SLACK, (byte) '<');
      if (end) checkEntry();
      ready.add(new Ready(produced++, buf, cut));
      if (end) eof = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkEntry() throws ZipException {
    if (entry.getSize() >= 0 && inflated != entry.getSize()) {
      throw new ZipException("invalid entry size (expected " + entry.getSize() + " but got " + inflated + " bytes)");
    }
    if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) throw new ZipException("invalid entry CRC");
  }

  /** The position after the last {@code </row>} in {@code buf[0, n)}, or -1. */
  private static int lastRowEnd(byte[] buf, int n) {
    for (int i = n - 6; i >= 0; i--) {
      if (buf[i] == '<' && buf[i + 1] == '/' && buf[i + 2] == 'r' && buf[i + 3] == 'o' && buf[i + 4] == 'w'
          && buf[i + 5] == '>') {
        return i + 6;
      }
    }
    return -1;
  }
}
