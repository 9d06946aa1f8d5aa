package dev.segmentlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a file fits in the memory left before it is read: a load that does not fit gets one clear message
 * instead of an OutOfMemoryError half-way, and the dataset already open stays.
 *
 * <p>The estimate is per byte of text: the app holds the rows (columns of codes and numbers), the cleaned rows,
 * the customers' features and matrix, and for a while the file's blocks; measured on Online Retail replicated
 * 10× that is about 1.3 bytes of heap per byte of CSV. Compressed files count at their usual ratio (gzip CSV
 * about 6.3, XLSX about 2 against the same CSV).
 */
public final class MemoryCheck {
  /** Heap bytes needed per byte of uncompressed CSV text. */
  static final double HEAP_PER_TEXT_BYTE = 1.3;
  /** A system property that caps the memory the check may count on (bytes), e.g. to try a small machine. */
  public static final String BUDGET_PROPERTY = "segmentlab.heapBudget";

  private MemoryCheck() {}

  /** The memory is not enough; the message says how much is needed and what to do. */
  public static final class NotEnoughMemory extends RuntimeException {
    NotEnoughMemory(String message) { super(message); }
  }

  /**
   * Throws when {@code file} would not fit in the heap left now (after one collection, so that garbage does not
   * count as used). Call it off the FX thread.
   *
   * @throws NotEnoughMemory with the figures and the remedy
   */
  public static void ensureRoomFor(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return; // the reader says what is wrong with the file
    }
    long need = need(file, size);
    if (need <= free()) return;
    System.gc(); // what looks used may be garbage of the previous load
    long free = free();
    if (need > free) throw new NotEnoughMemory(message(file, need, free, budget()));
  }

  /** Estimated heap bytes to load a file of {@code size} bytes. */
  static long need(Path file, long size) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    double text = name.endsWith(".gz") ? size * 6.3 : name.endsWith(".xlsx") ? size * 2.0 : size;
    return (long) (text * HEAP_PER_TEXT_BYTE);
  }

  static String message(Path file, long need, long free, long max) {
    return String.format(Locale.ROOT, "%s needs about %s of memory to open, and SegmentLab has %s free of %s. "
        + "The dataset already open stays. Close other files or programs, or start SegmentLab with more memory "
        + "(e.g. JAVA_OPTS=-Xmx%dg).", file.getFileName(), gb(need), gb(free), gb(max),
        Math.max(2, (long) Math.ceil((max - free + need) * 1.2 / (1L << 30))));
  }

  private static long budget() {
    long max = Runtime.getRuntime().maxMemory();
    String b = System.getProperty(BUDGET_PROPERTY);
    if (b != null) {
      try {
        max = Math.min(max, Long.parseLong(b.trim()));
      } catch (NumberFormatException e) {
        // ignored: the real heap applies
      }
    }
    return max;
  }

  private static long free() {
    Runtime r = Runtime.getRuntime();
    return Math.max(0, budget() - (r.totalMemory() - r.freeMemory()));
  }

  private static String gb(long bytes) {
    return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : bytes >= (1L << 20) ? String.format(Locale.ROOT, "%d MB", bytes >> 20)
        : String.format(Locale.ROOT, "%d KB", bytes >> 10);
  }
}
