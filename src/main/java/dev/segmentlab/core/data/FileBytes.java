package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads a text file (optionally gzip-compressed) into memory, and sniffs what kind of file it really is. */
final class FileBytes {
  private FileBytes() {}

  enum Kind { TEXT, GZIP, XLSX, OLE2, EMPTY }

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Looks at the first bytes. */
  static Kind sniff(Path file) {
    checkReadable(file);
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 8);
    } catch (IOException e) {
      throw ioError(file, e);
    }
    if (n == 0) return Kind.EMPTY;
    if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) return Kind.GZIP;
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return Kind.XLSX;
    if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
        && (head[3] & 0xFF) == 0xE0) return Kind.OLE2;
    return Kind.TEXT;
  }

  static void checkReadable(Path file) {
    if (!Files.exists(file)) throw new DataException("File not found: " + file + ". Check the path and try again.");
    if (Files.isDirectory(file)) throw new DataException(file + " is a folder, not a data file.");
    if (!Files.isReadable(file)) throw new DataException("Cannot read " + file + ": permission denied.");
  }

  static DataException ioError(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DataException("The file " + file.getFileName() + " disappeared while it was being read. Check that it still exists and open it again.", e);
    }
    if (e instanceof AccessDeniedException) {
      return new DataException("Cannot read " + file.getFileName() + ": permission denied.", e);
    }
    if (e instanceof ZipException || e instanceof EOFException) {
      return new DataException("The file " + file.getFileName() + " is damaged or incomplete (" + e.getMessage() + "). Download or export it again.", e);
    }
    return new DataException("Could not read " + file.getFileName() + ": " + e.getMessage(), e);
  }

  /** Whole content, decompressed when gzip. Progress is the fraction of the file's bytes read. */
  static byte[] read(Path file, boolean gzip, RunControl rc) {
    DoubleConsumer progress = rc.progressSink();
    try {
      long size = Files.size(file);
      int expected = gzip ? gzipSizeHint(file, size) : (int) Math.min(size, Integer.MAX_VALUE - 16);
      try (CountingInput counting = new CountingInput(Files.newInputStream(file), size, progress);
           InputStream in = gzip ? new GZIPInputStream(counting, 1 << 16) : counting) {
        byte[] buf = new byte[Math.max(expected, 1024)];
        int len = 0;
        while (true) {
          if (rc.isCancelled()) throw new CancellationException("Load cancelled");
          if (len == buf.length) buf = Arrays.copyOf(buf, grow(buf.length));
          int r = in.read(buf, len, Math.min(buf.length - len, 1 << 20));
          if (r < 0) break;
          len += r;
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
      }
    } catch (IOException e) {
      throw ioError(file, e);
    } catch (OutOfMemoryError e) {
      throw new DataException("The file " + file.getFileName() + " is too large for the memory available to SegmentLab.");
    }
  }

  private static int grow(int n) {
    long next = Math.min((long) n * 2, Integer.MAX_VALUE - 16L);
    if (next <= n) throw new DataException("The file is larger than 2 GB uncompressed; split it first.");
    return (int) next;
  }

  /** The uncompressed size a gzip file's trailer states (mod 2^32), or -1 when it cannot be read. */
  static long gzipTrailerSize(Path file) {
    try (var ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size < 18) return -1;
      ch.position(size - 4);
      var bb = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      while (bb.hasRemaining() && ch.read(bb) > 0) { /* fill */ }
      bb.flip();
      return bb.remaining() == 4 ? Integer.toUnsignedLong(bb.getInt()) : -1;
    } catch (IOException e) {
      throw ioError(file, e);
    }
  }

  /** gzip stores the uncompressed size mod 2^32 in its last 4 bytes: a good first guess for the buffer. */
  private static int gzipSizeHint(Path file, long size) throws IOException {
    if (size < 18) return 1024;
    try (var ch = Files.newByteChannel(file)) {
      ch.position(size - 4);
      var bb = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      while (bb.hasRemaining() && ch.read(bb) > 0) { /* fill */ }
      bb.flip();
      long isize = bb.remaining() == 4 ? Integer.toUnsignedLong(bb.getInt()) : 0;
      long guess = isize >= size ? isize + 16 : size * 8;
      return (int) Math.min(guess, Integer.MAX_VALUE - 16L);
    }
  }

  /** Whether the text from {@code start} has CR-only line ends: a CR and no LF in its first megabyte. */
  static boolean crOnly(byte[] b, int start, int len) {
    int to = (int) Math.min(len, start + (1L << 20));
    boolean cr = false;
    for (int i = start; i < to; i++) {
      if (b[i] == '\n') return false;
      if (b[i] == '\r') cr = true;
    }
    return cr;
  }

  /** Turns CR line ends into LF in place. */
  static void crToLf(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] == '\r') b[i] = '\n';
  }

  /** Length of a UTF-8 byte-order mark at the start, else 0. Throws for UTF-16 files. */
  static int bomLength(byte[] b, int len) {
    if (len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return 3;
    if (len >= 2 && (((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) || ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF))) {
      throw new DataException("This file is UTF-16 encoded. Save it as UTF-8 (or CSV UTF-8 in Excel) and open it again.");
    }
    return 0;
  }

  /**
   * Whether the start of the range looks binary rather than text: a NUL byte, or control characters (other than
   * tab, line breaks, form feed and escape) in more than 1% of it, as random or compressed bytes have about 10%.
   */
  static boolean looksBinary(byte[] b, int len) {
    int n = Math.min(len, 1 << 16);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i];
      if (c == 0) return true;
      if (c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) control++;
    }
    return control * 100 > n;
  }

  /** The number of byte sequences in {@code b[from, to)} that are not valid UTF-8 (each would be one U+FFFD). */
  static long invalidUtf8(byte[] b, int from, int to) {
    long bad = 0;
    int i = from;
    while (i < to) {
      int c = b[i];
      if (c >= 0) { i++; continue; }
      c &= 0xFF;
      int extra = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      boolean ok = extra > 0;
      for (int k = 1; ok && k <= extra; k++) ok = i + k < to && (b[i + k] & 0xC0) == 0x80;
      if (ok) {
        i += extra + 1;
      } else {
        bad++;
        i++;
      }
    }
    return bad;
  }

  /** UTF-8 when every non-ASCII sequence is valid UTF-8, else Windows-1252 (a superset of ISO-8859-1's letters). */
  static Charset detectCharset(byte[] b, int from, int len) {
    int i = from;
    while (i < len) {
      int c = b[i];
      if (c >= 0) { i++; continue; }
      c &= 0xFF;
      int extra;
      if (c >= 0xC2 && c <= 0xDF) extra = 1;
      else if (c >= 0xE0 && c <= 0xEF) extra = 2;
      else if (c >= 0xF0 && c <= 0xF4) extra = 3;
      else return WINDOWS_1252;
      for (int k = 1; k <= extra; k++) {
        if (i + k >= len || (b[i + k] & 0xC0) != 0x80) return WINDOWS_1252;
      }
      i += extra + 1;
    }
    return StandardCharsets.UTF_8;
  }

  /** An input stream that reports how far through the file it is. */
  private static final class CountingInput extends FilterInputStream {
    private final long size;
    private final DoubleConsumer progress;
    private long count;
    private long lastReported;

    CountingInput(InputStream in, long size, DoubleConsumer progress) {
      super(in);
      this.size = Math.max(1, size);
      this.progress = progress;
    }

    @Override public int read() throws IOException {
      int r = super.read();
      if (r >= 0) advance(1);
      return r;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
      int r = super.read(b, off, len);
      if (r > 0) advance(r);
      return r;
    }

    private void advance(int n) {
      count += n;
      if (count - lastReported >= (1 << 20) || count >= size) {
        lastReported = count;
        progress.accept(Math.min(1.0, count / (double) size));
      }
    }
  }
}
