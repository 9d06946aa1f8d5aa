package dev.segmentlab.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much memory reading a file takes, and the one message for a file that does not fit: "needs about N GB;
 * raise the heap with JAVA_OPTS=-Xmx… or open a smaller file". Used before a read where the size is known, and
 * for an {@link OutOfMemoryError} during one.
 */
public final class ReadMemory {
  private ReadMemory() {}

  /** Heap per byte of text read, measured on Online Retail (columns, dictionaries, the parse buffers). */
  private static final double PER_BYTE = 1.5;
  private static final long BASE = 64L << 20;

  /**
   * The uncompressed size of a text file in bytes: its size, or for gzip what its trailer states (the size mod
   * 4 GB: when that is below the compressed size, eight times the compressed size). -1 when unknown.
   */
  public static long textBytes(Path file) {
    try {
      long size = Files.size(file);
      if (FileBytes.sniff(file) != FileBytes.Kind.GZIP) return size;
      long trailer = FileBytes.gzipTrailerSize(file);
      return trailer >= size ? trailer : size * 8;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The heap a read of {@code textBytes} of text needs, in bytes. */
  public static long needed(long textBytes) { return BASE + (long) (PER_BYTE * Math.max(0, textBytes)); }

  /**
   * Refuses a text file whose text alone is larger than the whole heap (it cannot be read), before reading it.
   *
   * @throws DataException with {@link #message}
   */
  static void check(Path file, long textBytes) {
    if (textBytes > Runtime.getRuntime().maxMemory()) throw tooLarge(file, null);
  }

  /** The exception for a file that did not fit: its message is {@link #message}. */
  public static DataException tooLarge(Path file, OutOfMemoryError cause) {
    return new DataException(message(file), cause);
  }

  /**
   * "name needs about 3.2 GB of memory, more than the 1.0 GB available; raise the heap with JAVA_OPTS=-Xmx4g or
   * open a smaller file."
   */
  public static String message(Path file) {
    long text = textBytes(file);
    long max = Runtime.getRuntime().maxMemory();
    long need = text < 0 ? 2 * max : Math.max(needed(text), max + (max >> 2));
    long gb = Math.max(1, (long) Math.ceil(need / (double) (1L << 30)));
    return String.format(Locale.ROOT, "%s needs about %.1f GB of memory to read, more than the %s available; "
        + "raise the heap with JAVA_OPTS=-Xmx%dg or open a smaller file.",
        file == null ? "The file" : file.getFileName(), need / (double) (1L << 30), size(max), gb);
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MB", bytes >> 20);
  }
}
