package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.Parallel;
import dev.segmentlab.core.concurrent.RunControl;
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
 * Inflates a compressed stream and hands it out in blocks of whole records, parsed while the rest inflates: a
 * block is about 4 MB cut after its last record (a sheet's {@code </row>}, a text file's line), the rest carried
 * into the next one. Inflating is the one sequential part, so whichever thread finds room for another block inflates
 * it, and the others parse; at most threads + 2 blocks are in memory at once (a file held whole made the first
 * load measurably slower: the first touch of fresh memory is slow on some machines).
 *
 * <p>The threads are the caller's and the executor's, run by {@link Parallel}: the calling thread does both jobs
 * itself when no helper starts, so it never waits for a task that did not start. A sheet's CRC and size are
 * checked at its end (the JDK's {@code ZipFile} does not), so a damaged entry fails as such; a gzip stream checks
 * its own.
 */
final class InflatedBlocks<R> {
  private static final int BLOCK = 4 << 20;
  private static final int MAX_BLOCK = 256 << 20;

  /** Parses block {@code index}, which is {@code buf[0, end)} followed by the slack bytes. */
  interface Parser<R> {
    R parse(int index, byte[] buf, int end);
  }

  /** The position after the last whole record in {@code buf[0, n)}, or -1 when there is none. */
  interface Cut {
    int after(byte[] buf, int n);
  }

  /**
   * No record ends within {@code MAX_BLOCK} bytes (a text file whose lines end in CR alone, say): the caller reads
   * the stream another way.
   */
  static final class NoRecordEnd extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoRecordEnd() {
      super("no record end within 256 MB", null, false, false);
    }
  }

  /** Checks the stream once all of it is inflated: its size and CRC-32. */
  interface Check {
    void atEnd(long size, long crc) throws IOException;
  }

  private record Ready(int index, byte[] buf, int end) {}

  private final InputStream in;
  private final long expectedSize; // for progress; 0 or less when unknown
  private final Cut cut;
  private final int slack;
  private final byte slackByte;
  private final Check check; // null: none (and no CRC taken)
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
  // (carry and carryLen may start with the head of the stream the caller read)
  private int carryLen;
  private int produced;
  private long inflated;

  /**
   * The stream to inflate.
   *
   * @param expectedSize the inflated size, for progress (0 or less: unknown)
   * @param head bytes read from the stream already, {@code head[from, to)} coming first (may be null)
   */
  record Input(InputStream in, long expectedSize, byte[] head, int from, int to) {
    static Input of(InputStream in, long expectedSize) {
      return new Input(in, expectedSize, null, 0, 0);
    }
  }

  /**
   * How the stream is cut into blocks of records.
   *
   * @param cut finds the end of the last whole record in a buffer
   * @param slack bytes of {@code slackByte} written after each block (a parser's sentinel)
   * @param check run once the stream ended (null: none, and no CRC taken)
   */
  record Framing(Cut cut, int slack, byte slackByte, Check check) {
    /** Records end at a line break found by {@code cut}; no sentinel, no check. */
    static Framing lines(Cut cut) {
      return new Framing(cut, 0, (byte) 0, null);
    }
  }

  private InflatedBlocks(Input input, Framing framing, Parser<R> parser, int threads, BooleanSupplier cancelled) {
    this.in = input.in();
    this.expectedSize = input.expectedSize();
    this.cut = framing.cut();
    this.slack = framing.slack();
    this.slackByte = framing.slackByte();
    this.check = framing.check();
    this.parser = parser;
    this.cancelled = cancelled;
    this.maxBuffers = threads + 2;
  }

  /**
   * Parses a sheet's entry block by block, each followed by {@link XmlCursor#SLACK} '<'s; returns the results in
   * the entry's order.
   *
   * @param rc its progress gets, on the calling thread, the fraction of the entry inflated (0..1)
   * @throws IOException when the entry cannot be inflated, or its CRC or size is wrong
   */
  static <R> List<R> parse(ZipFile zip, ZipEntry entry, Parser<R> parser, RunControl rc) throws IOException {
    Check check = (size, crc) -> {
      if (entry.getSize() >= 0 && size != entry.getSize()) {
        throw new ZipException("invalid entry size (expected " + entry.getSize() + " but got " + size + " bytes)");
      }
      if (entry.getCrc() >= 0 && crc != entry.getCrc()) throw new ZipException("invalid entry CRC");
    };
    try (InputStream in = zip.getInputStream(entry)) {
      return parse(Input.of(in, entry.getSize()),
          new Framing(InflatedBlocks::lastRowEnd, XmlCursor.SLACK, (byte) '<', check), parser, rc);
    }
  }

  /**
   * Parses a stream block by block; returns the results in the stream's order.
   *
   * @param rc threads (the executor's and the caller's), cancellation, and progress, which gets on the calling
   *     thread the fraction inflated (0..1, negative when the size is unknown)
   * @throws IOException when the stream cannot be inflated, or fails the check
   */
  static <R> List<R> parse(Input input, Framing framing, Parser<R> parser, RunControl rc) throws IOException {
    int threads = rc.executor() == null ? 1 : Math.max(2, Runtime.getRuntime().availableProcessors());
    InflatedBlocks<R> blocks = new InflatedBlocks<>(input, framing, parser, threads, rc.cancelledCheck());
    if (input.head() != null && input.to() > input.from()) {
      blocks.carry = Arrays.copyOfRange(input.head(), input.from(), input.to());
      blocks.carryLen = input.to() - input.from();
    }
    Thread caller = Thread.currentThread();
    DoubleConsumer progress = rc.progressSink();
    try {
      Parallel.forEach(threads, rc, i -> blocks.work(Thread.currentThread() == caller ? progress : null), null);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<R> out = new ArrayList<>(blocks.produced);
    for (int i = 0; i < blocks.produced; i++) out.add(blocks.results.get(i));
    return out;
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
      int need = carryLen + BLOCK + slack;
      if (buf == null || buf.length < need) buf = new byte[need];
      buffers.incrementAndGet();
      System.arraycopy(carry, 0, buf, 0, carryLen);
      int n = carryLen;
      boolean end = false;
      int cut;
      while (true) {
        int room = buf.length - slack;
        while (n < room) {
          int r = in.read(buf, n, room - n);
          if (r < 0) {
            end = true;
            break;
          }
          if (check != null) crc.update(buf, n, r);
          n += r;
          inflated += r;
        }
        fraction = expectedSize > 0 ? Math.min(1.0, inflated / (double) expectedSize) : -1;
        cut = end ? n : this.cut.after(buf, n);
        if (cut >= 0) break;
        if (buf.length >= MAX_BLOCK) throw new NoRecordEnd();
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      carryLen = n - cut;
      if (carryLen > carry.length) carry = new byte[Math.max(carryLen, carry.length * 2)];
      System.arraycopy(buf, cut, carry, 0, carryLen);
      Arrays.fill(buf, cut, cut + slack, slackByte);
      if (end && check != null) check.atEnd(inflated, crc.getValue());
      ready.add(new Ready(produced++, buf, cut));
      if (end) eof = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The position after the last {@code </row>} in {@code buf[0, n)}, or -1. */
  static int lastRowEnd(byte[] buf, int n) {
    for (int i = n - 6; i >= 0; i--) {
      if (buf[i] == '<' && buf[i + 1] == '/' && buf[i + 2] == 'r' && buf[i + 3] == 'o' && buf[i + 4] == 'w'
          && buf[i + 5] == '>') {
        return i + 6;
      }
    }
    return -1;
  }
}
